import { formatDistanceStrict } from 'date-fns';
import {
  formatMoney,
  sellerAnswerDueAt,
  slaState,
  type Balance,
  type Case,
  type CaseEvent,
  type SlaState,
} from '../shared';

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
  state: SlaState;
  label: string;
  dueAt: string;
  which: 'first response' | 'resolution';
}

/** "3 hours left" or "2 days overdue". */
function clockLabel(state: SlaState, due: Date, now: Date): string {
  const distance = formatDistanceStrict(due, now);
  return state === 'overdue' ? `${distance} overdue` : `${distance} left`;
}

/** The clock that matters now: first response until answered, then resolution. */
export function slaClock(c: Case, now: Date): SlaClock | null {
  if (c.status === 'resolved') return null;
  const which = c.firstRespondedAt ? 'resolution' : 'first response';
  const dueAt = which === 'resolution' ? c.resolutionDueAt : c.firstResponseDueAt;
  const state = slaState(new Date(c.createdAt), new Date(dueAt), now);
  return { state, label: clockLabel(state, new Date(dueAt), now), dueAt, which };
}

/**
 * While a case waits on the seller, their answer has a deadline too: counted from when it
 * last began waiting on them (the status change in its history).
 */
export function sellerAnswerClock(
  c: Case,
  events: readonly (Pick<CaseEvent, 'at' | 'data'> & { type: string })[],
  now: Date,
): { state: SlaState; label: string; dueAt: string } | null {
  if (c.status !== 'pending_seller') return null;
  const since = events
    .filter((e) => e.type === 'case.status_changed' && e.data.to === 'pending_seller')
    .map((e) => e.at)
    .sort()
    .at(-1);
  if (!since) return null;
  const due = sellerAnswerDueAt(new Date(since));
  const state = slaState(new Date(since), due, now);
  return { state, label: clockLabel(state, due, now), dueAt: due.toISOString() };
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
