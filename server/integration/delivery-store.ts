import type { Queryable } from '../db/database';

/** A claimed event: the bytes to send, and the token that proves the claim is still ours. */
export interface ClaimedEvent {
  seq: number;
  id: string;
  body: string;
  attempts: number;
  claimToken: string;
}

/**
 * Claims up to `limit` due events in one statement (its own transaction, committed
 * before anything is sent). An event is due when it is pending or failed, its next try
 * has come, no live claim holds it, and no earlier event of its case is still waiting —
 * so a case's events leave one at a time, in order. `SKIP LOCKED` lets instances claim
 * side by side without waiting on each other; the lease lets another instance take over
 * an event whose claimant died.
 */
export async function claimDueEvents(
  db: Queryable,
  limit: number,
  leaseMs: number,
  claimToken: string,
): Promise<ClaimedEvent[]> {
  const res = await db.query<{ seq: number; id: string; body: string; attempts: number }>(
    `WITH due AS (
       SELECT e.seq FROM integration_events e
        WHERE e.status IN ('pending', 'failed')
          AND e.next_attempt_at <= now()
          AND (e.claimed_until IS NULL OR e.claimed_until <= now())
          AND NOT EXISTS (
            SELECT 1 FROM integration_events p
             WHERE p.case_id = e.case_id AND p.seq < e.seq AND p.status IN ('pending', 'failed'))
        ORDER BY e.seq
        LIMIT $1
        FOR UPDATE SKIP LOCKED
     )
     UPDATE integration_events e
        SET claim_token = $3, claimed_until = now() + $2 * interval '1 millisecond',
            attempts = e.attempts + 1, last_attempt_at = now()
       FROM due WHERE e.seq = due.seq
     RETURNING e.seq, e.id, e.body, e.attempts`,
    [limit, leaseMs, claimToken],
  );
  return res.rows
    .map((r) => ({ ...r, seq: Number(r.seq), claimToken }))
    .sort((a, b) => a.seq - b.seq);
}

/** Records a 2xx. False if the claim had been lost meanwhile (nothing changes then). */
export async function recordDelivered(
  db: Queryable,
  e: ClaimedEvent,
  httpStatus: number,
): Promise<boolean> {
  const res = await db.query(
    `UPDATE integration_events
        SET status = 'delivered', delivered_at = now(), last_status = $3, last_error = NULL,
            claim_token = NULL, claimed_until = NULL
      WHERE seq = $1 AND claim_token = $2`,
    [e.seq, e.claimToken, httpStatus],
  );
  return res.rowCount > 0;
}

/**
 * Records a failed try: retried after `retryInMs`, or `dead` once the event has been
 * failing for longer than the retry window.
 */
export async function recordFailure(
  db: Queryable,
  e: ClaimedEvent,
  failure: { httpStatus: number | null; error: string },
  retryInMs: number,
  retryWindowMs: number,
): Promise<'failed' | 'dead' | 'lost'> {
  const res = await db.query<{ status: 'failed' | 'dead' }>(
    `UPDATE integration_events
        SET status = CASE WHEN now() - created_at >= $6 * interval '1 millisecond'
                          THEN 'dead' ELSE 'failed' END,
            next_attempt_at = now() + $5 * interval '1 millisecond',
            last_status = $3, last_error = $4, claim_token = NULL, claimed_until = NULL
      WHERE seq = $1 AND claim_token = $2
      RETURNING status`,
    [
      e.seq,
      e.claimToken,
      failure.httpStatus,
      failure.error.slice(0, 500),
      retryInMs,
      retryWindowMs,
    ],
  );
  return res.rows[0]?.status ?? 'lost';
}
