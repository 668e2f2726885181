import type { Database } from '../db/database';
import { seedDemoIfEmpty } from '../seed/demo';

/**
 * Fills a case service with `count` cases by SQL, for the client benchmarks (`bench:ui`,
 * `bench:sync`): copies of the cases already in the database (made through intake, e.g.
 * the demo seed's few hundred, with their messages, notes, actions, disputes and ~4 events
 * each), every copy with its own ids, reference, buyer, order and seller, its clocks moved
 * so that the copies arrive evenly over the last `spanDays` (oldest first, as a real
 * service holds them). Topic, language, channel and status follow the templates' mix.
 * Filling 100,000 cases through intake took ~31 ms a case (50 minutes); this takes a
 * minute or two.
 *
 * Copy n (0-based) is of template n mod T in generation g = floor(n / T); every id of a
 * template's row becomes md5(tag, generation, id), so references between copied rows
 * (order → buyer, action → order, a follow-up → its case) stay within one generation.
 * Buyers are copied per generation, sellers per ten generations (a seller has many cases).
 *
 * Triggers are skipped (session_replication_role): the sync change log of synthetic
 * history is not what is measured (a first sync walks the tables, not the log), and each
 * copied event's hash chain is computed here, as the chain trigger would (`event_hash`).
 */
export interface CaseCopyOptions {
  count: number;
  spanDays: number;
  now: Date;
  /** Reference of copy n: `${prefix}${first + n}`. */
  referencePrefix?: string;
  firstReference?: number;
  /** Words added to copy n's lot title (and search text), e.g. planted search words. */
  lotWords?: (n: number) => string[];
  /** Distinguishes fills in one database (ids); default 'copy'. */
  tag?: string;
  /** Copies per transaction. */
  batch?: number;
}

// Any id of a template row, as copied in generation g.
const map = (col: string, gen = 'f.g') => `md5($1 || '-' || ${gen} || '-' || ${col}::text)::uuid`;
const sellerGen = 'f.g / 10';
// A template's time, moved to its copy's; nothing lies in the future (least skips a null).
const at = (col: string) =>
  `CASE WHEN ${col} IS NOT NULL THEN least($2::timestamptz, ${col} + f.delta) END`;

const FILL_MAP = `
  CREATE TEMP TABLE copy_fill ON COMMIT DROP AS
  SELECT n, n / t.total AS g, t.id AS tid,
         md5($1 || '-' || (n / t.total) || '-' || t.id::text)::uuid AS cid,
         $5::text || ($6::int + n) AS reference,
         coalesce(($7::text[])[n - $3::int + 1], '') AS words,
         ($2::timestamptz - make_interval(days => $8::int)
           + make_interval(secs => $8::int * 86400.0 * n / $9::int)) - t.created_at AS delta
    FROM generate_series($3::int, $4::int - 1) AS n
    JOIN (SELECT c.id, c.created_at, u.k - 1 AS k, cardinality($10::uuid[]) AS total
            FROM unnest($10::uuid[]) WITH ORDINALITY AS u (id, k) JOIN cases c ON c.id = u.id) AS t
      ON t.k = n % t.total`;

const BUYERS = `
  INSERT INTO buyers (id, external_id, name, email, language, country, buyer_since, created_at, updated_at)
  SELECT DISTINCT ON (1) ${map('b.id')}, b.external_id || '-' || $1 || '-' || f.g, b.name,
         regexp_replace(b.email, '@', '+' || f.g || '@'), b.language, b.country, b.buyer_since,
         b.created_at, b.updated_at
    FROM copy_fill f JOIN cases c ON c.id = f.tid JOIN buyers b ON b.id = c.buyer_id
  ON CONFLICT (id) DO NOTHING`;

const SELLERS = `
  INSERT INTO sellers (id, external_id, name, country, rating, created_at, updated_at, email, language)
  SELECT DISTINCT ON (1) ${map('s.id', sellerGen)}, s.external_id || '-' || $1 || '-' || ${sellerGen},
         s.name || CASE WHEN ${sellerGen} > 0 THEN ' ' || ${sellerGen} ELSE '' END, s.country,
         s.rating, s.created_at, s.updated_at, s.email, s.language
    FROM copy_fill f JOIN cases c ON c.id = f.tid JOIN orders o ON o.id = c.order_id
    JOIN sellers s ON s.id = o.seller_id
  ON CONFLICT (id) DO NOTHING`;

// Per generation, as the buyers: a template's order that serves two cases serves both copies.
const ORDERS = `
  INSERT INTO orders (id, external_id, buyer_id, seller_id, lot_id, lot_title, category, currency,
    amount_paid_minor, fees_minor, fees_currency, shipping_status, ordered_at, shipped_at,
    delivered_at, tracking_number, payout_status, status, refunded_minor, reserved_minor,
    created_at, updated_at)
  SELECT DISTINCT ON (1) ${map('o.id')}, o.external_id || '-' || $1 || '-' || f.g,
         ${map('o.buyer_id')}, ${map('o.seller_id', sellerGen)}, o.lot_id,
         trim(o.lot_title || ' ' || f.words), o.category, o.currency, o.amount_paid_minor,
         o.fees_minor, o.fees_currency, o.shipping_status, ${at('o.ordered_at')},
         ${at('o.shipped_at')}, ${at('o.delivered_at')}, o.tracking_number, o.payout_status,
         o.status, o.refunded_minor, o.reserved_minor, ${at('o.created_at')}, ${at('o.updated_at')}
    FROM copy_fill f JOIN cases c ON c.id = f.tid JOIN orders o ON o.id = c.order_id
  ON CONFLICT (id) DO NOTHING`;

