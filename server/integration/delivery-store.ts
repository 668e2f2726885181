import type { Queryable } from '../db/database';

/** A claimed event: the bytes to send, and the token that proves the claim is still ours. */
export interface ClaimedEvent {
  seq: number;
  id: string;
  body: string;
  attempts: number;
  claimToken: string;
}

/** How one try of a claimed event ended. */
export interface DeliveryOutcome {
  event: ClaimedEvent;
  /** The receiver's status, or null when it never answered. */
  httpStatus: number | null;
  /** Null for a 2xx; otherwise why the try failed. */
  error: string | null;
  /** After a failed try: when to try again. */
  retryInMs: number;
}

export type RecordedState = 'delivered' | 'failed' | 'dead';

export interface SettleAndClaim {
  /** Finished tries to record. */
  outcomes: readonly DeliveryOutcome[];
  /** How many due events to claim (0: only record). */
  limit: number;
  leaseMs: number;
  claimToken: string;
  /** A failed try of an event older than this makes it `dead`. */
  retryWindowMs: number;
}

export interface Settled {
  /** The state each recorded event is in now, by seq. An outcome whose claim had been
   *  lost meanwhile (its lease ran out) changes nothing and is not here. */
  recorded: Map<number, RecordedState>;
  /** The events claimed, in seq order. */
  claimed: ClaimedEvent[];
}

/**
 * One turn of a delivery worker, in one statement (one round trip, one commit, before
 * anything is sent):
 *
 * - records finished tries: a 2xx is `delivered`; a failed try is retried after its
 *   `retryInMs`, or `dead` once the event has been failing for longer than the retry
 *   window. Only an outcome whose claim is still the current one counts. A case's event
 *   that goes `dead` adds a `delivery.dead` event to the case.
 * - claims up to `limit` due events. An event is due when it is pending or failed, its
 *   next try has come, no live claim holds it, and no earlier event of its case is still
 *   waiting — so a case's events leave one at a time, in order (an event this same
 *   statement records as delivered or dead no longer holds its case back). `SKIP LOCKED`
 *   lets instances claim side by side without waiting on each other; the lease lets
 *   another instance take over an event whose claimant died.
 */
export async function settleAndClaim(db: Queryable, s: SettleAndClaim): Promise<Settled> {
  const { outcomes } = s;
  const res = await db.query<{
    kind: 'recorded' | 'claimed';
    seq: number;
    id: string | null;
    body: string | null;
    attempts: number | null;
    status: RecordedState | null;
  }>(
    `WITH outcome AS (
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::integer[], $4::text[], $5::bigint[])
                AS o(seq, claim_token, http_status, error, retry_ms)
     ),
     recorded AS (
       UPDATE integration_events e
          SET status = CASE WHEN o.error IS NULL THEN 'delivered'
                            WHEN now() - e.created_at >= $6 * interval '1 millisecond' THEN 'dead'
                            ELSE 'failed' END,
              delivered_at = CASE WHEN o.error IS NULL THEN now() ELSE e.delivered_at END,
              next_attempt_at = CASE WHEN o.error IS NULL THEN e.next_attempt_at
                                     ELSE now() + o.retry_ms * interval '1 millisecond' END,
              last_status = o.http_status, last_error = o.error,
              claim_token = NULL, claimed_until = NULL
         FROM outcome o
        WHERE e.seq = o.seq AND e.claim_token = o.claim_token
        RETURNING e.seq, e.status, e.id, e.type, e.case_id, e.attempts, e.last_status, e.last_error
     ),
     -- A delivery given up is an event on its case, so the desks that see the case (leads
     -- among them) learn of it through sync, committed with the verdict itself.
     told AS (
       INSERT INTO events (id, case_id, type, actor_id, at, data)
       SELECT gen_random_uuid(), r.case_id, 'delivery.dead', NULL, now(),
              jsonb_build_object('eventId', r.id, 'eventType', r.type, 'attempts', r.attempts,
                                 'lastHttpStatus', r.last_status, 'lastError', r.last_error)
         FROM recorded r
        WHERE r.status = 'dead' AND r.case_id IS NOT NULL
     ),
     due AS (
       SELECT e.seq FROM integration_events e
        WHERE e.status IN ('pending', 'failed')
          AND e.next_attempt_at <= now()
          AND (e.claimed_until IS NULL OR e.claimed_until <= now())
          -- Never one just tried: a row is changed once per statement.
          AND e.seq <> ALL($1::bigint[])
          AND NOT EXISTS (
            SELECT 1 FROM integration_events p
             WHERE p.case_id = e.case_id AND p.seq < e.seq AND p.status IN ('pending', 'failed')
               AND p.seq NOT IN (SELECT r.seq FROM recorded r WHERE r.status <> 'failed'))
        ORDER BY e.seq
        LIMIT $7
        FOR UPDATE SKIP LOCKED
     ),
     claimed AS (
       UPDATE integration_events e
          SET claim_token = $9, claimed_until = now() + $8 * interval '1 millisecond',
              attempts = e.attempts + 1, last_attempt_at = now()
         FROM due WHERE e.seq = due.seq
       RETURNING e.seq, e.id, e.body, e.attempts
     )
     SELECT 'recorded' AS kind, seq, NULL::text AS id, NULL::text AS body,
            NULL::integer AS attempts, status
       FROM recorded
     UNION ALL
     SELECT 'claimed', seq, id::text, body, attempts, NULL FROM claimed`,
    [
      outcomes.map((o) => o.event.seq),
      outcomes.map((o) => o.event.claimToken),
      outcomes.map((o) => o.httpStatus),
      outcomes.map((o) => (o.error === null ? null : o.error.slice(0, 500))),
      outcomes.map((o) => Math.round(o.retryInMs)),
      s.retryWindowMs,
      s.limit,
      s.leaseMs,
      s.claimToken,
    ],
  );
  const recorded = new Map<number, RecordedState>();
  const claimed: ClaimedEvent[] = [];
  for (const r of res.rows) {
    if (r.kind === 'recorded') recorded.set(Number(r.seq), r.status!);
    else
      claimed.push({
        seq: Number(r.seq),
        id: r.id!,
        body: r.body!,
        attempts: r.attempts!,
        claimToken: s.claimToken,
      });
  }
  claimed.sort((a, b) => a.seq - b.seq);
  return { recorded, claimed };
}

/** Claims up to `limit` due events (see settleAndClaim), recording nothing. */
export async function claimDueEvents(
  db: Queryable,
  limit: number,
  leaseMs: number,
  claimToken: string,
): Promise<ClaimedEvent[]> {
  const { claimed } = await settleAndClaim(db, {
    outcomes: [],
    limit,
    leaseMs,
    claimToken,
    retryWindowMs: 0,
  });
  return claimed;
}
