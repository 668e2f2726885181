import { z } from 'zod';
import { CalendarDay } from './queue-health';
import { Timestamp } from './time';

/**
 * One end of the export's period: a time with its offset, or a bare UTC day meaning its
 * midnight. The issue names only `?from=&to=`, so clients send days as often as times;
 * both are ISO 8601 and neither may be refused.
 */
const PeriodBound = z.union([
  CalendarDay.meta({ format: 'date' }).transform((d) => `${d}T00:00:00.000Z`),
  Timestamp,
]);

/** A period [from, to): both ends required, the start before the end. */
export const DsaStatementsQuery = z
  .strictObject({ from: PeriodBound, to: PeriodBound })
  .refine((q) => q.from < q.to, { path: ['to'], message: 'must be after from' });
export type DsaStatementsQuery = z.infer<typeof DsaStatementsQuery>;

/** An evidence case file as a PDF to read, or its JSON twin to verify. */
export const CaseFileQuery = z.strictObject({ format: z.enum(['pdf', 'json']).default('pdf') });
export type CaseFileQuery = z.infer<typeof CaseFileQuery>;
