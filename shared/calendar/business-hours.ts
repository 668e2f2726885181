import type { BusinessHours } from '../policy/business-hours';
import { isWorkingDay } from './holidays';
import { instantOf, wallClock, type DayNumber } from './zoned-time';

const MINUTE = 60_000;
// Longer than any clock in the policy: a loop past it means a calendar with no working time.
const MAX_DAYS = 3_660;

/** A working day's opening hours as instants (each day converted on its own: DST-safe). */
function window(hours: BusinessHours, day: DayNumber): [number, number] | null {
  if (!isWorkingDay(hours.holidays, day)) return null;
  return [
    instantOf(day, hours.opensAt, hours.timeZone).getTime(),
    instantOf(day, hours.closesAt, hours.timeZone).getTime(),
  ];
}

/** The instant `minutes` of business time after `start` (outside hours, counting begins at the next opening). */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  let left = minutes * MINUTE;
  let cursor = start.getTime();
  const first = wallClock(start, hours.timeZone).day;
  for (let day = first; day < first + MAX_DAYS; day += 1) {
    const w = window(hours, day);
    if (!w) continue;
    const from = Math.max(w[0], cursor);
    if (from > w[1]) continue;
    if (from + left <= w[1]) return new Date(from + left);
    left -= w[1] - from;
    cursor = w[1];
  }
  throw new Error(`No business time within ${MAX_DAYS} days in ${hours.timeZone}`);
}

/** Business minutes between two instants (0 when `to` is not later). */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  if (to <= from) return 0;
  let ms = 0;
  const first = wallClock(from, hours.timeZone).day;
  const last = wallClock(to, hours.timeZone).day;
  for (let day = first; day <= last; day += 1) {
    const w = window(hours, day);
    if (!w) continue;
    ms += Math.max(0, Math.min(w[1], to.getTime()) - Math.max(w[0], from.getTime()));
  }
  return ms / MINUTE;
}

/** Whether the clock runs at this instant. */
export function isBusinessTime(at: Date, hours: BusinessHours): boolean {
  const w = window(hours, wallClock(at, hours.timeZone).day);
  return !!w && at.getTime() >= w[0] && at.getTime() < w[1];
}
