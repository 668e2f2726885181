import { randomBytes, randomUUID } from 'node:crypto';
import type { Party } from '../../shared';
import type { Queryable } from '../db/database';
import type { MailEnvelope } from './compose-mail';
import { GIVE_UP_AFTER_MS } from './retry-delay';

/** Woken after a mail is queued (NOTIFY is delivered on commit), so senders need not wait a poll. */
export const MAIL_CHANNEL = 'casedesk_mail';

export interface OutboxRow {
  message_id: string;
  case_id: string;
  party: Party;
  mail_message_id: string;
  recipient: string;
  envelope: MailEnvelope;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  queued_at: Date;
  next_attempt_at: Date;
  claim_id: string | null;
}

/** The case's Reply-To token, made on its first mail; 128 random bits, lower-case hex. */
export async function replyTokenOf(tx: Queryable, caseId: string, now: Date): Promise<string> {
  await tx.query(
    `INSERT INTO case_reply_tokens (case_id, token, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (case_id) DO NOTHING`,
    [caseId, randomBytes(16).toString('hex'), now],
  );
  const res = await tx.query<{ token: string }>(
    'SELECT token FROM case_reply_tokens WHERE case_id = $1',
    [caseId],
  );
  return res.rows[0]!.token;
}

/** Message-IDs of the mail exchanged with this party on this case so far, oldest first. */
export async function mailThread(tx: Queryable, caseId: string, party: Party): Promise<string[]> {
  const res = await tx.query<{ id: string }>(
    `SELECT mail_message_id AS id FROM mail_outbox WHERE case_id = $1 AND party = $2
      ORDER BY queued_at, message_id`,
    [caseId, party],
  );
  return res.rows.map((r) => r.id);
}

/** Queues a mail; call it in the transaction that stores its message. */
export async function queueMail(
  tx: Queryable,
  m: { messageId: string; caseId: string; party: Party; envelope: MailEnvelope; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO mail_outbox (message_id, case_id, party, mail_message_id, recipient, envelope,
       status, queued_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7)`,
    [
      m.messageId,
      m.caseId,
      m.party,
      m.envelope.messageId,
      m.envelope.to,
      JSON.stringify(m.envelope),
      m.now,
    ],
  );
  await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, m.messageId]);
}

/**
 * Claims up to `limit` due mails for one sender: pending ones whose time has come, and
 * sending ones whose lease ran out (their sender died between claim and record). Rows
 * another sender is claiming right now are skipped, not waited for. Commit before sending.
 */
export async function claimDueMail(
  tx: Queryable,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<OutboxRow[]> {
  const res = await tx.query<OutboxRow>(
    `UPDATE mail_outbox m
        SET status = 'sending', attempts = m.attempts + 1, claim_id = $1, next_attempt_at = $2
      WHERE m.message_id IN (
        SELECT message_id FROM mail_outbox
         WHERE status IN ('pending', 'sending') AND next_attempt_at <= $3
         ORDER BY next_attempt_at
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
      RETURNING m.*`,
    [randomUUID(), new Date(now.getTime() + leaseMs), now, limit],
  );
  return res.rows;
}

/** Records a mail as sent, on the queue and on its message; only by the claim that sent it. */
export async function recordSent(tx: Queryable, row: OutboxRow, now: Date): Promise<boolean> {
  const res = await tx.query(
    `UPDATE mail_outbox SET status = 'sent', sent_at = $3, last_error = NULL, claim_id = NULL
      WHERE message_id = $1 AND claim_id = $2`,
    [row.message_id, row.claim_id, now],
  );
  if (res.rowCount === 0) return false;
  await tx.query(
    `UPDATE messages SET delivery_status = 'sent', delivery_attempts = $2, sent_at = $3,
       last_error = NULL WHERE id = $1`,
    [row.message_id, row.attempts, now],
  );
  return true;
}

/**
 * Records a failed try: due again after `retryInMs`, or failed for good when the mail has
 * been tried for a day or the server refused it permanently.
 */
export async function recordFailure(
  tx: Queryable,
  row: OutboxRow,
  now: Date,
  error: string,
  opts: { retryInMs: number; permanent: boolean },
): Promise<'retry' | 'failed' | 'lost_claim'> {
  const expired = now.getTime() - new Date(row.queued_at).getTime() >= GIVE_UP_AFTER_MS;
  const outcome = opts.permanent || expired ? 'failed' : 'retry';
  const res = await tx.query(
    `UPDATE mail_outbox SET status = $3, next_attempt_at = $4, last_error = $5, claim_id = NULL
      WHERE message_id = $1 AND claim_id = $2`,
    [
      row.message_id,
      row.claim_id,
      outcome === 'failed' ? 'failed' : 'pending',
      new Date(now.getTime() + opts.retryInMs),
      error,
    ],
  );
  if (res.rowCount === 0) return 'lost_claim';
  await tx.query(
    `UPDATE messages SET delivery_status = $2, delivery_attempts = $3, last_error = $4 WHERE id = $1`,
    [row.message_id, outcome === 'failed' ? 'failed' : 'queued', row.attempts, error],
  );
  return outcome;
}

/** Puts a failed mail back in the queue as if new: tried again now, for another day. */
export async function requeueMail(tx: Queryable, messageId: string, now: Date): Promise<boolean> {
  const res = await tx.query(
    `UPDATE mail_outbox SET status = 'pending', queued_at = $2, next_attempt_at = $2
      WHERE message_id = $1 AND status = 'failed'`,
    [messageId, now],
  );
  if (res.rowCount === 0) return false;
  await tx.query(`UPDATE messages SET delivery_status = 'queued' WHERE id = $1`, [messageId]);
  await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, messageId]);
  return true;
}
