import { z } from 'zod';
import { Money } from '../money';
import { Id, LIMITS, Timestamp, UtcTimestamp, text } from './common';
import { DSA_CATEGORIES, EEA_COUNTRIES } from '../dsa/dsa-values';

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
  // For the DSA transparency database (Art. 24(5)); optional so that older restrictions and
  // clients stay valid — shared/dsa/statement-from-restriction.ts says what they default to.
  /** The Commission's statement category. */
  category: z.enum(DSA_CATEGORIES).optional(),
  /** Whether the conduct was detected by automated means (`automated`: the decision). */
  automatedDetection: z.boolean().optional(),
  /** The EEA countries the measure applies in, beside the free-text `territorialScope`. */
  countries: z.array(z.enum(EEA_COUNTRIES)).min(1).max(EEA_COUNTRIES.length).optional(),
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
  /**
   * Other cases this restriction rests on (proposed from the Account view, where the
   * party's earlier cases are in sight). Additive: absent means none named.
   */
  relatedCaseIds: z.array(Id).max(LIMITS.listItems).optional(),
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
 * `lifted` (issue 17): a restriction ended before its time — lifted by Trust & Safety or
 * reversed on complaint. One that simply reaches its `until` stays `executed` and gains
 * `endedAt` and `endReason: "expired"`.
 */
export const ACTION_STATUSES = [
  'executed',
  'pending_approval',
  'rejected',
  'withdrawn',
  'requested',
  'failed',
  'lifted',
] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);

/** Why a restriction ended: its time came, it was lifted early, or a complaint reversed it. */
export const RESTRICTION_END_REASONS = ['expired', 'lifted', 'complaint_reversed'] as const;
export type RestrictionEndReason = (typeof RESTRICTION_END_REASONS)[number];
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
  /** When it took effect (executed); a complaint's six months run from here. */
  effectiveAt: UtcTimestamp.nullable().optional(),
  /** Restrictions: when it ended, by the service's clock; null while in effect. */
  endedAt: UtcTimestamp.nullable().optional(),
  endReason: z.enum(RESTRICTION_END_REASONS).nullable().optional(),
  /** Who lifted or reversed it; null for an expiry (the service's own doing). */
  endedBy: Id.nullable().optional(),
  /** The lift's reason, or the complaint decision's reasons. */
  endNote: z.string().nullable().optional(),
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

/** Ends a restriction in effect early: `POST /actions/:id/lift`. */
export const LiftRestrictionRequest = z.strictObject({ reason: text(LIMITS.reason) });

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
  /** Issue 17: set once it has ended (its time came, lifted, or reversed on complaint). */
  endedAt: UtcTimestamp.nullable().optional(),
  endReason: z.enum(RESTRICTION_END_REASONS).nullable().optional(),
});
export type AccountRestriction = z.infer<typeof AccountRestriction>;
