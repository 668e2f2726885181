import {
  CLOCKS,
  LANGUAGES,
  type CaseStatus,
  type Clock,
  type Currency,
  type Durations,
  type Language,
  type QueueHealth,
  type QueueHealthDay,
  type Topic,
} from '../../shared';
import type { Database, Queryable } from '../db/database';
import { isoOrNull } from '../repositories/timestamps';

const DAY_MS = 86_400_000;
const HOUR = "interval '1 hour'";

// Each query reads one index (migration 0065): the open cases' partial index, or the
// first-response, resolution and creation times. Parameters: $1 languages, and then the
// period [$2, $3) or the moment $2.

const OPEN_SQL = `
  SELECT status, language, count(*)::int AS n,
    count(*) FILTER (WHERE first_responded_at IS NULL AND clock_paused_at IS NULL
                       AND first_response_due_at < $2)::int AS fr_over,
    count(*) FILTER (WHERE first_responded_at IS NULL AND clock_paused_at IS NULL
                       AND first_response_due_at >= $2 AND first_response_due_at <= $2::timestamptz + ${HOUR})::int AS fr_soon,
    count(*) FILTER (WHERE clock_paused_at IS NULL AND resolution_due_at < $2)::int AS res_over,
    count(*) FILTER (WHERE clock_paused_at IS NULL AND resolution_due_at >= $2
                       AND resolution_due_at <= $2::timestamptz + ${HOUR})::int AS res_soon,
    count(*) FILTER (WHERE status = 'pending_seller' AND seller_answer_due_at < $2)::int AS sel_over,
    count(*) FILTER (WHERE status = 'pending_seller' AND seller_answer_due_at >= $2
                       AND seller_answer_due_at <= $2::timestamptz + ${HOUR})::int AS sel_soon
    FROM cases
   WHERE status <> 'resolved' AND language = ANY($1::text[])
   GROUP BY status, language`;

/**
 * Counting every language, the language is not looked at: comparing it with nine for each
 * of a quarter's 125,000 rows was a fifth of the time. ($1 stays named, typed, in the query.)
 */
const inLanguages = (all: boolean) =>
  all ? 'AND $1::text[] IS NOT NULL' : 'AND language = ANY($1::text[])';

/**
 * Minutes from creation to `at`, per UTC day of `at`, with how many met `due`. Grouped by a
 * date (cheap to compare), named as text only per group; both percentiles from one sort.
 */
const durationsSql = (all: boolean, at: string, due: string) => `
  SELECT to_char(d, 'YYYY-MM-DD') AS day, n, met, p[1] AS p50, p[2] AS p90
    FROM (SELECT (${at} AT TIME ZONE 'UTC')::date AS d, count(*)::int AS n,
                 count(*) FILTER (WHERE ${at} <= ${due})::int AS met,
                 percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP
                   (ORDER BY date_part('epoch', ${at} - created_at) / 60) AS p
            FROM cases
           WHERE ${at} >= $2 AND ${at} < $3 ${inLanguages(all)}
           GROUP BY 1) AS g`;

// Created per day and topic: incoming per day and cases per topic, from one scan.
const createdSql = (all: boolean) => `
  SELECT to_char(d, 'YYYY-MM-DD') AS day, topic, n
    FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS d, topic, count(*)::int AS n
            FROM cases
           WHERE created_at >= $2 AND created_at < $3 ${inLanguages(all)}
           GROUP BY 1, 2) AS g`;

// The rating is written out, not a parameter: only then does the partial index of that
// rating (migration 0065) match the query.
const ratedSql = (all: boolean, rating: 'helpful' | 'not_helpful') => `
  SELECT topic, count(*)::int AS n
    FROM cases
   WHERE created_at >= $2 AND created_at < $3 ${inLanguages(all)}
     AND (ai_answer ->> 'rating') = '${rating}'
   GROUP BY topic`;

// Whoever holds open cases in these languages, and every active agent who could take some.
const WORKLOAD_SQL = `
  WITH held AS (
    SELECT assignee_id, count(*)::int AS n, min(created_at) AS oldest
      FROM cases
     WHERE status <> 'resolved' AND assignee_id IS NOT NULL AND language = ANY($1::text[])
     GROUP BY assignee_id)
  SELECT a.id, a.name, a.last_seen_at, coalesce(h.n, 0) AS n, h.oldest
    FROM agents a LEFT JOIN held h ON h.assignee_id = a.id
   WHERE h.n IS NOT NULL
      OR (a.active AND 'agent' = ANY(a.roles) AND a.languages && $1::text[])
   ORDER BY coalesce(h.n, 0) DESC, a.name, a.id`;

