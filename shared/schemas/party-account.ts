import { z } from 'zod';
import { Action } from './actions';
import { CaseStatus, Topic } from './case';
import { ComplaintDecision } from './complaints';
import { ExternalId, Id, UtcTimestamp } from './common';

export const PartyKind = z.enum(['buyer', 'seller']);
export type PartyKind = z.infer<typeof PartyKind>;

/** `GET /parties/:kind/:externalId/account`: whose account. */
export const PartyAccountParams = z.strictObject({ kind: PartyKind, externalId: ExternalId });

/** A case of the party, as the Account view lists it. */
export const AccountCase = z.object({
  id: Id,
  reference: z.string(),
  status: CaseStatus,
  topic: Topic,
  createdAt: UtcTimestamp,
  resolvedAt: UtcTimestamp.nullable(),
  resolutionSummary: z.string().nullable(),
  /** A complaint case: the restriction it contests. */
  complaintOf: Id.nullable(),
});
export type AccountCase = z.infer<typeof AccountCase>;

/**
 * Everything Trust & Safety weighs about one account (issue 17), newest first: its cases,
 * the actions taken on them — restrictions of this party among them, in effect or ended —
 * and the decisions on its complaints.
 */
export const PartyAccount = z.object({
  party: z.object({
    kind: PartyKind,
    id: Id,
    externalId: ExternalId,
    name: z.string(),
    country: z.string(),
  }),
  cases: z.array(AccountCase),
  /** Actions on the party's cases; a restriction only when it restricts this party. */
  actions: z.array(Action),
  complaintDecisions: z.array(ComplaintDecision),
  /** True when there were more cases than the view lists (the newest are shown). */
  truncated: z.boolean(),
});
export type PartyAccount = z.infer<typeof PartyAccount>;
