import type { Database } from '../db/database';

/**
 * Fills the database with cases for the dashboard's figures: `count` cases created over
 * `spanDays` up to `now`, inserted in creation order as intake would have, with a plausible
 * spread of languages, channels, topics and statuses (recent cases are more often open),
 * first responses and resolutions, clocks, AI-answer ratings, refunds and restrictions.
 * Plain SQL with generate_series: a million cases in about a minute, on PostgreSQL and PGlite.
 *
 * Pseudo-random but repeatable: every choice is a hash of the case's number, so the bench
 * and the tests fill the same data every time. Triggers are skipped (session_replication_role)
 * because the sync change log of a million synthetic cases is not what is measured.
 */
export interface FillOptions {
  count: number;
  spanDays: number;
  now: Date;
  /** Agents the assigned cases go to (their ids). */
  agentIds: readonly string[];
  /** Distinguishes fills in one database (ids and references). */
  tag?: string;
}

// A number in [0, 1) from the case number i and a salt k.
const rnd = (k: number) => `((hashint8(i::bigint * 64 + ${k}) & 16777215)::float8 / 16777216)`;

const LANGUAGE = `CASE
  WHEN ${rnd(1)} < 0.25 THEN 'de' WHEN ${rnd(1)} < 0.45 THEN 'en' WHEN ${rnd(1)} < 0.57 THEN 'nl'
  WHEN ${rnd(1)} < 0.67 THEN 'fr' WHEN ${rnd(1)} < 0.75 THEN 'it' WHEN ${rnd(1)} < 0.83 THEN 'es'
  WHEN ${rnd(1)} < 0.89 THEN 'pl' WHEN ${rnd(1)} < 0.95 THEN 'pt' ELSE 'zh' END`;

const TOPIC = `(ARRAY['item_not_received','item_not_received','item_not_received','not_as_described',
  'not_as_described','damaged_in_transit','counterfeit_suspected','fraud_suspected','payment_issue',
  'cancellation_request','account_access','general_question'])[1 + floor(${rnd(2)} * 12)::int]`;

// Older cases are mostly resolved; of the last day's, more than half are still open.
const OPEN_CHANCE = `CASE WHEN age < interval '1 day' THEN 0.6 WHEN age < interval '7 days' THEN 0.25
  WHEN age < interval '30 days' THEN 0.05 ELSE 0.004 END`;

const OPEN_STATUS = `(ARRAY['new','new','open','open','open','open','pending_buyer','pending_seller',
  'pending_seller','ts_review'])[1 + floor(${rnd(4)} * 10)::int]`;

const CASES_SQL = `
  INSERT INTO cases (id, reference, status, topic, channel, language, priority, assignee_id,
    buyer_id, question, ai_answer, contacted_seller_first, version, created_at, updated_at,
    first_response_due_at, resolution_due_at, first_responded_at, resolved_at,
    clock_paused_at, seller_answer_due_at, search_text)
  SELECT id, ref, status, topic, channel, language, 'normal',
         CASE WHEN status = 'new' THEN NULL
              ELSE ($5::uuid[])[1 + floor(${rnd(9)} * cardinality($5::uuid[]))::int] END,
         buyer, 'Where is my parcel?',
         jsonb_build_object('text', 'Please wait a few more days.', 'articleIds', '[]'::jsonb,
           'rating', CASE WHEN ${rnd(10)} < 0.55 THEN 'not_helpful'
                          WHEN ${rnd(10)} < 0.7 THEN 'helpful' END),
         true, 1, created, greatest(created, responded, resolved),
         created + CASE channel WHEN 'email' THEN interval '24 hours' ELSE interval '1 hour' END,
         created + interval '5 days', responded, resolved,
         paused, CASE WHEN status = 'pending_seller' THEN paused + interval '3 days' END, lower(ref)
    FROM (
      SELECT *, CASE WHEN status IN ('new') THEN NULL ELSE least($2::timestamptz,
                  created + make_interval(secs => -ln(1 - ${rnd(6)}) * CASE channel WHEN 'email'
                    THEN 6 * 3600 ELSE 600 END)) END AS responded,
             CASE WHEN status IN ('pending_buyer', 'pending_seller')
                  THEN created + ($2::timestamptz - created) * ${rnd(8)} END AS paused
        FROM (
          SELECT *, CASE WHEN ${rnd(3)} < ${OPEN_CHANCE} THEN ${OPEN_STATUS} ELSE 'resolved' END AS status,
                 CASE WHEN ${rnd(5)} < 0.7 OR language IN ('zh', 'pt', 'pl') AND ${rnd(5)} >= 0.9
                      THEN 'email' WHEN ${rnd(5)} < 0.9 THEN 'chat' ELSE 'phone' END AS channel
            FROM (
              SELECT i, md5($4 || '-case-' || i)::uuid AS id, $4 || '-' || i AS ref,
                     md5($4 || '-buyer-' || (i % 1000))::uuid AS buyer,
                     ${LANGUAGE} AS language, ${TOPIC} AS topic, created, $2::timestamptz - created AS age
                FROM (SELECT i, $2::timestamptz - make_interval(days => $3)
                                + make_interval(secs => $3 * 86400.0 * (i - 1 + ${rnd(0)}) / $1) AS created
                        FROM generate_series(1, $1::int) AS i) AS t
            ) AS base
        ) AS s
    ) AS r
    CROSS JOIN LATERAL (
      SELECT CASE WHEN status = 'resolved' THEN least($2::timestamptz, greatest(created, responded)
               + make_interval(secs => -ln(1 - ${rnd(7)}) * 2 * 86400)) END AS resolved
    ) AS done
   ORDER BY i`;

