import { z } from 'zod';
import { Action } from './actions';
import { Case } from './case';
import { ExternalId, Id, LIMITS, UtcTimestamp, text } from './common';

/**
 * A restricted party contests the decision (DSA Art. 20), sent by the help center with
 * the intake key: `POST /api/v1/intake/complaints`.
 */
export const ComplaintRequest = z.strictObject({
  actionId: Id,
  /** The marketplace's id of whoever complains: it must be the restricted account. */
  externalUserId: ExternalId,
  body: text(LIMITS.longText),
});
export type ComplaintRequest = z.infer<typeof ComplaintRequest>;

export const COMPLAINT_OUTCOMES = ['upheld', 'reversed'] as const;
export const ComplaintOutcome = z.enum(COMPLAINT_OUTCOMES);
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

/**
 * `POST /api/v1/cases/:id/complaint-decision`. `upheld`: the restriction stands;
 * `reversed`: the complaint succeeds and the restriction is lifted.
 */
export const ComplaintDecisionRequest = z.strictObject({
  outcome: ComplaintOutcome,
  reasons: text(LIMITS.longText),
});
export type ComplaintDecisionRequest = z.infer<typeof ComplaintDecisionRequest>;

/** The decision on a complaint case, as `GET /cases/:id` and the Account view show it. */
export const ComplaintDecision = z.object({
  caseId: Id,
  actionId: Id,
  outcome: ComplaintOutcome,
  reasons: z.string(),
  decidedBy: Id,
  decidedAt: UtcTimestamp,
});
export type ComplaintDecision = z.infer<typeof ComplaintDecision>;

/** What `POST /cases/:id/complaint-decision` answers: the resolved case, the decision, the action as it now stands. */
export const ComplaintDecisionResponse = z.object({
  case: Case,
  decision: ComplaintDecision,
  action: Action,
});
export type ComplaintDecisionResponse = z.infer<typeof ComplaintDecisionResponse>;