/** When a refund took money back: its result, its approval, or its proposal, whichever came last. */
export const REFUND_EXECUTED_AT = 'coalesce(a.result_at, a.decided_at, a.created_at)';

const weekOf = (col: string) =>
  `to_char(date_trunc('week', ${col} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;

// Refunds and restrictions belong to a case's language only through the case: counting
// every language, no case needs reading (a random read per refund was most of the time).
const caseInScope = (all: boolean, alias: string) =>
  all
    ? 'AND $1::text[] IS NOT NULL'
    : `AND EXISTS (SELECT 1 FROM cases c WHERE c.id = ${alias}.case_id AND c.language = ANY($1::text[]))`;

const refundsSql = (all: boolean) => `
  SELECT ${weekOf(REFUND_EXECUTED_AT)} AS week_start,
         a.currency, count(*)::int AS n, sum(a.amount_minor)::text AS amount
    FROM actions a
   WHERE a.type = 'refund' AND a.status = 'executed'
     AND ${REFUND_EXECUTED_AT} >= $2 AND ${REFUND_EXECUTED_AT} < $3
     ${caseInScope(all, 'a')}
   GROUP BY 1, 2`;

const restrictionsSql = (all: boolean) => `
  SELECT ${weekOf('r.created_at')} AS week_start, count(*)::int AS n
    FROM account_restrictions r
   WHERE r.created_at >= $2 AND r.created_at < $3
     ${caseInScope(all, 'r')}
   GROUP BY 1`;

interface OpenRow {
  status: CaseStatus;
  language: Language;
  n: number;
  fr_over: number;
  fr_soon: number;
  res_over: number;
  res_soon: number;
  sel_over: number;
  sel_soon: number;
}

interface DurationRow {
  day: string;
  n: number;
  met: number;
  p50: number | null;
  p90: number | null;
}

const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Monday of the ISO week holding `day`. */
export function isoWeekStart(day: string): string {
  const ms = startOfDay(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return dayString(ms - weekday * DAY_MS);
}

/** `2026-W48`: the ISO week's year is the year of its Thursday. */
export function isoWeekName(weekStart: string): string {
  const thursday = new Date(startOfDay(weekStart) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const durations = (row: DurationRow | undefined): Durations => ({
  count: row?.n ?? 0,
  met: row?.met ?? 0,
  medianMinutes: row?.p50 ?? null,
  p90Minutes: row?.p90 ?? null,
});

const byDay = <R extends { day: string }>(rows: R[]) => new Map(rows.map((r) => [r.day, r]));

export interface QueueHealthRequest {
  languages: readonly Language[];
  from: string;
  to: string;
  now: Date;
  /** Leads see when colleagues were last seen; others get the directory only. */
  withLastSeen: boolean;
}

/**
 * The dashboard's figures, each computed by PostgreSQL from the indexes of migration 0065,
 * all read in one snapshot so they add up with each other.
 */
export async function queueHealth(db: Database, req: QueueHealthRequest): Promise<QueueHealth> {
  return db.transaction(async (tx) => {
    // One snapshot for every figure; on PGlite a transaction is one connection anyway.
    if (db.kind === 'postgres') {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      // A quarter's first responses sort in memory, not in temporary files (default 4 MB).
      await tx.query("SET LOCAL work_mem = '32MB'");
    }
    return readFigures(tx, req);
  });
}

async function readFigures(db: Queryable, req: QueueHealthRequest): Promise<QueueHealth> {
  const { languages, from, to, now } = req;
  const langs = [...languages];
  const start = new Date(startOfDay(from));
  const end = new Date(startOfDay(to) + DAY_MS);
  const firstWeek = isoWeekStart(from);
  const weeksEnd = new Date(startOfDay(isoWeekStart(to)) + 7 * DAY_MS);
  const period = [langs, start, end];
  const all = LANGUAGES.every((l) => langs.includes(l));

  const open = (await db.query<OpenRow>(OPEN_SQL, [langs, now])).rows;
  const first = await db.query<DurationRow>(
    durationsSql(all, 'first_responded_at', 'first_response_due_at'),
    period,
  );
  const resolved = await db.query<DurationRow>(
    durationsSql(all, 'resolved_at', 'resolution_due_at'),
    period,
  );
  const created = await db.query<{ day: string; topic: Topic; n: number }>(createdSql(all), period);
  const helpful = await db.query<{ topic: Topic; n: number }>(ratedSql(all, 'helpful'), period);
  const notHelpful = await db.query<{ topic: Topic; n: number }>(
    ratedSql(all, 'not_helpful'),
    period,
  );
  const workload = await db.query<{
    id: string;
    name: string;
    last_seen_at: Date | string | null;
    n: number;
    oldest: Date | string | null;
  }>(WORKLOAD_SQL, [langs]);
  const weekPeriod = [langs, new Date(startOfDay(firstWeek)), weeksEnd];
  const refunds = await db.query<{
    week_start: string;
    currency: Currency;
    n: number;
    amount: string;
  }>(refundsSql(all), weekPeriod);
  const restrictions = await db.query<{ week_start: string; n: number }>(
    restrictionsSql(all),
    weekPeriod,
  );

  const firstByDay = byDay(first.rows);
  const resolvedByDay = byDay(resolved.rows);
  const incomingByDay = new Map<string, number>();
  const byTopic = new Map<Topic, { cases: number; helpful: number; notHelpful: number }>();
  const topic = (t: Topic) => {
    if (!byTopic.has(t)) byTopic.set(t, { cases: 0, helpful: 0, notHelpful: 0 });
    return byTopic.get(t)!;
  };
  for (const r of created.rows) {
    incomingByDay.set(r.day, (incomingByDay.get(r.day) ?? 0) + r.n);
    topic(r.topic).cases += r.n;
  }
  for (const r of helpful.rows) topic(r.topic).helpful = r.n;
  for (const r of notHelpful.rows) topic(r.topic).notHelpful = r.n;
  const days: QueueHealthDay[] = [];
  for (let ms = start.getTime(); ms < end.getTime(); ms += DAY_MS) {
    const day = dayString(ms);
    days.push({
      day,
      incoming: incomingByDay.get(day) ?? 0,
      firstResponse: durations(firstByDay.get(day)),
      resolution: durations(resolvedByDay.get(day)),
    });
  }

  const weeks: QueueHealth['weeks'] = [];
  for (let ms = startOfDay(firstWeek); ms < weeksEnd.getTime(); ms += 7 * DAY_MS) {
    const weekStart = dayString(ms);
    const paid = refunds.rows.filter((r) => r.week_start === weekStart);
    weeks.push({
      week: isoWeekName(weekStart),
      weekStart,
      refunds: paid.reduce((n, r) => n + r.n, 0),
      refunded: paid
        .map((r) => ({ currency: r.currency, amount: Number(r.amount) }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
      restrictions: restrictions.rows.find((r) => r.week_start === weekStart)?.n ?? 0,
    });
  }

  const clock = (c: Clock, over: keyof OpenRow, soon: keyof OpenRow) =>
    langs.map((language) => {
      const rows = open.filter((r) => r.language === language);
      const sum = (k: keyof OpenRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
      return { clock: c, language, dueWithinHour: sum(soon), overdue: sum(over) };
    });
  const columns: Record<Clock, [keyof OpenRow, keyof OpenRow]> = {
    first_response: ['fr_over', 'fr_soon'],
    resolution: ['res_over', 'res_soon'],
    seller_answer: ['sel_over', 'sel_soon'],
  };

  return {
    from,
    to,
    asOf: now.toISOString(),
    languages: langs,
    open: open
      .map((r) => ({ status: r.status, language: r.language, count: r.n }))
      .sort((a, b) => a.language.localeCompare(b.language) || a.status.localeCompare(b.status)),
    clocks: CLOCKS.flatMap((c) => clock(c, ...columns[c])),
    days,
    workload: workload.rows.map((w) => ({
      agentId: w.id,
      name: w.name,
      openAssigned: w.n,
      oldestOpenAt: isoOrNull(w.oldest),
      lastSeenAt: req.withLastSeen ? isoOrNull(w.last_seen_at) : null,
    })),
    weeks,
    aiAnswers: [...byTopic]
      .map(([t, n]) => ({
        topic: t,
        cases: n.cases,
        rated: n.helpful + n.notHelpful,
        notHelpful: n.notHelpful,
      }))
      .sort((a, b) => a.topic.localeCompare(b.topic)),
  };
}
