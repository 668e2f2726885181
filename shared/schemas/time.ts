import { z } from 'zod';

/**
 * Times at the border. Clients may send any ISO 8601 time with an offset; the service
 * stores and answers the same instant in UTC with `Z`, so nothing downstream (the audit
 * trail, sync, other clients' strict readers) ever sees an offset. Only instants that
 * PostgreSQL's timestamptz and JavaScript's Date both hold the same way are accepted:
 * offsets up to ±15:59 (PostgreSQL's limit; JavaScript alone would take ±23:59) and
 * years 0001 to 9999 once in UTC (PostgreSQL has no year 0000, and `toISOString` writes
 * years past 9999 as `+010000`, which no client reads).
 */
export const EARLIEST_TIME = Date.parse('0001-01-01T00:00:00Z');
export const LATEST_TIME = Date.parse('9999-12-31T23:59:59.999Z');
const MAX_OFFSET_MINUTES = 15 * 60 + 59;

const OFFSET = /([+-])(\d{2}):(\d{2})$/;

/** Why a syntactically valid ISO time is still refused, or null when it is fine. */
export function timeProblem(text: string): string | null {
  const offset = OFFSET.exec(text);
  if (offset && Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MINUTES) {
    return 'the offset must be within ±15:59';
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return 'not a time';
  if (ms < EARLIEST_TIME || ms > LATEST_TIME) {
    return 'must be between 0001-01-01 and 9999-12-31 (UTC)';
  }
  return null;
}

/** The same instant in UTC with `Z` (millisecond precision, as every time we answer). */
export const toUtc = (text: string): string => new Date(text).toISOString();

const IsoWithOffset = z.iso.datetime({ offset: true });

/** A time a client sends: any ISO 8601 time with an offset, parsed to UTC with `Z`. */
export const Timestamp = IsoWithOffset.superRefine((text, ctx) => {
  // Zod keeps checking after the format check fails; only judge well-formed times.
  if (!IsoWithOffset.safeParse(text).success) return;
  const problem = timeProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}).transform(toUtc);

/** A time as the service sends it: always UTC with `Z`. */
export const UtcTimestamp = z.iso.datetime();
