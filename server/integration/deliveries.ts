import {
  DomainError,
  type DeliveriesPage,
  type DeliveriesQuery,
  type Delivery,
  type DeliveryStatus,
} from '../../shared';
import type { Queryable } from '../db/database';
import { iso, isoOrNull, isUuid } from '../repositories/timestamps';

interface DeliveryRow {
  seq: number;
  id: string;
  type: string;
  case_id: string | null;
  reference: string | null;
  status: DeliveryStatus;
  attempts: number;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  type: r.type,
  caseId: r.case_id,
  caseReference: r.reference,
  status: r.status,
  attempts: r.attempts,
  createdAt: iso(r.created_at),
  lastAttemptAt: isoOrNull(r.last_attempt_at),
  // Only a delivery still being tried has a next try.
  nextAttemptAt: r.status === 'pending' || r.status === 'failed' ? iso(r.next_attempt_at) : null,
  lastHttpStatus: r.last_status,
  lastError: r.last_error,
  deliveredAt: isoOrNull(r.delivered_at),
});

const SELECT = `SELECT e.seq, e.id, e.type, e.case_id, c.reference, e.status, e.attempts, e.created_at,
       e.last_attempt_at, e.next_attempt_at, e.last_status, e.last_error, e.delivered_at
  FROM integration_events e LEFT JOIN cases c ON c.id = e.case_id`;

/** Newest first; the cursor is the position of the last one handed out. */
export async function listDeliveries(db: Queryable, q: DeliveriesQuery): Promise<DeliveriesPage> {
  const res = await db.query<DeliveryRow>(
    `${SELECT}
      WHERE ($1::text IS NULL OR e.status = $1) AND ($2::bigint IS NULL OR e.seq < $2)
      ORDER BY e.seq DESC LIMIT $3`,
    [q.status ?? null, q.cursor ?? null, q.limit + 1],
  );
  const rows = res.rows.slice(0, q.limit);
  const more = res.rows.length > q.limit;
  return {
    deliveries: rows.map(toDelivery),
    cursor: more ? String(rows.at(-1)!.seq) : null,
  };
}

/**
 * Sends a delivery again, whatever became of it: due now, its attempts kept. Like any
 * waiting event, it holds back its case's later ones until it is through, so the
 * receiver still sees each case in order.
 */
export async function retryDelivery(tx: Queryable, id: string): Promise<Delivery> {
  if (!isUuid(id)) throw new DomainError('not_found', 'No such delivery.');
  const res = await tx.query<{ seq: number }>(
    `UPDATE integration_events
        SET status = 'pending', next_attempt_at = now(), claim_token = NULL, claimed_until = NULL
      WHERE id = $1 AND (status <> 'pending' OR claimed_until IS NULL OR claimed_until <= now())
      RETURNING seq`,
    [id],
  );
  const found = await tx.query<DeliveryRow>(`${SELECT} WHERE e.id = $1`, [id]);
  if (!found.rows[0]) throw new DomainError('not_found', 'No such delivery.');
  if (res.rows.length > 0) await tx.query(`SELECT pg_notify('casedesk_integration', '')`);
  return toDelivery(found.rows[0]);
}

/** Sends every event of a time range again (for a receiver that lost them), in order. */
export async function replayDeliveries(
  tx: Queryable,
  from: string,
  to: string,
): Promise<{ replayed: number }> {
  if (new Date(from) > new Date(to))
    throw new DomainError('validation_failed', '`from` must not be after `to`.', {
      fields: [{ path: 'body.from', message: 'must not be after to' }],
    });
  const res = await tx.query(
    `UPDATE integration_events
        SET status = 'pending', next_attempt_at = now(), claim_token = NULL, claimed_until = NULL
      WHERE created_at >= $1 AND created_at <= $2 AND status IN ('delivered', 'dead')`,
    [from, to],
  );
  if (res.rowCount > 0) await tx.query(`SELECT pg_notify('casedesk_integration', '')`);
  return { replayed: res.rowCount };
}
