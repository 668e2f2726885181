import { formatDistanceStrict } from 'date-fns';
import { formatMoney, slaState, type Balance, type Case, type SlaState } from '../shared';

const locale = () => (typeof navigator !== 'undefined' ? navigator.language : 'en');

// Building an Intl formatter costs far more than using one: a queue screen formats
// hundreds of due times, so each locale and style gets one, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale()}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale(),
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
    formatters.set(key, f);
  }
  return f;
}

/** Dates and times in the agent's own locale. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateFormat(true).format(new Date(iso)) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat(false).format(new Date(iso)) : '—';
}

/** "1 change", "3 changes": English plurals for the counts the workspace states. */
export const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const money = (m: Balance | null | undefined): string =>
  m ? formatMoney(m, locale()) : '—';

export interface SlaClock {
  state: SlaState | 'paused';
  label: string;
  dueAt: string;
  which: 'first response' | 'resolution';
}

/** "3 hours left" or "2 days overdue". */
function clockLabel(state: SlaState, due: Date, now: Date): string {
  const distance = formatDistanceStrict(due, now);
  return state === 'overdue' ? `${distance} overdue` : `${distance} left`;
}

/**
 * The clock that matters now: first response until answered, then resolution. While the
 * case waits on the buyer or the seller the service has paused it: it says so, and the
 * due time it shows moves when the clock resumes.
 */
export function slaClock(c: Case, now: Date): SlaClock | null {
  if (c.status === 'resolved') return null;
  const which = c.firstRespondedAt ? 'resolution' : 'first response';
  const dueAt = which === 'resolution' ? c.resolutionDueAt : c.firstResponseDueAt;
  if (c.clockPausedAt) return { state: 'paused', label: 'paused', dueAt, which };
  const state = slaState(new Date(c.createdAt), new Date(dueAt), now);
  return { state, label: clockLabel(state, new Date(dueAt), now), dueAt, which };
}

/**
 * While a case waits on the seller, their answer has a deadline too: the service's
 * `sellerAnswerDueAt`, set when the case began waiting on them (never summed here, so
 * every client shows the same time). The clock's span starts at the pause.
 */
export function sellerAnswerClock(
  c: Case,
  now: Date,
): { state: SlaState; label: string; dueAt: string } | null {
  if (c.status !== 'pending_seller' || !c.sellerAnswerDueAt) return null;
  const due = new Date(c.sellerAnswerDueAt);
  const since = new Date(c.clockPausedAt ?? c.updatedAt);
  const state = slaState(since, due, now);
  return { state, label: clockLabel(state, due, now), dueAt: c.sellerAnswerDueAt };
}

export const TOPIC_LABELS: Record<Case['topic'], string> = {
  item_not_received: 'Item not received',
  not_as_described: 'Not as described',
  damaged_in_transit: 'Damaged in transit',
  counterfeit_suspected: 'Counterfeit suspected',
  fraud_suspected: 'Fraud suspected',
  payment_issue: 'Payment issue',
  cancellation_request: 'Cancellation request',
  account_access: 'Account access',
  general_question: 'General question',
  complaint: 'Complaint (appeal)',
};

export const STATUS_LABELS: Record<Case['status'], string> = {
  new: 'New',
  open: 'Open',
  pending_buyer: 'Waiting on buyer',
  pending_seller: 'Waiting on seller',
  ts_review: 'T&S review',
  resolved: 'Resolved',
};

export const PRIORITY_LABELS: Record<Case['priority'], string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * How long ago, as people say it: "just now", "5 minutes ago", "3 hours ago", then the
 * weekday and time for the last week ("Mon 14:02"), then the date and time. The exact time
 * goes in a tooltip (see Time). A time ahead of this computer's clock is given exactly.
 */
export function formatRelativeTime(iso: string, now: Date): string {
  const at = new Date(iso);
  const ago = now.getTime() - at.getTime();
  if (ago < -60_000) return formatDateTime(iso);
  if (ago < 45_000) return 'just now';
  const lang = locale();
  let rtf = relativeFormats.get(lang);
  if (!rtf)
    relativeFormats.set(lang, (rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  const minutes = Math.round(ago / 60_000);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(ago / 3_600_000);
  if (hours < 12) return rtf.format(-hours, 'hour');
  if (ago < 6 * 86_400_000) {
    let f = weekdayFormats.get(lang);
    if (!f)
      weekdayFormats.set(
        lang,
        (f = new Intl.DateTimeFormat(lang, {
          weekday: 'short',
          hour: 'numeric',
          minute: '2-digit',
        })),
      );
    return f.format(at);
  }
  return formatDateTime(iso);
}
