import type { CaseStatus } from '../schemas/case';
import type { Party } from '../schemas/conversation';

/** A reply this long after a case was resolved is new business, not a reason to reopen it. */
export const REOPEN_WINDOW_DAYS = 14;

export type IncomingEffect =
  /** The message is added; the case stays as it is. */
  | { kind: 'none' }
  /** The party we waited for answered: the case is back to `open`. */
  | { kind: 'back_to_open' }
  /** A recently resolved case is reopened. */
  | { kind: 'reopen' }
  /** A case resolved long ago stays closed; the message opens a new case linked to it. */
  | { kind: 'follow_up' };

/** What a buyer's or seller's new message does to its case. */
export function incomingMessageEffect(
  status: CaseStatus,
  from: Party,
  resolvedAt: Date | null,
  now: Date,
): IncomingEffect {
  if (status === 'resolved') {
    const age = now.getTime() - (resolvedAt ?? now).getTime();
    return age <= REOPEN_WINDOW_DAYS * 86_400_000 ? { kind: 'reopen' } : { kind: 'follow_up' };
  }
  if (
    (status === 'pending_buyer' && from === 'buyer') ||
    (status === 'pending_seller' && from === 'seller')
  ) {
    return { kind: 'back_to_open' };
  }
  return { kind: 'none' };
}
