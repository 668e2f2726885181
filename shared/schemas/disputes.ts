import { z } from 'zod';
import { Id, LIMITS, Timestamp, UtcTimestamp, optionalText, text } from './common';

export const DISPUTE_STATUSES = ['filed', 'in_progress', 'decided', 'withdrawn'] as const;
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

export const ExternalDispute = z.object({
  id: Id,
  caseId: Id,
  body: z.string(),
  reference: z.string(),
  filedAt: UtcTimestamp,
  status: DisputeStatus,
  notes: z.string(),
  outcome: z.string().nullable(),
  responseDueAt: UtcTimestamp.nullable(),
  createdAt: UtcTimestamp,
  updatedAt: UtcTimestamp,
});
export type ExternalDispute = z.infer<typeof ExternalDispute>;

export const CreateDisputeRequest = z.strictObject({
  body: text(LIMITS.shortText),
  reference: text(LIMITS.name),
  filedAt: Timestamp,
  status: DisputeStatus,
  notes: optionalText(LIMITS.longText),
  responseDueAt: Timestamp.nullable().optional(),
  outcome: optionalText(LIMITS.longText).nullable().optional(),
});
export type CreateDisputeRequest = z.infer<typeof CreateDisputeRequest>;

export const UpdateDisputeRequest = z
  .strictObject({
    status: DisputeStatus.optional(),
    notes: optionalText(LIMITS.longText).optional(),
    outcome: optionalText(LIMITS.longText).nullable().optional(),
    responseDueAt: Timestamp.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change' });
export type UpdateDisputeRequest = z.infer<typeof UpdateDisputeRequest>;