const BUYERS_SQL = `
  INSERT INTO buyers (id, external_id, name, email, language, country, created_at, updated_at)
  SELECT md5($1 || '-buyer-' || b)::uuid, $1 || '-buyer-' || b, 'Buyer ' || b,
         'buyer' || b || '@example.com', 'de', 'DE', $2, $2
    FROM generate_series(0, 999) AS b`;

// Refunds on about 8% of cases (most executed, some after approval or an integration's
// result), restrictions on about 1%.
const REFUNDS_SQL = `
  INSERT INTO actions (id, case_id, type, status, details, amount_minor, currency, proposed_by,
                       approved_by, created_at, decided_at, result_at)
  SELECT md5(c.reference || '-refund')::uuid, c.id, 'refund',
         CASE WHEN h < 0.85 THEN 'executed' WHEN h < 0.9 THEN 'pending_approval' ELSE 'rejected' END,
         '{"reason":"bench"}'::jsonb, 500 + floor(h * 100000)::int,
         CASE WHEN h * 10 - floor(h * 10) < 0.8 THEN 'EUR' WHEN h * 10 - floor(h * 10) < 0.9 THEN 'GBP' ELSE 'PLN' END,
         $2::uuid, CASE WHEN h < 0.2 THEN $3::uuid END,
         least($1::timestamptz, c.created_at + interval '3 hours'),
         CASE WHEN h < 0.2 OR h >= 0.9 THEN least($1::timestamptz, c.created_at + interval '20 hours') END,
         CASE WHEN h >= 0.75 AND h < 0.85 THEN least($1::timestamptz, c.created_at + interval '30 hours') END
    FROM (SELECT c.*, ((hashtext(c.reference || 'r') & 16777215)::float8 / 16777216) AS h0
            FROM cases c WHERE c.reference LIKE $4 || '-%') AS c
    CROSS JOIN LATERAL (SELECT c.h0 / 0.08 AS h) AS x
   WHERE c.h0 < 0.08`;

const RESTRICT_ACTIONS_SQL = `
  INSERT INTO actions (id, case_id, type, status, details, proposed_by, approved_by, created_at, decided_at)
  SELECT md5(c.reference || '-restrict')::uuid, c.id, 'restrict_account', 'executed',
         '{"subject":"seller","restriction":"suspend"}'::jsonb, $2::uuid, $3::uuid,
         least($1::timestamptz, c.created_at + interval '2 hours'),
         least($1::timestamptz, c.created_at + interval '26 hours')
    FROM cases c
   WHERE c.reference LIKE $4 || '-%' AND (hashtext(c.reference || 's') & 16777215) < 167772`;

const RESTRICTIONS_SQL = `
  INSERT INTO account_restrictions (id, subject, subject_id, restriction, action_id, case_id, created_at)
  SELECT md5(a.id::text || '-r')::uuid, 'seller', md5(a.id::text || '-s')::uuid, 'suspend',
         a.id, a.case_id, a.decided_at
    FROM actions a JOIN cases c ON c.id = a.case_id
   WHERE a.type = 'restrict_account' AND c.reference LIKE $1 || '-%'`;

export async function fillQueueHealthCases(db: Database, opts: FillOptions): Promise<void> {
  const tag = opts.tag ?? 'QH';
  const [proposer, approver] = opts.agentIds;
  if (!proposer || !approver) throw new Error('the fill needs at least two agents');
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query(BUYERS_SQL, [tag, opts.now]);
    await tx.query(CASES_SQL, [opts.count, opts.now, opts.spanDays, tag, opts.agentIds]);
    await tx.query(REFUNDS_SQL, [opts.now, proposer, approver, tag]);
    await tx.query(RESTRICT_ACTIONS_SQL, [opts.now, proposer, approver, tag]);
    await tx.query(RESTRICTIONS_SQL, [tag]);
  });
}
