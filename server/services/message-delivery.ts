import { DomainError, canSeeCase, type Actor, type Language, type Message } from '../../shared';
import type { Queryable } from '../db/database';
import { requeueMail } from '../mail/mail-outbox';
import { toMessage } from '../repositories/case-parts';
import { isUuid } from '../repositories/timestamps';
import { lockVisibleCase, notFound, requireWorker } from './case-access';

type MessageRow = Parameters<typeof toMessage>[0];

/** Sends a message whose mail failed once more, for another day of tries. */
export async function retryDelivery(
  tx: Queryable,
  actor: Actor,
  messageId: string,
  now: Date,
): Promise<Message> {
  if (!isUuid(messageId)) throw notFound('message');
  const found = await tx.query<{ case_id: string }>('SELECT case_id FROM messages WHERE id = $1', [
    messageId,
  ]);
  if (!found.rows[0]) throw notFound('message');
  const c = await lockVisibleCase(tx, actor, found.rows[0].case_id).catch(() => {
    throw notFound('message');
  });
  requireWorker(actor, c);
  if (!(await requeueMail(tx, messageId, now))) {
    throw new DomainError('stale_state', 'Only a message whose mail failed can be sent again.');
  }
  const res = await tx.query<MessageRow>('SELECT * FROM messages WHERE id = $1', [messageId]);
  return toMessage(res.rows[0]!);
}

/** The full text of an incoming message as it arrived, for whoever can see its case. */
export async function originalOfMessage(
  db: Queryable,
  actor: Actor,
  messageId: string,
): Promise<{ messageId: string; text: string }> {
  if (!isUuid(messageId)) throw notFound('message');
  const res = await db.query<{
    body: string;
    original_body: string | null;
    language: Language;
    assignee_id: string | null;
  }>(
    `SELECT m.body, m.original_body, c.language, c.assignee_id
       FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.id = $1`,
    [messageId],
  );
  const r = res.rows[0];
  if (!r || !canSeeCase(actor, { language: r.language, assigneeId: r.assignee_id })) {
    throw notFound('message');
  }
  return { messageId, text: r.original_body ?? r.body };
}
