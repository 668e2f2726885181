/**
 * Wall-clock time in a named time zone, from the platform's Intl data only (pure: runs the
 * same in the service, the renderer and tests). Calendar days are whole numbers: days since
 * 1970-01-01, so adding days never meets a daylight-saving change.
 */

const DAY_MS = 86_400_000;

/** A calendar day as days since 1970-01-01. */
export type DayNumber = number;

export const dayNumber = (year: number, month: number, day: number): DayNumber =>
  Date.UTC(year, month - 1, day) / DAY_MS;

/** 0 Sunday … 6 Saturday (1 January 1970 was a Thursday). */
export const weekdayOf = (d: DayNumber): number => (((d + 4) % 7) + 7) % 7;

export function ymdOf(d: DayNumber): { year: number; month: number; day: number } {
  const t = new Date(d * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** "2026-04-06": for messages and tests. */
export function isoDay(d: DayNumber): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

export const dayFromIso = (s: string): DayNumber => Date.parse(`${s}T00:00:00Z`) / DAY_MS;

// Building an Intl formatter is slow; a queue computes many clocks.
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at an instant: the calendar day and minutes since midnight. */
export function wallClock(
  instant: Date,
  timeZone: string,
): { day: DayNumber; minutes: number; offsetMinutes: number } {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const day = dayNumber(p.year!, p.month!, p.day!);
  const minutes = p.hour! * 60 + p.minute!;
  const wallMs = day * DAY_MS + minutes * 60_000 + p.second! * 1000;
  const exact = instant.getTime() - (instant.getTime() % 1000);
  return { day, minutes, offsetMinutes: Math.round((wallMs - exact) / 60_000) };
}

/**
 * The instant a wall-clock time in `timeZone` names. A time skipped by a spring-forward
 * change resolves to the same minute after the change; one repeated in autumn, to the first.
 */
export function instantOf(day: DayNumber, minutes: number, timeZone: string): Date {
  const wall = day * DAY_MS + minutes * 60_000;
  const first = wall - wallClock(new Date(wall), timeZone).offsetMinutes * 60_000;
  const second = wall - wallClock(new Date(first), timeZone).offsetMinutes * 60_000;
  return new Date(Math.min(first, second));
}
