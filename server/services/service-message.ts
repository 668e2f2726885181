import { createHash } from 'node:crypto';
import { DomainError, type Party } from '../../shared';
import type { Queryable } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import { changeCase } from './case-access';
import { planDelivery, type DeliveryPlan } from './outgoing-message';

/**
 * The notice's message id, derived from the action and the party (an RFC 9562 version-8
 * UUID): however often the action's taking effect is replayed, its notice is one row,
 * and its mail one Message-ID.
 */
export function noticeMessageId(actionId: string, to: Party): string {
  return derivedMessageId(`casedesk-action-notice:${actionId}:${to}`);
}

/** A version-8 UUID derived from `seed`: the same cause always names the same message. */
export function derivedMessageId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ServiceMessage {
  /** Derived from what causes it, so a replay stores and sends nothing twice. */
  id: string;
  caseId: string;
  to: Party;
  body: string;
  /** Null: the service itself (a reminder), not a person. */
  authorId: string | null;
  now: Date;
  /** Added to the `message.sent` event (which action or decision it tells of). */
  data: Record<string, unknown>;
}

/**
 * Stores a message the service writes on someone's behalf and queues it on the case's
 * channel, with its `message.sent` event. Nothing happens when the id is already taken
 * (a replay). An address removed since the proposal does not undo the decision: the
 * message is kept as `failed` with the reason.
 */
export async function deliverServiceMessage(
  tx: Queryable,
  mail: MailSettings | null,
  m: ServiceMessage,
): Promise<boolean> {
  let plan: DeliveryPlan | null = null;
  let refusal: string | null = null;
  try {
    plan = await planDelivery(tx, mail, m.caseId, m.to);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'recipient_unknown') throw e;
    refusal = e.message;
  }
  const stored = await tx.query<{ status: string }>(
    `WITH m AS (
       INSERT INTO messages (id, case_id, direction, party, author_id, body, created_at, delivery_status, last_error)
       VALUES ($1, $2, 'to', $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id
     ) SELECT c.status FROM m JOIN cases c ON c.id = $2`,
    [m.id, m.caseId, m.to, m.authorId, m.body, m.now, plan?.status ?? 'failed', refusal],
  );
  const inserted = stored.rows[0];
  if (!inserted) return false;
  await plan?.queue(tx, { id: m.id, body: m.body, authorId: m.authorId, attachments: [] }, m.now);
  const firstResponse =
    m.to === 'buyer'
      ? await tx.query('SELECT 1 FROM cases WHERE id = $1 AND first_responded_at IS NULL', [
          m.caseId,
        ])
      : { rows: [] };
  await changeCase(tx, m.caseId, firstResponse.rows.length ? { first_responded_at: m.now } : {}, {
    caseId: m.caseId,
    type: 'message.sent',
    actorId: m.authorId,
    at: m.now,
    data: { messageId: m.id, to: m.to, status: inserted.status, ...m.data },
  });
  return true;
}
