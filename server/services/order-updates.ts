import { DomainError, type OrderUpdateRequest, type ShippingStatus } from '../../shared';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../repositories/timestamps';
import { changeCase } from './case-access';

const SHIPPING_RANK: Record<ShippingStatus, number> = { not_shipped: 0, shipped: 1, delivered: 2 };

interface OrderRow {
  id: string;
  external_id: string;
  shipping_status: ShippingStatus;
  shipped_at: Date | null;
  delivered_at: Date | null;
  tracking_number: string | null;
  payout_status: 'held' | 'released' | null;
  status: 'active' | 'cancelled';
}

const view = (o: OrderRow) => ({
  externalId: o.external_id,
  status: o.status,
  shippingStatus: o.shipping_status,
  shippedAt: isoOrNull(o.shipped_at),
  deliveredAt: isoOrNull(o.delivered_at),
  trackingNumber: o.tracking_number,
  payoutStatus: o.payout_status,
});

const asTime = (v: string | null | undefined) => (v ? iso(new Date(v)) : null);

/**
 * The marketplace keeps an order's facts current after intake. Facts arrive out of order
 * (its own retries), so shipping never moves backwards (a late "shipped" after
 * "delivered" is ignored) and nothing here touches whether the order is cancelled.
 * Each case on the order gets an `order.updated` event naming what changed.
 */
export async function updateOrderFacts(
  tx: Queryable,
  externalId: string,
  req: OrderUpdateRequest,
  now: Date,
) {
  const found = await tx.query<{ id: string }>('SELECT id FROM orders WHERE external_id = $1', [
    externalId,
  ]);
  const orderId = found.rows[0]?.id;
  if (!orderId) throw new DomainError('not_found', 'No order with that external id.');
  // Cases first, then the order: the lock order of every other command.
  const cases = await tx.query<{ id: string }>(
    'SELECT id FROM cases WHERE order_id = $1 ORDER BY id FOR UPDATE',
    [orderId],
  );
  const o = (await tx.query<OrderRow>('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [orderId]))
    .rows[0]!;
  const before = view(o);
  const next = { ...before };
  if (req.shippingStatus && SHIPPING_RANK[req.shippingStatus] > SHIPPING_RANK[o.shipping_status])
    next.shippingStatus = req.shippingStatus;
  if (req.shippedAt !== undefined) next.shippedAt = asTime(req.shippedAt);
  if (req.deliveredAt !== undefined) next.deliveredAt = asTime(req.deliveredAt);
  if (req.trackingNumber !== undefined) next.trackingNumber = req.trackingNumber;
  if (req.payoutStatus !== undefined) next.payoutStatus = req.payoutStatus;

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) {
    if (next[k] !== before[k]) changes[k] = { from: before[k], to: next[k] };
  }
  if (Object.keys(changes).length === 0)
    return { order: before, caseIds: cases.rows.map((r) => r.id) };

  await tx.query(
    `UPDATE orders SET shipping_status = $2, shipped_at = $3, delivered_at = $4, tracking_number = $5,
            payout_status = $6, updated_at = $7 WHERE id = $1`,
    [
      orderId,
      next.shippingStatus,
      next.shippedAt,
      next.deliveredAt,
      next.trackingNumber,
      next.payoutStatus,
      now,
    ],
  );
  for (const c of cases.rows) {
    await changeCase(
      tx,
      c.id,
      {},
      {
        caseId: c.id,
        type: 'order.updated',
        actorId: null,
        at: now,
        data: { orderExternalId: o.external_id, changes },
      },
    );
  }
  return { order: next, caseIds: cases.rows.map((r) => r.id) };
}