const CASES = `
  INSERT INTO cases (id, reference, status, topic, channel, language, priority, assignee_id,
    buyer_id, order_id, question, ai_answer, contacted_seller_first, seller_reply,
    external_dispute, version, created_at, updated_at, first_response_due_at, resolution_due_at,
    first_responded_at, resolved_at, resolution_summary, search_text, follows_case_id, seller_id,
    complaint_of, clock_paused_at, seller_answer_due_at)
  SELECT f.cid, f.reference, c.status, c.topic, c.channel, c.language, c.priority, c.assignee_id,
         ${map('c.buyer_id')}, ${map('c.order_id')}, c.question, c.ai_answer,
         c.contacted_seller_first, c.seller_reply, c.external_dispute, c.version,
         c.created_at + f.delta, ${at('c.updated_at')}, c.first_response_due_at + f.delta,
         c.resolution_due_at + f.delta, ${at('c.first_responded_at')}, ${at('c.resolved_at')},
         c.resolution_summary,
         trim(replace(c.search_text, lower(c.reference), lower(f.reference)) || ' ' || f.words),
         ${map('c.follows_case_id')}, ${map('c.seller_id', sellerGen)}, ${map('c.complaint_of')},
         ${at('c.clock_paused_at')}, c.seller_answer_due_at + f.delta
    FROM copy_fill f JOIN cases c ON c.id = f.tid`;

// A follow-up or complaint whose case was not copied in this generation (the last one is
// partial) refers to nothing.
const DANGLING = `
  UPDATE cases c
     SET follows_case_id = CASE WHEN EXISTS (SELECT 1 FROM cases x WHERE x.id = c.follows_case_id)
                                THEN c.follows_case_id END,
         complaint_of = CASE WHEN EXISTS (SELECT 1 FROM actions x WHERE x.id = c.complaint_of)
                             THEN c.complaint_of END
    FROM copy_fill f
   WHERE c.id = f.cid AND (c.follows_case_id IS NOT NULL OR c.complaint_of IS NOT NULL)`;

const PARTS = [
  `INSERT INTO messages (id, case_id, direction, party, author_id, body, created_at,
     delivery_status, delivery_attempts, sent_at, last_error, mail_message_id, original_body,
     attachments)
   SELECT ${map('m.id')}, f.cid, m.direction, m.party, m.author_id, m.body, ${at('m.created_at')},
          m.delivery_status, m.delivery_attempts, ${at('m.sent_at')}, m.last_error,
          CASE WHEN m.mail_message_id IS NOT NULL THEN m.mail_message_id || '.' || $1 || f.g END,
          m.original_body, m.attachments
     FROM copy_fill f JOIN messages m ON m.case_id = f.tid`,
  `INSERT INTO notes (id, case_id, author_id, body, created_at, attachments)
   SELECT ${map('x.id')}, f.cid, x.author_id, x.body, ${at('x.created_at')}, x.attachments
     FROM copy_fill f JOIN notes x ON x.case_id = f.tid`,
  `INSERT INTO actions (id, case_id, order_id, type, status, details, amount_minor, currency,
     proposed_by, approved_by, rejected_by, rejection_reason, created_at, decided_at,
     external_ref, failure_reason, requested_at, result_at, effective_at, ended_at, end_reason,
     ended_by, end_note)
   SELECT ${map('a.id')}, f.cid, ${map('a.order_id')}, a.type, a.status, a.details, a.amount_minor,
          a.currency, a.proposed_by, a.approved_by, a.rejected_by, a.rejection_reason,
          ${at('a.created_at')}, ${at('a.decided_at')}, a.external_ref, a.failure_reason,
          ${at('a.requested_at')}, ${at('a.result_at')}, ${at('a.effective_at')},
          ${at('a.ended_at')}, a.end_reason, a.ended_by, a.end_note
     FROM copy_fill f JOIN actions a ON a.case_id = f.tid`,
  `INSERT INTO account_restrictions (id, subject, subject_id, restriction, until, action_id,
     case_id, created_at, ended_at, end_reason)
   SELECT ${map('r.id')}, r.subject,
          CASE r.subject WHEN 'seller' THEN ${map('r.subject_id', sellerGen)} ELSE ${map('r.subject_id')} END,
          r.restriction, r.until + f.delta, ${map('r.action_id')}, f.cid, ${at('r.created_at')},
          ${at('r.ended_at')}, r.end_reason
     FROM copy_fill f JOIN account_restrictions r ON r.case_id = f.tid`,
  `INSERT INTO external_disputes (id, case_id, body, reference, filed_at, status, notes, outcome,
     response_due_at, created_at, updated_at)
   SELECT ${map('d.id')}, f.cid, d.body, d.reference || '-' || $1 || f.g, ${at('d.filed_at')},
          d.status, d.notes, d.outcome, d.response_due_at + f.delta, ${at('d.created_at')},
          ${at('d.updated_at')}
     FROM copy_fill f JOIN external_disputes d ON d.case_id = f.tid`,
];

