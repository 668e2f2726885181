import { z } from 'zod';
import { Timestamp } from './time';

/** A period [from, to): both ends required, the start before the end. */
export const DsaStatementsQuery = z
  .strictObject({ from: Timestamp, to: Timestamp })
  .refine((q) => q.from < q.to, { path: ['to'], message: 'must be after from' });
export type DsaStatementsQuery = z.infer<typeof DsaStatementsQuery>;

/** An evidence case file as a PDF to read, or its JSON twin to verify. */
export const CaseFileQuery = z.strictObject({ format: z.enum(['pdf', 'json']).default('pdf') });
export type CaseFileQuery = z.infer<typeof CaseFileQuery>;
