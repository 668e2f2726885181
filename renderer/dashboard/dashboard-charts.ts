import {
  CASE_STATUSES,
  LANGUAGE_NAMES,
  type Clock,
  type Durations,
  type Language,
  type QueueHealth,
} from '../../shared';
import type { LiveQueue } from '../data/dashboard-figures';
import { STATUS_LABELS, TOPIC_LABELS } from '../format';
import type { PeriodKind } from '../app/ui-slice';
import { formatValue, type ChartData, type ChartRow, type QueueTarget } from './chart-data';

const CLOCK_LABELS: Record<Clock, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
  seller_answer: "Seller's answer",
};

const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'resolved');
const total = (rows: ChartRow[], key: string) => rows.reduce((n, r) => n + (r.values[key] ?? 0), 0);
const largest = (rows: ChartRow[], key: string) =>
  rows.reduce<ChartRow | null>(
    (best, r) => ((r.values[key] ?? 0) > (best?.values[key] ?? 0) ? r : best),
    null,
  );
const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
/** The filtered queue of one UTC day's cases: created, first answered or resolved on it. */
const onDay = (periodOf: PeriodKind, day: string): QueueTarget => ({
  periodOf,
  periodFrom: day,
  periodTo: day,
});
/** The Sunday of the ISO week starting on Monday `weekStart`. */
const weekEnd = (weekStart: string) =>
  new Date(Date.parse(`${weekStart}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
const pct = (met: number, count: number) => (count ? (met / count) * 100 : null);

/** Open cases per language, stacked by status: live from the replica. */
function openCases(live: LiveQueue, languages: readonly Language[]): ChartData {
  const rows: ChartRow[] = languages.map((l) => ({
    label: LANGUAGE_NAMES[l],
    key: l,
    values: Object.fromEntries(
      OPEN_STATUSES.map((s) => [
        s,
        live.open.find((o) => o.language === l && o.status === s)?.count ?? 0,
      ]),
    ),
  }));
  const sums = rows.map((r) => ({ r, n: OPEN_STATUSES.reduce((n, s) => n + r.values[s]!, 0) }));
  const all = sums.reduce((n, x) => n + x.n, 0);
  const top = sums.reduce((a, b) => (b.n > a.n ? b : a), sums[0] ?? { r: null, n: 0 });
  return {
    id: 'open-cases',
    title: 'Open cases',
    summary: `${all} open cases now${top.r && top.n ? `; most in ${top.r.label} (${top.n})` : ''}. By language, stacked by status.`,
    rowLabel: 'Language',
    series: OPEN_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s] })),
    rows,
    stacked: true,
    unit: 'cases',
    source: 'live',
    target: (row, s) => ({ language: row.key as Language, status: s.key as never }),
  };
}

/** Running clocks past due or due within the hour, per language and clock: live. */
function clocks(
  live: LiveQueue,
  languages: readonly Language[],
  which: 'overdue' | 'dueWithinHour',
): ChartData {
  const clockKeys: Clock[] = ['first_response', 'resolution', 'seller_answer'];
  const rows: ChartRow[] = languages.map((l) => ({
    label: LANGUAGE_NAMES[l],
    key: l,
    values: Object.fromEntries(
      clockKeys.map((c) => [
        c,
        live.clocks.find((x) => x.language === l && x.clock === c)?.[which] ?? 0,
      ]),
    ),
  }));
  const title = which === 'overdue' ? 'Overdue' : 'Due within the hour';
  const sums = clockKeys.map((c) => `${CLOCK_LABELS[c].toLowerCase()} ${total(rows, c)}`);
  return {
    id: which === 'overdue' ? 'overdue' : 'due-within-hour',
    title,
    summary: `${title} now, by clock: ${sums.join(', ')}. By language, stacked by clock.`,
    rowLabel: 'Language',
    series: clockKeys.map((c) => ({ key: c, label: CLOCK_LABELS[c] })),
    rows,
    stacked: true,
    unit: 'cases',
    source: 'live',
    // The queue sorts by the clock that runs out first; a seller's answer waits on the seller.
    target: (row, s) => ({
      language: row.key as Language,
      ...(s.key === 'seller_answer' ? { status: 'pending_seller' as const } : {}),
    }),
  };
}

function times(h: QueueHealth, which: 'firstResponse' | 'resolution'): ChartData {
  const title = which === 'firstResponse' ? 'First-response time' : 'Resolution time';
  const rows: ChartRow[] = h.days.map((d) => {
    const t: Durations = d[which];
    return {
      label: shortDay(d.day),
      key: d.day,
      values: { median: t.medianMinutes, p90: t.p90Minutes },
    };
  });
  const medians = rows.map((r) => r.values.median).filter((v): v is number => v !== null);
  const latest = [...rows].reverse().find((r) => r.values.median !== null);
  return {
    id: which === 'firstResponse' ? 'first-response-time' : 'resolution-time',
    title,
    summary: medians.length
      ? `${title} per day, median and 90th percentile, from creation. Latest day with any (${latest!.label}): median ${formatValue(latest!.values.median!, 'minutes')}, 90th percentile ${formatValue(latest!.values.p90 ?? null, 'minutes')}.`
      : `${title} per day: none in the period.`,
    rowLabel: 'Day',
    series: [
      { key: 'median', label: 'Median' },
      { key: 'p90', label: '90th percentile' },
    ],
    rows,
    unit: 'minutes',
    source: 'service',
    // The cases answered (or resolved) that day: those the day's times are taken from.
    target: (row) => onDay(which === 'firstResponse' ? 'responded' : 'resolved', row.key),
  };
}

function attainment(h: QueueHealth): ChartData {
  const rows: ChartRow[] = h.days.map((d) => ({
    label: shortDay(d.day),
    key: d.day,
    values: {
      firstResponse: pct(d.firstResponse.met, d.firstResponse.count),
      resolution: pct(d.resolution.met, d.resolution.count),
    },
  }));
  const sum = (k: 'firstResponse' | 'resolution') =>
    pct(
      h.days.reduce((n, d) => n + d[k].met, 0),
      h.days.reduce((n, d) => n + d[k].count, 0),
    );
  return {
    id: 'sla-attainment',
    title: 'SLA attainment',
    summary: `Share of first responses and resolutions within their clock, per day. Over the period: first response ${formatValue(sum('firstResponse'), 'percent')}, resolution ${formatValue(sum('resolution'), 'percent')}.`,
    rowLabel: 'Day',
    series: [
      { key: 'firstResponse', label: 'First response met' },
      { key: 'resolution', label: 'Resolution met' },
    ],
    rows,
    unit: 'percent',
    source: 'service',
    target: (row, s) => onDay(s.key === 'firstResponse' ? 'responded' : 'resolved', row.key),
  };
}

function flow(h: QueueHealth): ChartData {
  const rows: ChartRow[] = h.days.map((d) => ({
    label: shortDay(d.day),
    key: d.day,
    values: { incoming: d.incoming, resolved: d.resolution.count },
  }));
  const inSum = total(rows, 'incoming');
  const outSum = total(rows, 'resolved');
  return {
    id: 'incoming-resolved',
    title: 'Incoming and resolved',
    summary: `Cases created and resolved per day: ${inSum} in, ${outSum} resolved over the period (${inSum > outSum ? 'the queue grew' : 'the queue shrank or held'}).`,
    rowLabel: 'Day',
    series: [
      { key: 'incoming', label: 'Incoming' },
      { key: 'resolved', label: 'Resolved' },
    ],
    rows,
    unit: 'cases',
    source: 'service',
    target: (row, s) => onDay(s.key === 'resolved' ? 'resolved' : 'created', row.key),
  };
}

function workload(h: QueueHealth): ChartData {
  const rows: ChartRow[] = h.workload.map((w) => ({
    label: w.name,
    key: w.agentId,
    values: { open: w.openAssigned },
    notes: {
      oldest: w.oldestOpenAt ? w.oldestOpenAt.slice(0, 16).replace('T', ' ') : '',
      seen: w.lastSeenAt ? w.lastSeenAt.slice(0, 16).replace('T', ' ') : '',
    },
  }));
  const top = largest(rows, 'open');
  return {
    id: 'workload',
    title: 'Workload per agent',
    summary: `Open cases assigned per agent${top ? `; most with ${top.label} (${top.values.open})` : ''}. The table adds each one's oldest open case and when they were last seen (UTC).`,
    rowLabel: 'Agent',
    series: [{ key: 'open', label: 'Open assigned' }],
    noteColumns: [
      { key: 'oldest', label: 'Oldest open case' },
      { key: 'seen', label: 'Last seen' },
    ],
    rows,
    unit: 'cases',
    source: 'service',
    target: (row) => ({ assignee: row.key }),
  };
}