// Each copy's events in the template's chain order, hashed one after another as the chain
// trigger would; then the chain heads, so later events chain on.
const EVENTS = `
  WITH RECURSIVE src AS MATERIALIZED (
    SELECT ${map('e.id')} AS id, f.cid AS case_id, e.type, e.actor_id, ${at('e.at')} AS at,
           e.data, e.chain_index
      FROM copy_fill f JOIN events e ON e.case_id = f.tid
  ), chain AS (
    SELECT s.*, repeat('0', 64) AS prev_hash,
           event_hash(repeat('0', 64), ROW(0, s.id, s.case_id, s.type, s.actor_id, s.at, s.data,
                      s.chain_index, NULL, NULL)::events) AS hash
      FROM src s WHERE s.chain_index = 1
    UNION ALL
    SELECT s.*, c.hash,
           event_hash(c.hash, ROW(0, s.id, s.case_id, s.type, s.actor_id, s.at, s.data,
                      s.chain_index, NULL, NULL)::events)
      FROM chain c JOIN src s ON s.case_id = c.case_id AND s.chain_index = c.chain_index + 1
  )
  INSERT INTO events (id, case_id, type, actor_id, at, data, chain_index, prev_hash, hash)
  SELECT id, case_id, type, actor_id, at, data, chain_index, prev_hash, hash
    FROM chain ORDER BY at, chain_index`;

const HEADS = `
  INSERT INTO event_chain_heads (case_id, length, hash)
  SELECT DISTINCT ON (e.case_id) e.case_id, e.chain_index, e.hash
    FROM copy_fill f JOIN events e ON e.case_id = f.cid
   ORDER BY e.case_id, e.chain_index DESC`;

/**
 * Adds `count` copies of the database's cases (see above); returns how many rows of each
 * kind were written. The templates are left as they are.
 */
export async function fillCaseCopies(
  db: Database,
  opts: CaseCopyOptions,
): Promise<{ cases: number; events: number; messages: number }> {
  const tag = opts.tag ?? 'copy';
  const batch = opts.batch ?? 10_000;
  const total = { cases: 0, events: 0, messages: 0 };
  if (opts.count <= 0) return total;
  const templates = (
    await db.query<{ id: string }>('SELECT id FROM cases ORDER BY created_at, id')
  ).rows.map((r) => r.id);
  if (!templates.length) throw new Error('no cases to copy: seed some through intake first');
  for (let from = 0; from < opts.count; from += batch) {
    const to = Math.min(opts.count, from + batch);
    const words = Array.from({ length: to - from }, (_, k) =>
      (opts.lotWords?.(from + k) ?? []).join(' '),
    );
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(FILL_MAP, [
        tag,
        opts.now,
        from,
        to,
        opts.referencePrefix ?? 'CD-',
        opts.firstReference ?? 900_000,
        words,
        opts.spanDays,
        opts.count,
        templates,
      ]);
      // Each statement is bound to the parameters it uses: the tag, and now where it caps.
      const run = (sql: string) => tx.query(sql, sql.includes('$2') ? [tag, opts.now] : [tag]);
      for (const sql of [BUYERS, SELLERS, ORDERS]) await run(sql);
      total.cases += (await run(CASES)).rowCount;
      for (const sql of PARTS) {
        const n = (await run(sql)).rowCount;
        if (sql.includes('INTO messages')) total.messages += n;
      }
      await tx.query(DANGLING);
      total.events += (await run(EVENTS)).rowCount;
      await tx.query(HEADS);
    });
  }
  // PGlite runs no autovacuum: without statistics the planner joins whole tables.
  await db.query('ANALYZE');
  return total;
}

/** How many intake-made cases the bench services copy from. */
export const TEMPLATE_CASES = 300;

/**
 * A bench service's cases: on an empty database, the demo accounts and TEMPLATE_CASES
 * demo cases made through intake and the case commands (messages, notes, actions,
 * disputes, events), then copies of them up to `size` cases over the last 180 days.
 */
export async function fillBenchService(
  db: Database,
  opts: { size: number; now?: Date; lotWords?: (n: number) => string[] },
): Promise<{ cases: number; events: number; messages: number; ms: number }> {
  const t0 = Date.now();
  const now = opts.now ?? new Date();
  const templates = Math.min(TEMPLATE_CASES, opts.size);
  await seedDemoIfEmpty(db, { seedNumber: 1, cases: templates, now });
  const copies = await fillCaseCopies(db, {
    count: opts.size - templates,
    spanDays: 180,
    now,
    lotWords: opts.lotWords,
  });
  return { ...copies, cases: copies.cases + templates, ms: Date.now() - t0 };
}
