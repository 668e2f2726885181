import { z } from 'zod';
import { Language, Channel } from '../languages';
import { CaseStatus, Priority, Topic } from './case';
import { Id, LIMITS, text } from './common';

export const WORKING_STATUSES = ['open', 'pending_buyer', 'pending_seller', 'ts_review'] as const;

export const ChangeStatusRequest = z.strictObject({
  from: CaseStatus,
  to: z.enum(WORKING_STATUSES),
});
export type ChangeStatusRequest = z.infer<typeof ChangeStatusRequest>;

export const AssignRequest = z.strictObject({ agentId: Id });
export const PriorityRequest = z.strictObject({ priority: Priority });
export const ResolveRequest = z.strictObject({ summary: text(LIMITS.longText) });

/** Bodies of endpoints that take none: nothing, or an empty object. */
export const EmptyBody = z.strictObject({}).optional();

export const CaseListQuery = z.strictObject({
  reference: z.string().trim().min(1).max(LIMITS.name).optional(),
  q: z.string().trim().min(1).max(LIMITS.name).optional(),
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(CaseStatus).min(1))
    .optional(),
  language: Language.optional(),
  channel: Channel.optional(),
  topic: Topic.optional(),
  priority: Priority.optional(),
  assigneeId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;
