import { PUBLIC_HOLIDAYS, type HolidayCountry, type HolidayRule } from '../policy/public-holidays';
import { dayNumber, weekdayOf, type DayNumber } from './zoned-time';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

const isWeekend = (d: DayNumber) => weekdayOf(d) === 0 || weekdayOf(d) === 6;

function nthWeekday(year: number, month: number, weekday: number, nth: number): DayNumber {
  if (nth > 0) {
    const first = dayNumber(year, month, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
  }
  const last = dayNumber(year, month + 1, 1) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

function ruleDay(rule: HolidayRule, year: number): DayNumber | null {
  if ('easter' in rule) return easterSunday(year) + rule.easter;
  if ('nth' in rule) return nthWeekday(year, rule.month, rule.weekday, rule.nth);
  if (rule.from !== undefined && year < rule.from) return null;
  if (rule.everyFifthYearFrom !== undefined && (year - rule.everyFifthYearFrom) % 5 !== 0) {
    return null;
  }
  const d = dayNumber(year, rule.month, rule.day);
  return rule.sundayToSaturday && weekdayOf(d) === 0 ? d - 1 : d;
}

const cache = new Map<string, ReadonlyMap<DayNumber, string>>();

/** A country's public holidays in a year, by day, with their names. */
export function publicHolidays(
  country: HolidayCountry,
  year: number,
): ReadonlyMap<DayNumber, string> {
  const key = `${country}:${year}`;
  const known = cache.get(key);
  if (known) return known;
  const days = new Map<DayNumber, string>();
  for (const rule of PUBLIC_HOLIDAYS[country]) {
    let d = ruleDay(rule, year);
    if (d === null) continue;
    // A substitute day is the next weekday that is not already a holiday (Boxing Day on a
    // Sunday after Christmas on a Saturday goes to Tuesday).
    if ('substitute' in rule && rule.substitute && isWeekend(d)) {
      while (isWeekend(d) || days.has(d)) d += 1;
    }
    days.set(d, rule.name);
  }
  cache.set(key, days);
  return days;
}

export function holidayName(country: HolidayCountry, day: DayNumber): string | null {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  return publicHolidays(country, year).get(day) ?? null;
}

/** Monday to Friday, and not a public holiday of the country. */
export function isWorkingDay(country: HolidayCountry, day: DayNumber): boolean {
  return !isWeekend(day) && holidayName(country, day) === null;
}
