import { z } from 'zod';
import { Money } from '../money';
import { Id, LIMITS, Timestamp, UtcTimestamp, text } from './common';

export const ACTION_TYPES = [
  'refund',
  'cancel_order',
  'restrict_account',
  'law_enforcement_referral',
] as const;
export const ActionType = z.enum(ACTION_TYPES);
export type ActionType = z.infer<typeof ActionType>;

export const RESTRICTIONS = ['suspend', 'block_bidding', 'block_selling', 'block_payouts'] as const;
export const Restriction = z.enum(RESTRICTIONS);
export type Restriction = z.infer<typeof Restriction>;

/** DSA Art. 17: what a restriction must tell the person it restricts. */
export const StatementOfReasons = z.strictObject({
  facts: text(LIMITS.longText),
  ground: text(LIMITS.longText),
  groundType: z.enum(['legal', 'contractual']),
  automated: z.boolean(),
  redress: text(LIMITS.longText),
  territorialScope: text(LIMITS.shortText).optional(),
  basis: z.enum(['notice', 'own_investigation']).optional(),
});
export type StatementOfReasons = z.infer<typeof StatementOfReasons>;

/**
 * What to tell the buyer and/or the seller when the action takes effect (a key left out:
 * that party is not told). Stored with the proposal and queued as an outgoing message only
 * when the action executes — never if it is rejected, withdrawn or fails. Which parties an
 * action may notify: shared/templates/action-notices.ts (a referral notifies nobody).
 */
export const ActionNotify = z.strictObject({
  buyer: text(LIMITS.body).optional(),
  seller: text(LIMITS.body).optional(),
});
export type ActionNotify = z.infer<typeof ActionNotify>;

export const RefundBody = z.strictObject({
  type: z.literal('refund'),
  amount: Money,
  reason: text(LIMITS.reason),
  notify: ActionNotify.optional(),
});
export const CancelOrderBody = z.strictObject({
  type: z.literal('cancel_order'),
  reason: text(LIMITS.reason),
  notify: ActionNotify.optional(),
});
export const RestrictAccountBody = z.strictObject({
  type: z.literal('restrict_account'),
  subject: z.enum(['buyer', 'seller']),
  restriction: Restriction,
  until: Timestamp.nullable(),
  statementOfReasons: StatementOfReasons,
  notify: ActionNotify.optional(),
});
// No `notify`: a referral must not tip off the person referred.
export const LawEnforcementReferralBody = z.strictObject({
  type: z.literal('law_enforcement_referral'),
  category: z.enum(['counterfeit', 'fraud', 'other']),
  authority: text(LIMITS.shortText),
  summary: text(LIMITS.longText),
  evidence: z.array(text(LIMITS.reason)).max(LIMITS.listItems),
});

// Unknown `type` values and unknown fields are both refused (400), never ignored.
export const ActionRequest = z.discriminatedUnion('type', [
  RefundBody,
  CancelOrderBody,
  RestrictAccountBody,
  LawEnforcementReferralBody,
]);
export type ActionRequest = z.infer<typeof ActionRequest>;

/**
 * `requested` and `failed` come with a connected marketplace (contract part 2): a decided
 * action is `requested` until the marketplace reports it `executed` or `failed`.
 */
export const ACTION_STATUSES = [
  'executed',
  'pending_approval',
  'rejected',
  'withdrawn',
  'requested',
  'failed',
] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

const ActionCommon = {
  id: Id,
  caseId: Id,
  status: ActionStatus,
  proposedBy: Id,
  approvedBy: Id.nullable(),
  rejectedBy: Id.nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: UtcTimestamp,
  decidedAt: UtcTimestamp.nullable(),
  /** The marketplace's reference for the executed action (part 2). */
  externalRef: z.string().nullable().optional(),
  /** Why the marketplace could not carry it out (part 2, `failed`). */
  failureReason: z.string().nullable().optional(),
};

// An action does not show its notices: they become messages when it takes effect, and
// strict readers of actions (older workspaces) must keep reading them.
const withoutNotify = { notify: true } as const;
export const Action = z.discriminatedUnion('type', [
  RefundBody.omit(withoutNotify).extend(ActionCommon),
  CancelOrderBody.omit(withoutNotify).extend(ActionCommon),
  RestrictAccountBody.omit(withoutNotify).extend({
    ...ActionCommon,
    until: UtcTimestamp.nullable(),
  }),
  LawEnforcementReferralBody.extend(ActionCommon),
]);
export type Action = z.infer<typeof Action>;

export const RejectActionRequest = z.strictObject({ reason: text(LIMITS.reason) });

/** What a reviewer adds when approving (optional): kept on the case's history. */
export const ApproveActionRequest = z.strictObject({
  comment: z.string().trim().max(LIMITS.reason).optional(),
});
/** The approve endpoint's body: none at all, or the object above. */
export const ApproveActionBody = ApproveActionRequest.optional();

/** An account restriction in force (the outcome of an approved restrict_account). */
export const AccountRestriction = z.object({
  id: Id,
  subject: z.enum(['buyer', 'seller']),
  subjectId: Id,
  restriction: Restriction,
  until: UtcTimestamp.nullable(),
  actionId: Id,
  caseId: Id,
  createdAt: UtcTimestamp,
});
export type AccountRestriction = z.infer<typeof AccountRestriction>;
