import { addBusinessDays, addMinutes, differenceInMinutes } from 'date-fns';
import type { Channel } from './languages';
import { SELLER_ANSWER_BUSINESS_DAYS, SLA_POLICY } from './policy/sla-policy';

export interface SlaDueDates {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

export function slaDueDates(createdAt: Date, channel: Channel, policy = SLA_POLICY): SlaDueDates {
  return {
    firstResponseDueAt: addMinutes(createdAt, policy.firstResponseMinutes[channel]),
    resolutionDueAt: addMinutes(createdAt, policy.resolutionMinutes),
  };
}

export type SlaState = 'met' | 'ok' | 'due_soon' | 'overdue';

/** Where a clock stands at `now`; `doneAt` stops it. */
export function slaState(
  startedAt: Date,
  dueAt: Date,
  now: Date,
  doneAt: Date | null = null,
  policy = SLA_POLICY,
): SlaState {
  if (doneAt) return doneAt <= dueAt ? 'met' : 'overdue';
  if (now > dueAt) return 'overdue';
  const span = Math.max(1, differenceInMinutes(dueAt, startedAt));
  return differenceInMinutes(dueAt, now) <= span * policy.dueSoonFraction ? 'due_soon' : 'ok';
}

/** When the seller's answer is due: business days from the moment the case began waiting on them. */
export function sellerAnswerDueAt(
  waitingSince: Date,
  businessDays = SELLER_ANSWER_BUSINESS_DAYS,
): Date {
  return addBusinessDays(waitingSince, businessDays);
}
