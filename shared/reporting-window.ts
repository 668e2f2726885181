import type { Channel } from './languages';
import { REPORTING_WINDOWS } from './policy/reporting-windows';
import { initialPriority } from './policy/priority-policy';
import type { Priority, Topic } from './schemas/case';

const DAY_MS = 86_400_000;

/**
 * Where a case stands against its topic's reporting window:
 * `within` — reported in time; `late` — after the window closed; `early` — "not arrived"
 * before the check is due (the parcel may be slow, not lost); `unknown` — the date the
 * rule counts from is missing.
 */
export type ReportingWindowState = 'within' | 'late' | 'early' | 'unknown';

export interface ReportingWindow {
  state: ReportingWindowState;
  /** Whole days from delivery (or shipping) to the report; null when unknown. */
  days: number | null;
  label: string;
}

interface CaseFacts {
  topic: Topic;
  /** When the buyer reported: the case's creation. */
  createdAt: string;
  order: { shippedAt: string | null; deliveredAt: string | null } | null;
}

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The topic's reporting rule applied to the case; null for topics without one. */
export function reportingWindow(c: CaseFacts): ReportingWindow | null {
  const rule = REPORTING_WINDOWS[c.topic];
  if (!rule || !c.order) return null;
  const since = rule.from === 'delivery' ? c.order.deliveredAt : c.order.shippedAt;
  if (!since) {
    return {
      state: 'unknown',
      days: null,
      label:
        rule.from === 'delivery'
          ? `No delivery date — the ${rule.withinDays}-day window cannot be checked`
          : `Not shipped yet — the ${rule.afterDays}-day “not arrived” check has not started`,
    };
  }
  const days = Math.max(0, Math.floor((Date.parse(c.createdAt) - Date.parse(since)) / DAY_MS));
  if (rule.from === 'delivery') {
    const within = days <= rule.withinDays;
    return {
      state: within ? 'within' : 'late',
      days,
      label: `Reported ${plural(days)} after delivery — ${within ? 'within' : 'outside'} the ${rule.withinDays}-day window`,
    };
  }
  const due = days >= rule.afterDays;
  return {
    state: due ? 'within' : 'early',
    days,
    label: `Reported ${plural(days)} after shipping — ${due ? 'past' : 'before'} the ${rule.afterDays}-day “not arrived” check`,
  };
}

const LOWER: Record<Priority, Priority> = {
  urgent: 'high',
  high: 'normal',
  normal: 'low',
  low: 'low',
};

/**
 * The priority a new case gets: its topic's and channel's (priority-policy.ts), one step
 * lower when it was reported outside its window or before the "not arrived" check — the
 * queue ranks claims in time, whose payout is still held, ahead of late or early ones.
 */
export function rankedPriority(c: CaseFacts, channel: Channel): Priority {
  const base = initialPriority(c.topic, channel);
  const w = reportingWindow(c);
  return w && (w.state === 'late' || w.state === 'early') ? LOWER[base] : base;
}
