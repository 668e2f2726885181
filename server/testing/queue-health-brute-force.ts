import {
  CLOCKS,
  type Clock,
  type Currency,
  type Durations,
  type Language,
  type QueueHealth,
  type Topic,
} from '../../shared';
import type { Queryable } from '../db/database';

/**
 * The dashboard's figures the slow, obvious way: every row read into memory and counted in
 * TypeScript. Only the tests use it, to check the SQL of queue-health.ts against it.
 * Times are whole microseconds, as PostgreSQL keeps them (a Date would round them).
 */
const US_PER_DAY = 86_400_000_000;
const US_PER_HOUR = 3_600_000_000;

interface CaseRow {
  status: string;
  language: Language;
  topic: Topic;
  assignee_id: string | null;
  created: number;
  responded: number | null;
  resolved: number | null;
  fr_due: number;
  res_due: number;
  seller_due: number | null;
  paused: number | null;
  rating: string | null;
}

const us = (col: string, as = col) =>
  `(extract(epoch FROM ${col}) * 1000000)::bigint::text AS ${as}`;

const num = (v: string | null) => (v === null ? null : Number(v));

export interface Everything {
  cases: CaseRow[];
  refunds: { at: number; currency: Currency; amount: number; language: Language }[];
  restrictions: { at: number; language: Language }[];
  agents: {
    id: string;
    name: string;
    roles: string[];
    languages: string[];
    active: boolean;
    last_seen_at: Date | string | null;
  }[];
}

export async function readEverything(db: Queryable): Promise<Everything> {
  const cases = await db.query<Record<string, string | null>>(
    `SELECT status, language, topic, assignee_id, ${us('created_at', 'created')},
            ${us('first_responded_at', 'responded')}, ${us('resolved_at', 'resolved')},
            ${us('first_response_due_at', 'fr_due')}, ${us('resolution_due_at', 'res_due')},
            ${us('seller_answer_due_at', 'seller_due')}, ${us('clock_paused_at', 'paused')},
            ai_answer ->> 'rating' AS rating
       FROM cases`,
  );
  const actions = await db.query<Record<string, string | null>>(
    `SELECT a.type, a.status, a.currency, a.amount_minor::text AS amount, c.language,
            ${us('a.created_at', 'created')}, ${us('a.decided_at', 'decided')}, ${us('a.result_at', 'result')}
       FROM actions a JOIN cases c ON c.id = a.case_id`,
  );
  const restrictions = await db.query<{ at: string; language: Language }>(
    `SELECT ${us('r.created_at', 'at')}, c.language FROM account_restrictions r JOIN cases c ON c.id = r.case_id`,
  );
  const agents = await db.query<Everything['agents'][number]>(
    'SELECT id, name, roles, languages, active, last_seen_at FROM agents',
  );
  return {
    cases: cases.rows.map((r) => ({
      status: r.status!,
      language: r.language as Language,
      topic: r.topic as Topic,
      assignee_id: r.assignee_id ?? null,
      created: Number(r.created),
      responded: num(r.responded ?? null),
      resolved: num(r.resolved ?? null),
      fr_due: Number(r.fr_due),
      res_due: Number(r.res_due),
      seller_due: num(r.seller_due ?? null),
      paused: num(r.paused ?? null),
      rating: r.rating ?? null,
    })),
    refunds: actions.rows
      .filter((a) => a.type === 'refund' && a.status === 'executed')
      .map((a) => {
        // The latest of result, decision and proposal that exists, as REFUND_EXECUTED_AT.
        const at = Number(a.result ?? a.decided ?? a.created);
        return {
          at,
          currency: a.currency as Currency,
          amount: Number(a.amount),
          language: a.language as Language,
        };
      }),
    restrictions: restrictions.rows.map((r) => ({ at: Number(r.at), language: r.language })),
    agents: agents.rows,
  };
}

