import type { Case } from '../../shared';
import type { LocalCase } from './replica-db';
import { searchTokensOf } from './search-words';

/** Far in the future: resolved cases sort after every running clock. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/**
 * A paused clock (the case waits on the buyer or the seller) sorts after every running
 * one — nothing is due from the team until they answer — and among the paused by due time:
 * "p" follows every digit, so the key stays one string in the same indexes, and no range
 * of due times ("due within 30 minutes") ever holds a paused case.
 */
export const PAUSED_PREFIX = 'paused:';

const TS_TOPICS = new Set(['counterfeit_suspected', 'fraud_suspected']);

/** The queue fields of a case, derived from it (and from its pending approvals). */
export function toLocalCase(c: Case, hasPendingApproval: boolean, server?: Case): LocalCase {
  const open = c.status !== 'resolved';
  const due = c.firstRespondedAt ? c.resolutionDueAt : c.firstResponseDueAt;
  const slaDueAt = !open ? NO_DEADLINE : c.clockPausedAt ? `${PAUSED_PREFIX}${due}` : due;
  const sellerId = c.order?.seller.id;
  return {
    ...c,
    slaDueAt,
    ...(open ? { open: 1 } : {}),
    assigneeKey: c.assigneeId ?? '',
    ...(open && (c.status === 'ts_review' || TS_TOPICS.has(c.topic)) ? { tsQueue: 1 } : {}),
    ...(hasPendingApproval ? { approvals: 1 } : {}),
    ...(c.externalDispute ? { disputed: 1 } : {}),
    ...(open && c.topic === 'complaint' ? { appeal: 1 } : {}),
    // Resolved cases sit in no queue range: these two find them again by who or language.
    ...(!open ? { closedBy: c.assigneeId ?? '', closedIn: c.language } : {}),
    buyerId: c.buyer.id,
    ...(sellerId ? { sellerId } : {}),
    searchTokens: searchTokensOf(c),
    ...(server ? { server } : {}),
  };
}

/** Strips the local fields, giving back the case as the server describes it. */
export function toCase(l: LocalCase & { search?: string }): Case {
  const {
    // Replicas written before version 4 still carry the old flat search text.
    search: _q,
    slaDueAt: _s,
    open: _o,
    assigneeKey: _a,
    tsQueue: _t,
    approvals: _p,
    disputed: _d,
    appeal: _ap,
    closedBy: _cb,
    closedIn: _ci,
    buyerId: _b,
    sellerId: _se,
    searchTokens: _st,
    server: _sv,
    ...c
  } = l;
  return c;
}

export const hasPendingApproval = (actions: readonly { status: string }[]) =>
  actions.some((a) => a.status === 'pending_approval');
