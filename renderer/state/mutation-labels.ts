import type { MutationOp } from '../../shared';

const LABELS: Record<MutationOp, string> = {
  'case.claim': 'Claim case',
  'case.release': 'Release case',
  'case.message': 'Reply',
  'case.note': 'Internal note',
  'case.status': 'Status change',
  'case.priority': 'Priority change',
  'case.assign': 'Assignment',
  'case.action': 'Action',
  'action.approve': 'Approval',
  'action.reject': 'Rejection of an action',
  'action.withdraw': 'Withdrawal of an action',
  'case.resolve': 'Resolve case',
  'case.reopen': 'Reopen case',
  'dispute.create': 'External dispute',
  'dispute.update': 'External dispute update',
};

const ACTION_LABELS: Record<string, string> = {
  refund: 'Refund',
  cancel_order: 'Order cancellation',
  restrict_account: 'Account restriction',
  law_enforcement_referral: 'Law-enforcement referral',
};

/** A short name for a queued change, e.g. "Refund 12.50 EUR" or "Reply to buyer". */
export function mutationLabel(op: MutationOp, args: Record<string, unknown>): string {
  if (op === 'case.message' && typeof args.to === 'string') return `Reply to ${args.to}`;
  if (op === 'case.action' && typeof args.type === 'string') {
    const label = ACTION_LABELS[args.type] ?? LABELS[op];
    const amount = args.amount as { amount?: unknown; currency?: unknown } | undefined;
    return typeof amount?.amount === 'number' && typeof amount.currency === 'string'
      ? `${label} ${(amount.amount / 100).toFixed(2)} ${amount.currency}`
      : label;
  }
  return LABELS[op];
}
