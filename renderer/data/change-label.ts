import type { ActionType, MutationOp } from '../../shared';

const ACTIONS: Record<ActionType, string> = {
  refund: 'Refund',
  cancel_order: 'Order cancellation',
  restrict_account: 'Account restriction',
  law_enforcement_referral: 'Referral to law enforcement',
};

const OPS: Record<MutationOp, string> = {
  'case.claim': 'Claim',
  'case.release': 'Release',
  'case.message': 'Reply',
  'case.note': 'Internal note',
  'case.status': 'Status change',
  'case.priority': 'Priority change',
  'case.assign': 'Assignment',
  'case.action': 'Resolution',
  'action.approve': 'Approval',
  'action.reject': 'Rejection',
  'action.withdraw': 'Withdrawal of a proposal',
  'case.resolve': 'Resolving the case',
  'case.reopen': 'Reopening the case',
  'dispute.create': 'External dispute',
  'dispute.update': 'Change to an external dispute',
  'action.lift': 'Lifting a restriction',
  'case.complaint_decision': 'Complaint decision',
};

/**
 * A queued change in the agent's words, with the case it was for: what a refused change
 * is listed as ("Refund on CD-100320"), never the protocol's op name.
 */
export function describeChange(
  op: MutationOp,
  args: Record<string, unknown>,
  reference: string | undefined,
): string {
  const what =
    op === 'case.action' && typeof args.type === 'string' && args.type in ACTIONS
      ? ACTIONS[args.type as ActionType]
      : op === 'case.message' && (args.to === 'buyer' || args.to === 'seller')
        ? `Reply to the ${args.to}`
        : OPS[op];
  return reference ? `${what} on ${reference}` : what;
}
