import { randomUUID } from 'node:crypto';
import type { Channel, IntegrationCaseRefs, IntegrationEventType } from '../../shared';
import type { Queryable } from '../db/database';

/** Delivery workers LISTEN here; an enqueue NOTIFYs on commit, so delivery starts at once. */
export const OUTBOX_CHANNEL = 'casedesk_integration';

export interface NewIntegrationEvent {
  type: IntegrationEventType | 'ping';
  /** The case it is about (its reference and external ids are added); null for a ping. */
  caseId: string | null;
  at: Date;
  /** Type-specific fields, or a function of the case's refs that returns them. */
  data?: Record<string, unknown> | ((refs: IntegrationCaseRefs) => Record<string, unknown>);
  /** Only for cases on these channels (chat replies go to the help center; mail does not). */
  channels?: readonly Channel[];
}

interface RefsRow {
  id: string;
  reference: string;
  channel: IntegrationCaseRefs['case']['channel'];
  language: IntegrationCaseRefs['case']['language'];
  topic: IntegrationCaseRefs['case']['topic'];
  buyer_external_id: string;
  order_external_id: string | null;
  lot_id: string | null;
  seller_external_id: string | null;
}

/**
 * The case's refs, or null when no webhook is configured (then nothing is enqueued: the
 * marketplace is not connected, and a backlog must not flood it once it is).
 */
async function loadRefs(tx: Queryable, caseId: string): Promise<IntegrationCaseRefs | null> {
  const res = await tx.query<RefsRow>(
    `SELECT c.id, c.reference, c.channel, c.language, c.topic, b.external_id AS buyer_external_id,
            o.external_id AS order_external_id, o.lot_id, s.external_id AS seller_external_id
       FROM cases c JOIN buyers b ON b.id = c.buyer_id
       LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id
      WHERE c.id = $1 AND (SELECT webhook_enabled FROM integration_settings)`,
    [caseId],
  );
  const r = res.rows[0];
  if (!r) return null;
  return {
    case: {
      id: r.id,
      reference: r.reference,
      channel: r.channel,
      language: r.language,
      topic: r.topic,
    },
    buyer: { externalId: r.buyer_external_id },
    order:
      r.order_external_id && r.lot_id ? { externalId: r.order_external_id, lotId: r.lot_id } : null,
    seller: r.seller_external_id ? { externalId: r.seller_external_id } : null,
  };
}

export async function webhookEnabled(tx: Queryable): Promise<boolean> {
  const res = await tx.query<{ webhook_enabled: boolean }>(
    'SELECT webhook_enabled FROM integration_settings',
  );
  return res.rows[0]?.webhook_enabled ?? false;
}

/**
 * Writes an integration event to the outbox, inside the caller's transaction: it leaves
 * if and only if the change commits. Call it with the case row locked (every command
 * does), which keeps each case's events in commit order. Returns the event id, or null
 * when no webhook is configured.
 */
export async function enqueueIntegrationEvent(
  tx: Queryable,
  e: NewIntegrationEvent,
): Promise<string | null> {
  let refs: IntegrationCaseRefs | null = null;
  if (e.caseId !== null) {
    refs = await loadRefs(tx, e.caseId);
    if (!refs) return null;
    if (e.channels && !e.channels.includes(refs.case.channel)) return null;
  } else if (!(await webhookEnabled(tx))) {
    return null;
  }
  const extra = typeof e.data === 'function' ? e.data(refs!) : (e.data ?? {});
  const id = randomUUID();
  const createdAt = e.at.toISOString();
  const body = JSON.stringify({ id, type: e.type, createdAt, data: { ...refs, ...extra } });
  await tx.query(
    `WITH ins AS (
       INSERT INTO integration_events (id, type, case_id, body, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING 1
     ) SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM ins`,
    [id, e.type, e.caseId, body, createdAt],
  );
  return id;
}

/** Turns the webhook on or off for every write path (the service does this at start). */
export async function setWebhookEnabled(tx: Queryable, enabled: boolean): Promise<void> {
  await tx.query('UPDATE integration_settings SET webhook_enabled = $1', [enabled]);
}
