import type { Action, IntegrationCaseRefs, IntegrationEventType } from '../../shared';
import type { Queryable } from '../db/database';
import { enqueueIntegrationEvent } from './outbox';

const REQUESTED_TYPE: Record<Action['type'], IntegrationEventType> = {
  refund: 'refund.requested',
  cancel_order: 'order.cancel_requested',
  restrict_account: 'account.restriction_requested',
  law_enforcement_referral: 'law_enforcement.referral_requested',
};

/** What the marketplace needs to carry the action out, and nothing of our own bookkeeping. */
function actionData(a: Action, refs: IntegrationCaseRefs): Record<string, unknown> {
  const common = { id: a.id, type: a.type, proposedBy: a.proposedBy, approvedBy: a.approvedBy };
  switch (a.type) {
    case 'refund':
      return { ...common, amount: a.amount, reason: a.reason };
    case 'cancel_order':
      return { ...common, reason: a.reason };
    case 'restrict_account':
      return {
        ...common,
        subject: a.subject,
        subjectExternalId:
          a.subject === 'buyer' ? refs.buyer.externalId : (refs.seller?.externalId ?? null),
        restriction: a.restriction,
        until: a.until,
        statementOfReasons: a.statementOfReasons,
      };
    case 'law_enforcement_referral':
      return {
        ...common,
        category: a.category,
        authority: a.authority,
        summary: a.summary,
        evidence: a.evidence,
      };
  }
}

/**
 * Hands a decided action to the marketplace (`refund.requested`, …): called in the
 * transaction where the action would execute — at once within a limit, or on approval.
 */
export async function enqueueActionRequested(
  tx: Queryable,
  a: Action,
  now: Date,
): Promise<string | null> {
  return enqueueIntegrationEvent(tx, {
    type: REQUESTED_TYPE[a.type],
    caseId: a.caseId,
    at: now,
    data: (refs) => ({ action: actionData(a, refs) }),
  });
}
