import { z } from 'zod';
import { Id } from './common';

export const SYNC_ENTITIES = [
  'case',
  'message',
  'note',
  'action',
  'external_dispute',
  'event',
  'agent',
] as const;
export const SyncEntity = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof SyncEntity>;

export const SyncChange = z.object({
  entity: SyncEntity,
  id: Id,
  op: z.enum(['upsert', 'delete']),
  data: z.unknown().nullable(),
});
export type SyncChange = z.infer<typeof SyncChange>;

export const PullQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  /**
   * A first sync whose client reads each case's history when the case opens: the snapshot
   * carries only the events at or after this time (and every `complaint.decided` and
   * `delivery.dead`, which the client reads without opening the case). Additive: without
   * it the snapshot carries every event, as before; the change log after the snapshot
   * always carries every new event.
   */
  historySince: z.iso.datetime().optional(),
});

export const PullResponse = z.object({
  changes: z.array(SyncChange),
  cursor: z.string(),
  hasMore: z.boolean(),
  /**
   * About how many cases a first sync brings (those the caller may see when it starts):
   * on the first page of a first sync only (no cursor), so a client can show its progress.
   * Additive to the contract; clients must not rely on it.
   */
  estimatedCases: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * The ops of the contract, plus `case.priority`, `case.assign` and `action.withdraw`.
 * `args` are the path id(s) (`caseId`, `actionId`, `disputeId`) plus the endpoint's body.
 */
export const MUTATION_OPS = [
  'case.claim',
  'case.release',
  'case.message',
  'case.note',
  'case.status',
  'case.priority',
  'case.assign',
  'case.action',
  'action.approve',
  'action.reject',
  'action.withdraw',
  'case.resolve',
  'case.reopen',
  'dispute.create',
  'dispute.update',
  // Issue 17: lifting a restriction and deciding a complaint work offline too.
  'action.lift',
  'case.complaint_decision',
] as const;
export const MutationOp = z.enum(MUTATION_OPS);
export type MutationOp = z.infer<typeof MutationOp>;

export const Mutation = z.strictObject({
  id: z.string().min(1).max(255),
  op: MutationOp,
  args: z.unknown(),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.strictObject({ mutations: z.array(Mutation).max(500) });
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
    .optional(),
  result: z.unknown().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ results: z.array(MutationResult) });
export type PushResponse = z.infer<typeof PushResponse>;
