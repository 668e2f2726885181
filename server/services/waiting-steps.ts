import {
  WAITING_POLICY,
  dueWaitingStep,
  waitingMessageText,
  waitingOn,
  type CaseStatus,
  type Language,
  type Topic,
  type WaitingStep,
} from '../../shared';
import type { Database, Queryable } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import { changeCase } from './case-access';
import { markResolved } from './case-resolution';
import { deliverServiceMessage, derivedMessageId } from './service-message';

const HOUR_S = 3600;

/**
 * The wait's start: the case's latest move into the status it is in, or the latest message
 * an agent wrote to the party waited on since then, whichever came last — a reminder comes
 * after the party's silence since we last wrote to them, not since the case began waiting.
 * The service's own reminder (no author) does not start a new wait. No move into the
 * status, no wait (as before agents' messages counted).
 */
const SINCE = `(SELECT CASE WHEN w.moved IS NULL THEN NULL ELSE greatest(w.moved, w.wrote) END
    FROM (SELECT
      (SELECT max(e.at) FROM events e
        WHERE e.case_id = c.id AND e.type = 'case.status_changed' AND e.data ->> 'to' = c.status) AS moved,
      (SELECT max(m.created_at) FROM messages m
        WHERE m.case_id = c.id AND m.direction = 'to' AND m.author_id IS NOT NULL
          AND m.party = CASE c.status WHEN 'pending_buyer' THEN 'buyer'
                                      WHEN 'pending_seller' THEN 'seller' END) AS wrote) AS w)`;

/** Policy as SQL reads it: topic → [remind seconds, resolve seconds]. */
const policyJson = () =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(WAITING_POLICY)
        .filter(([, s]) => s !== null)
        .map(([t, s]) => [t, [s!.remindAfterHours * HOUR_S, s!.resolveAfterHours * HOUR_S]]),
    ),
  );

/**
 * Waiting cases with a step due at `now`, oldest wait first. The same rule as
 * shared/waiting-steps.ts, in SQL so that a backlog of cases not yet due never fills the
 * batch; each case is checked again by that rule under its lock.
 */
async function dueCases(db: Queryable, now: Date, batch: number): Promise<string[]> {
  const res = await db.query<{ id: string }>(
    `WITH p AS (
       SELECT key AS topic, (value ->> 0)::int AS remind_s, (value ->> 1)::int AS resolve_s
         FROM jsonb_each($2::jsonb)
     ), w AS (
       SELECT c.id, c.topic, ${SINCE} AS since FROM cases c
        WHERE c.status IN ('pending_buyer', 'pending_seller')
     )
     SELECT w.id FROM w JOIN p ON p.topic = w.topic
       LEFT JOIN waiting_steps r ON r.case_id = w.id AND r.waiting_since = w.since AND r.step = 'reminder'
      WHERE w.since IS NOT NULL AND CASE
        WHEN r.done_at IS NULL THEN w.since + make_interval(secs => p.remind_s)
        ELSE greatest(w.since + make_interval(secs => p.resolve_s),
                      r.done_at + make_interval(secs => p.resolve_s - p.remind_s))
             + CASE WHEN EXISTS (SELECT 1 FROM actions a
                                  WHERE a.case_id = w.id AND a.status = 'pending_approval')
                    THEN interval '1000 years' ELSE interval '0' END
      END <= $1
      ORDER BY w.since, w.id LIMIT $3`,
    [now, policyJson(), batch],
  );
  return res.rows.map((r) => r.id);
}

interface WaitingRow {
  id: string;
  status: CaseStatus;
  topic: Topic;
  reference: string;
  language: Language;
  since: Date | null;
  reminded_at: Date | null;
  pending_approvals: boolean;
  buyer_name: string;
  seller_name: string | null;
  seller_language: Language | null;
  agent_name: string | null;
}

/**
 * Takes the due step of one case, in its own transaction: the case is locked (skipped when
 * another instance or a command holds it: the next pass comes back), the step is checked
 * again, claimed by its row in waiting_steps, and its message queued on the case's channel
 * through the outbox — all committed together or not at all. The message id derives from
 * the wait and the step, so even a replay would store and mail it once.
 */
