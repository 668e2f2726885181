import { z } from 'zod';
import { Language } from '../languages';
import { Id, UtcTimestamp } from './common';

/** Whether new cases of one language are assigned automatically, and who last said so. */
export const RoutingLanguageSetting = z.object({
  language: Language,
  autoAssign: z.boolean(),
  updatedBy: Id.nullable(),
  updatedAt: UtcTimestamp.nullable(),
});
export type RoutingLanguageSetting = z.infer<typeof RoutingLanguageSetting>;

/** `GET /routing`: every language, in the order of LANGUAGES. */
export const RoutingSettings = z.object({ languages: z.array(RoutingLanguageSetting) });
export type RoutingSettings = z.infer<typeof RoutingSettings>;

export const RoutingLanguageParams = z.strictObject({ language: Language });

export const UpdateRoutingLanguageRequest = z.strictObject({ autoAssign: z.boolean() });
export type UpdateRoutingLanguageRequest = z.infer<typeof UpdateRoutingLanguageRequest>;

/**
 * `POST /agents/:id/move-open-cases`: to the named colleagues (each case to the one of them
 * who speaks its language and has the fewest open cases), or spread over the team by the
 * routing rule (available, speaks it, under capacity, fewest open cases).
 */
export const MoveOpenCasesRequest = z.union([
  z.strictObject({ toAgentIds: z.array(Id).min(1).max(100) }),
  z.strictObject({ spread: z.literal(true) }),
]);
export type MoveOpenCasesRequest = z.infer<typeof MoveOpenCasesRequest>;

export const MovedCase = z.object({
  caseId: Id,
  reference: z.string(),
  /** Null: nobody could take it, so it went back to the queue unassigned. */
  toAssigneeId: Id.nullable(),
  reason: z.string(),
});
export type MovedCase = z.infer<typeof MovedCase>;

export const MoveOpenCasesResponse = z.object({ moved: z.array(MovedCase) });
export type MoveOpenCasesResponse = z.infer<typeof MoveOpenCasesResponse>;
