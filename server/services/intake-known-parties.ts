import {
  DomainError,
  mergeBuyer,
  mergeOrder,
  mergeSeller,
  orderPartyMismatch,
  type FactChanges,
  type IntakeRequest,
  type KnownBuyer,
  type KnownOrder,
  type KnownSeller,
} from '../../shared';
import type { Queryable } from '../db/database';
import { isoOrNull } from '../repositories/timestamps';
import { changeCase } from './case-access';

interface Known {
  buyer: (KnownBuyer & { id: string }) | null;
  seller: (KnownSeller & { id: string }) | null;
  order: (KnownOrder & { id: string }) | null;
}

/** What an escalation changes on parties Casedesk already holds, and whose cases show it. */
export interface KnownPartyChanges {
  buyer: FactChanges;
  seller: FactChanges;
  order: FactChanges;
  /** Existing cases locked for this intake, and which of the parties each shows. */
  cases: { id: string; ofBuyer: boolean; ofSeller: boolean; ofOrder: boolean }[];
}

const NOTHING: KnownPartyChanges = { buyer: {}, seller: {}, order: {}, cases: [] };

async function readKnown(tx: Queryable, req: IntakeRequest, lock: boolean): Promise<Known> {
  const forUpdate = lock ? 'FOR UPDATE' : '';
  const res = await tx.query<{ buyer: unknown; seller: unknown; order: unknown }>(
    `SELECT
       (SELECT json_build_object('id', id, 'name', name, 'email', email, 'language', language,
               'country', country, 'buyerSince', buyer_since)
          FROM buyers WHERE external_id = $1 ${forUpdate}) AS buyer,
       (SELECT json_build_object('id', id, 'name', name, 'country', country, 'rating', rating,
               'email', email, 'language', language)
          FROM sellers WHERE external_id = $2 ${forUpdate}) AS seller,
       (SELECT json_build_object('id', o.id, 'buyerExternalId', ob.external_id,
               'sellerExternalId', os.external_id, 'status', o.status,
               'shippingStatus', o.shipping_status, 'shippedAt', o.shipped_at,
               'deliveredAt', o.delivered_at, 'trackingNumber', o.tracking_number,
               'payoutStatus', o.payout_status)
          FROM orders o JOIN buyers ob ON ob.id = o.buyer_id JOIN sellers os ON os.id = o.seller_id
         WHERE o.external_id = $3 ${lock ? 'FOR UPDATE OF o' : ''}) AS "order"`,
    [req.buyer.externalId, req.order?.seller.externalId ?? null, req.order?.externalId ?? null],
  );
  const row = res.rows[0]!;
  const buyer = row.buyer as Known['buyer'];
  const order = row.order as Known['order'];
  const seller = row.seller as Known['seller'];
  // json_build_object renders times in the session's zone; the rules compare UTC ISO strings.
  if (buyer) buyer.buyerSince = isoOrNull(buyer.buyerSince);
  if (seller && seller.rating !== null) seller.rating = Number(seller.rating);
  if (order) {
    order.shippedAt = isoOrNull(order.shippedAt);
    order.deliveredAt = isoOrNull(order.deliveredAt);
  }
  return { buyer, seller, order };
}

/**
 * Before an escalation is stored: refuses one that names another buyer or seller for an
 * order Casedesk holds (422 `order_buyer_mismatch`), and works out what it would change on the
 * buyer, seller and order already known (see shared/intake-facts.ts for the rules). The
 * cases showing them are locked first — the lock order of every other command — then the
 * parties themselves, so the changes worked out here are the ones the upsert makes.
 */
export async function prepareKnownParties(
  tx: Queryable,
  req: IntakeRequest,
): Promise<KnownPartyChanges> {
  const seen = await readKnown(tx, req, false);
  if (!seen.buyer && !seen.seller && !seen.order) return NOTHING;
  const cases = await tx.query<{
    id: string;
    of_buyer: boolean | null;
    of_seller: boolean | null;
    of_order: boolean | null;
  }>(
    `SELECT c.id, c.buyer_id = $1 AS of_buyer, o.seller_id = $2 AS of_seller, c.order_id = $3 AS of_order
       FROM cases c LEFT JOIN orders o ON o.id = c.order_id
      WHERE c.buyer_id = $1 OR c.order_id = $3 OR o.seller_id = $2
      ORDER BY c.id FOR UPDATE OF c`,
    [seen.buyer?.id ?? null, seen.seller?.id ?? null, seen.order?.id ?? null],
  );
  const known = await readKnown(tx, req, true);
  const mismatch = known.order ? orderPartyMismatch(known.order, req) : null;
  if (mismatch) throw orderPartyMismatchError(mismatch);
  return {
    buyer: known.buyer ? mergeBuyer(known.buyer, req).changes : {},
    seller:
      known.seller && req.order
        ? mergeSeller(known.seller, req.order.seller, req.context?.sellerRating).changes
        : {},
    order:
      known.order && req.order
        ? mergeOrder(known.order, req.order, req.context?.payoutStatus).changes
        : {},
    cases: cases.rows.map((c) => ({
      id: c.id,
      ofBuyer: !!c.of_buyer,
      ofSeller: !!c.of_seller,
      ofOrder: !!c.of_order,
    })),
  };
}

/**
 * The contract has one code for an escalation whose order names other parties than
 * Casedesk holds, `order_buyer_mismatch`; a client needs to know no more than that nothing
 * was stored. Which party differs is in the message and in `details.fields`.
 */
export const orderPartyMismatchError = (party: 'buyer' | 'seller' | null) =>
  new DomainError(
    'order_buyer_mismatch',
    `This order belongs to another ${party ?? 'buyer or seller'} in Casedesk; nothing was stored.`,
    party
      ? {
          fields: [
            {
              path: party === 'buyer' ? 'buyer.externalId' : 'order.seller.externalId',
              message: `not the ${party} of this order`,
            },
          ],
        }
      : undefined,
  );

/** Every change intake made to a known party is an event on each case that shows it. */
export async function recordKnownPartyChanges(
  tx: Queryable,
  req: IntakeRequest,
  known: KnownPartyChanges,
  now: Date,
): Promise<void> {
  const parts = [
    ['buyer', 'buyer.updated', { buyerExternalId: req.buyer.externalId }],
    ['seller', 'seller.updated', { sellerExternalId: req.order?.seller.externalId }],
    ['order', 'order.updated', { orderExternalId: req.order?.externalId }],
  ] as const;
  for (const c of known.cases) {
    for (const [party, type, names] of parts) {
      const changes = known[party];
      const shows = party === 'buyer' ? c.ofBuyer : party === 'seller' ? c.ofSeller : c.ofOrder;
      if (!shows || Object.keys(changes).length === 0) continue;
      await changeCase(
        tx,
        c.id,
        {},
        {
          caseId: c.id,
          type,
          actorId: null,
          at: now,
          data: { ...names, source: 'intake', changes },
        },
      );
    }
  }
}