function weekly(h: QueueHealth): ChartData {
  const rows: ChartRow[] = h.weeks.map((w) => ({
    label: w.week,
    key: w.weekStart,
    values: { refunds: w.refunds, restrictions: w.restrictions },
    notes: {
      refunded: w.refunded.map((m) => `${(m.amount / 100).toFixed(2)} ${m.currency}`).join('; '),
    },
  }));
  return {
    id: 'refunds-restrictions',
    title: 'Refunds and restrictions per week',
    summary: `Refunds executed and restrictions that took effect, per ISO week: ${total(rows, 'refunds')} refunds and ${total(rows, 'restrictions')} restrictions in all.`,
    rowLabel: 'Week',
    series: [
      { key: 'refunds', label: 'Refunds' },
      { key: 'restrictions', label: 'Restrictions' },
    ],
    noteColumns: [{ key: 'refunded', label: 'Refunded' }],
    rows,
    unit: 'count',
    source: 'service',
    // The cases with a refund (or a restriction) that week: a case with two refunds is one row.
    target: (row, s) => ({
      periodOf: s.key === 'refunds' ? 'refunded' : 'restricted',
      periodFrom: row.key,
      periodTo: weekEnd(row.key),
    }),
  };
}

function aiAnswers(h: QueueHealth): ChartData {
  const rows: ChartRow[] = h.aiAnswers
    .map((a) => ({
      label: TOPIC_LABELS[a.topic],
      key: a.topic,
      values: { rate: pct(a.notHelpful, a.rated) },
      notes: { rated: String(a.rated), notHelpful: String(a.notHelpful) },
    }))
    .sort((a, b) => (b.values.rate ?? -1) - (a.values.rate ?? -1));
  const top = rows[0];
  return {
    id: 'ai-not-helpful',
    title: 'AI answers rated not helpful',
    summary: `Share of rated AI answers the buyer found not helpful, per topic, on cases created in the period${top && top.values.rate !== null ? `; fix first: ${top.label} (${formatValue(top.values.rate ?? null, 'percent')})` : ''}.`,
    rowLabel: 'Topic',
    series: [{ key: 'rate', label: 'Not helpful' }],
    noteColumns: [
      { key: 'notHelpful', label: 'Rated not helpful' },
      { key: 'rated', label: 'Rated' },
    ],
    rows,
    unit: 'percent',
    source: 'service',
    // The topic's cases created in the period: those whose ratings the bar counts.
    target: (row) => ({
      topic: row.key as never,
      periodOf: 'created',
      periodFrom: h.from,
      periodTo: h.to,
    }),
  };
}

/** The dashboard's charts: the live ones from the replica, the rest from the kept figures. */
export function dashboardCharts(
  live: LiveQueue | null,
  kept: QueueHealth | null,
  languages: readonly Language[],
): ChartData[] {
  const out: ChartData[] = [];
  if (live)
    out.push(
      openCases(live, languages),
      clocks(live, languages, 'overdue'),
      clocks(live, languages, 'dueWithinHour'),
    );
  if (kept)
    out.push(
      flow(kept),
      times(kept, 'firstResponse'),
      times(kept, 'resolution'),
      attainment(kept),
      workload(kept),
      weekly(kept),
      aiAnswers(kept),
    );
  return out;
}
