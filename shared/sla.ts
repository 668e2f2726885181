import { differenceInMinutes } from 'date-fns';
import { addBusinessMinutes, businessMinutesBetween } from './calendar/business-hours';
import type { Channel, Language } from './languages';
import { BUSINESS_HOURS, type BusinessHours } from './policy/business-hours';
import {
  CLOCK_PAUSING_STATUSES,
  SELLER_ANSWER_BUSINESS_DAYS,
  SLA_POLICY,
} from './policy/sla-policy';
import type { CaseStatus } from './schemas/case';

export interface SlaDueDates {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

/** A new case's clocks, counted in the business hours of its language. */
export function slaDueDates(
  createdAt: Date,
  channel: Channel,
  language: Language,
  policy = SLA_POLICY,
  hours: BusinessHours = BUSINESS_HOURS[language],
): SlaDueDates {
  return {
    firstResponseDueAt: addBusinessMinutes(createdAt, policy.firstResponseMinutes[channel], hours),
    resolutionDueAt: addBusinessMinutes(createdAt, policy.resolutionMinutes, hours),
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

export const pausesClock = (status: CaseStatus): boolean => CLOCK_PAUSING_STATUSES.includes(status);

/** What a status change does to the clocks: pause them, resume them, or nothing. */
export function clockChange(from: CaseStatus, to: CaseStatus): 'pause' | 'resume' | null {
  if (!pausesClock(from) && pausesClock(to)) return 'pause';
  if (pausesClock(from) && !pausesClock(to)) return 'resume';
  return null;
}

export interface ResumedClocks {
  /** Business minutes the clocks stood still (a weekend in between adds none). */
  pausedMinutes: number;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

/**
 * The due times after a pause from `pausedAt` to `now`: each moves by the business time
 * the pause took, so the team gets back exactly the working time it lost. A first response
 * already given keeps its due time (that clock had stopped).
 */
export function resumeClocks(
  c: {
    firstResponseDueAt: Date;
    resolutionDueAt: Date;
    firstRespondedAt: Date | null;
    clockPausedAt: Date;
  },
  language: Language,
  now: Date,
  hours: BusinessHours = BUSINESS_HOURS[language],
): ResumedClocks {
  const pausedMinutes = businessMinutesBetween(c.clockPausedAt, now, hours);
  const move = (due: Date) =>
    pausedMinutes > 0 ? addBusinessMinutes(due, pausedMinutes, hours) : due;
  return {
    pausedMinutes,
    firstResponseDueAt: c.firstRespondedAt ? c.firstResponseDueAt : move(c.firstResponseDueAt),
    resolutionDueAt: move(c.resolutionDueAt),
  };
}

/**
 * When the seller's answer is due: a few business days (in the case language's hours) from
 * the moment the case began waiting on them. The service sets it; clients read it.
 */
export function sellerAnswerDueAt(
  waitingSince: Date,
  language: Language,
  businessDays = SELLER_ANSWER_BUSINESS_DAYS,
  hours: BusinessHours = BUSINESS_HOURS[language],
): Date {
  return addBusinessMinutes(waitingSince, businessDays * (hours.closesAt - hours.opensAt), hours);
}
