import {
  countryDay,
  endOfCountryDay,
  addWorkingDays,
  workingDaysBetween,
} from './calendar/working-days';
import { isoDay } from './calendar/zoned-time';
import {
  ADR_BODY_COUNTRIES,
  ADR_DUE_SOON_WORKING_DAYS,
  ADR_RESPONSE_WORKING_DAYS,
  DEFAULT_ADR_COUNTRY,
} from './policy/adr-bodies';
import type { HolidayCountry } from './policy/public-holidays';
import type { DisputeStatus } from './schemas/disputes';

/** The country whose working days an ADR body counts in. */
export function adrBodyCountry(body: string): HolidayCountry {
  return (ADR_BODY_COUNTRIES as Record<string, HolidayCountry>)[body] ?? DEFAULT_ADR_COUNTRY;
}

/**
 * When the answer to an ADR body is due, unless the body set a date: the end of the 20th
 * working day after filing, in the body's country (the filing day itself does not count).
 */
export function disputeResponseDueAt(body: string, filedAt: Date): Date {
  const country = adrBodyCountry(body);
  return endOfCountryDay(
    country,
    addWorkingDays(country, countryDay(country, filedAt), ADR_RESPONSE_WORKING_DAYS),
  );
}

export type DisputeDeadlineState = 'ok' | 'due_soon' | 'overdue';

export interface DisputeDeadline {
  state: DisputeDeadlineState;
  /** Working days left in the body's country (0 on the day it is due). */
  workingDaysLeft: number;
  /** "Due in 2 working days (6 Jan)", "Overdue since 6 Jan", for the workspace and notifications. */
  label: string;
}

const answered = (status: DisputeStatus) => status === 'decided' || status === 'withdrawn';

/** Where a dispute's answer stands at `now`; null once decided or withdrawn, or without a date. */
export function disputeDeadline(
  d: { body: string; status: DisputeStatus; responseDueAt: string | null },
  now: Date,
  dueSoonWorkingDays = ADR_DUE_SOON_WORKING_DAYS,
): DisputeDeadline | null {
  if (answered(d.status) || !d.responseDueAt) return null;
  const country = adrBodyCountry(d.body);
  const due = new Date(d.responseDueAt);
  const dueDay = countryDay(country, due);
  const on = isoDay(dueDay);
  if (now > due) return { state: 'overdue', workingDaysLeft: 0, label: `Overdue since ${on}` };
  const left = workingDaysBetween(country, countryDay(country, now), dueDay);
  const state = left <= dueSoonWorkingDays ? 'due_soon' : 'ok';
  const label =
    left === 0 ? `Due today (${on})` : `Due in ${left} working day${left === 1 ? '' : 's'} (${on})`;
  return { state, workingDaysLeft: left, label };
}