async function takeStep(
  db: Database,
  mail: MailSettings | null,
  caseId: string,
  now: Date,
): Promise<WaitingStep | null> {
  return db.transaction(async (tx) => {
    const locked = await tx.query<{ id: string }>(
      'SELECT id FROM cases WHERE id = $1 FOR UPDATE SKIP LOCKED',
      [caseId],
    );
    if (!locked.rows[0]) return null;
    const res = await tx.query<WaitingRow>(
      `SELECT c.id, c.status, c.topic, c.reference, c.language, ${SINCE} AS since,
              (SELECT r.done_at FROM waiting_steps r WHERE r.case_id = c.id
                  AND r.waiting_since = ${SINCE} AND r.step = 'reminder') AS reminded_at,
              EXISTS (SELECT 1 FROM actions a WHERE a.case_id = c.id AND a.status = 'pending_approval')
                AS pending_approvals,
              b.name AS buyer_name, s.name AS seller_name, s.language AS seller_language,
              ag.name AS agent_name
         FROM cases c JOIN buyers b ON b.id = c.buyer_id
         LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN sellers s ON s.id = o.seller_id
         LEFT JOIN agents ag ON ag.id = c.assignee_id
        WHERE c.id = $1`,
      [caseId],
    );
    const c = res.rows[0]!;
    const to = waitingOn(c.status);
    if (!to || !c.since) return null;
    const step = dueWaitingStep(
      {
        status: c.status,
        topic: c.topic,
        since: new Date(c.since),
        remindedAt: c.reminded_at ? new Date(c.reminded_at) : null,
        pendingApprovals: c.pending_approvals,
      },
      now,
    );
    if (!step) return null;
    const since = new Date(c.since).toISOString();
    const messageId = derivedMessageId(`casedesk-waiting:${c.id}:${since}:${step}`);
    const claimed = await tx.query(
      `INSERT INTO waiting_steps (case_id, waiting_since, step, party, message_id, done_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING case_id`,
      [c.id, c.since, step, to, messageId, now],
    );
    if (claimed.rows.length === 0) return null;
    const language = to === 'seller' ? (c.seller_language ?? c.language) : c.language;
    const body = waitingMessageText(step, to, language, c.topic, {
      reference: c.reference,
      buyerName: c.buyer_name,
      sellerName: c.seller_name ?? '',
      agentName: c.agent_name,
    });
    await deliverServiceMessage(tx, mail, {
      id: messageId,
      caseId: c.id,
      to,
      body,
      authorId: null,
      now,
      data: { waitingStep: step },
    });
    const hours = Math.round((now.getTime() - new Date(c.since).getTime()) / 3_600_000);
    const reason = `auto: no answer from the ${to} for ${hours} hours`;
    if (step === 'reminder') {
      await changeCase(
        tx,
        c.id,
        {},
        {
          caseId: c.id,
          type: 'case.reminder_sent',
          actorId: null,
          at: now,
          data: { to, messageId, waitingSince: since, reason },
        },
      );
      return step;
    }
    const summary = `Resolved automatically: no answer from the ${to} since ${since}.`;
    await markResolved(tx, c, {
      actorId: null,
      summary,
      now,
      data: { auto: true, reason, messageId },
    });
    return step;
  });
}

/**
 * One pass: every step due at `now` (up to `batch` cases). A case whose step fails (its
 * transaction rolled back, nothing taken) does not hold up the others; it is counted in
 * `failed` with its error and tried again next pass.
 */
export async function takeDueWaitingSteps(
  db: Database,
  mail: MailSettings | null,
  now: Date,
  batch = 100,
): Promise<{ reminders: number; resolved: number; failed: number; lastError?: Error }> {
  const taken: { reminders: number; resolved: number; failed: number; lastError?: Error } = {
    reminders: 0,
    resolved: 0,
    failed: 0,
  };
  for (const id of await dueCases(db, now, batch)) {
    try {
      const step = await takeStep(db, mail, id, now);
      if (step === 'reminder') taken.reminders++;
      if (step === 'resolve') taken.resolved++;
    } catch (err) {
      taken.failed++;
      taken.lastError = err as Error;
    }
  }
  return taken;
}