/** percentile_cont: linear interpolation between the two nearest ranks. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const dayOf = (t: number) => new Date(Math.floor(t / 1000)).toISOString().slice(0, 10);
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) * 1000;

function weekStartOf(t: number): string {
  const day = dayOf(t);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return dayOf(dayStart(day) - weekday * US_PER_DAY);
}

export function bruteForceQueueHealth(
  all: Everything,
  q: { from: string; to: string; languages: readonly Language[]; asOf: string; lastSeen: boolean },
): Omit<QueueHealth, 'weeks'> & { weeks: Omit<QueueHealth['weeks'][number], 'week'>[] } {
  const now = Date.parse(q.asOf) * 1000;
  const inScope = all.cases.filter((c) => q.languages.includes(c.language));
  const open = inScope.filter((c) => c.status !== 'resolved');
  const start = dayStart(q.from);
  const end = dayStart(q.to) + US_PER_DAY;
  const within = (t: number | null, a = start, b = end) => t !== null && t >= a && t < b;

  const openCounts = new Map<string, number>();
  for (const c of open) {
    const k = `${c.language}|${c.status}`;
    openCounts.set(k, (openCounts.get(k) ?? 0) + 1);
  }

  const due = (clock: Clock, c: CaseRow): number | null => {
    if (clock === 'seller_answer') return c.status === 'pending_seller' ? c.seller_due : null;
    if (c.paused !== null) return null;
    if (clock === 'first_response') return c.responded === null ? c.fr_due : null;
    return c.res_due;
  };

  const durations = (
    rows: CaseRow[],
    at: (c: CaseRow) => number,
    by: (c: CaseRow) => number,
  ): Durations => {
    const minutes = rows.map((c) => (at(c) - c.created) / 60_000_000);
    return {
      count: rows.length,
      met: rows.filter((c) => at(c) <= by(c)).length,
      medianMinutes: percentileCont(minutes, 0.5),
      p90Minutes: percentileCont(minutes, 0.9),
    };
  };

  const days = [];
  for (let t = start; t < end; t += US_PER_DAY) {
    const day = dayOf(t);
    const responded = inScope.filter((c) => within(c.responded, t, t + US_PER_DAY));
    const resolved = inScope.filter((c) => within(c.resolved, t, t + US_PER_DAY));
    days.push({
      day,
      incoming: inScope.filter((c) => within(c.created, t, t + US_PER_DAY)).length,
      firstResponse: durations(
        responded,
        (c) => c.responded!,
        (c) => c.fr_due,
      ),
      resolution: durations(
        resolved,
        (c) => c.resolved!,
        (c) => c.res_due,
      ),
    });
  }

  const weekFrom = dayStart(weekStartOf(start));
  const weekTo = dayStart(weekStartOf(end - US_PER_DAY)) + 7 * US_PER_DAY;
  const weeks = [];
  for (let t = weekFrom; t < weekTo; t += 7 * US_PER_DAY) {
    const inWeek = (x: { at: number; language: Language }) =>
      q.languages.includes(x.language) && x.at >= t && x.at < t + 7 * US_PER_DAY;
    const refunds = all.refunds.filter(inWeek);
    const sums = new Map<Currency, number>();
    for (const r of refunds) sums.set(r.currency, (sums.get(r.currency) ?? 0) + r.amount);
    weeks.push({
      weekStart: dayOf(t),
      refunds: refunds.length,
      refunded: [...sums]
        .map(([currency, amount]) => ({ currency, amount }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
      restrictions: all.restrictions.filter(inWeek).length,
    });
  }

  const created = inScope.filter((c) => within(c.created));
  const topics = [...new Set(created.map((c) => c.topic))].sort();

  const held = new Map<string, CaseRow[]>();
  for (const c of open)
    if (c.assignee_id) held.set(c.assignee_id, [...(held.get(c.assignee_id) ?? []), c]);
  const workload = all.agents
    .filter(
      (a) =>
        held.has(a.id) ||
        (a.active &&
          a.roles.includes('agent') &&
          a.languages.some((l) => q.languages.includes(l as Language))),
    )
    .map((a) => {
      const mine = held.get(a.id) ?? [];
      const oldest = mine.length ? Math.min(...mine.map((c) => c.created)) : null;
      return {
        agentId: a.id,
        name: a.name,
        openAssigned: mine.length,
        oldestOpenAt: oldest === null ? null : new Date(Math.floor(oldest / 1000)).toISOString(),
        lastSeenAt: q.lastSeen && a.last_seen_at ? new Date(a.last_seen_at).toISOString() : null,
      };
    })
    .sort(
      (a, b) =>
        b.openAssigned - a.openAssigned ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.agentId < b.agentId ? -1 : 1),
    );

  return {
    from: q.from,
    to: q.to,
    asOf: q.asOf,
    languages: [...q.languages],
    open: [...openCounts]
      .map(([k, count]) => {
        const [language, status] = k.split('|') as [
          Language,
          QueueHealth['open'][number]['status'],
        ];
        return { status, language, count };
      })
      .sort((a, b) => a.language.localeCompare(b.language) || a.status.localeCompare(b.status)),
    clocks: CLOCKS.flatMap((clock) =>
      q.languages.map((language) => {
        const dues = open
          .filter((c) => c.language === language)
          .map((c) => due(clock, c))
          .filter((d): d is number => d !== null);
        return {
          clock,
          language,
          dueWithinHour: dues.filter((d) => d >= now && d <= now + US_PER_HOUR).length,
          overdue: dues.filter((d) => d < now).length,
        };
      }),
    ),
    days,
    workload,
    weeks,
    aiAnswers: topics.map((topic) => {
      const of = created.filter((c) => c.topic === topic);
      return {
        topic,
        cases: of.length,
        rated: of.filter((c) => c.rating !== null).length,
        notHelpful: of.filter((c) => c.rating === 'not_helpful').length,
      };
    }),
  };
}
