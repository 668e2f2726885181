import { COUNTRY_TIME_ZONES, type HolidayCountry } from '../policy/public-holidays';
import { isWorkingDay } from './holidays';
import { instantOf, wallClock, type DayNumber } from './zoned-time';

/** The working day `n` working days after `day` (the day itself never counts). */
export function addWorkingDays(country: HolidayCountry, day: DayNumber, n: number): DayNumber {
  let d = day;
  for (let left = n; left > 0;) {
    d += 1;
    if (isWorkingDay(country, d)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(
  country: HolidayCountry,
  from: DayNumber,
  to: DayNumber,
): number {
  let n = 0;
  for (let d = from + 1; d <= to; d += 1) if (isWorkingDay(country, d)) n += 1;
  return n;
}

/** The calendar day an instant falls on in the country. */
export const countryDay = (country: HolidayCountry, at: Date): DayNumber =>
  wallClock(at, COUNTRY_TIME_ZONES[country]).day;

/** The last moment of a day in the country: a deadline "on" a day runs to its end. */
export const endOfCountryDay = (country: HolidayCountry, day: DayNumber): Date =>
  new Date(instantOf(day + 1, 0, COUNTRY_TIME_ZONES[country]).getTime() - 1);
