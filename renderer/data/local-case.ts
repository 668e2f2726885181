import type { Action, Case } from '../../shared';
import { NO_DEADLINE, type LocalCase } from './replica-db';
import { searchTokensOf } from './search-words';

const TS_TOPICS = new Set(['counterfeit_suspected', 'fraud_suspected']);

/** The queue fields of a case, derived from it (and from its pending approvals). */
export function toLocalCase(c: Case, hasPendingApproval: boolean, server?: Case): LocalCase {
  const open = c.status !== 'resolved';
  const slaDueAt = !open
    ? NO_DEADLINE
    : c.firstRespondedAt
      ? c.resolutionDueAt
      : c.firstResponseDueAt;
  return {
    ...c,
    slaDueAt,
    open: open ? 1 : 0,
    assigneeKey: c.assigneeId ?? '',
    tsQueue: open && (c.status === 'ts_review' || TS_TOPICS.has(c.topic)) ? 1 : 0,
    approvals: hasPendingApproval ? 1 : 0,
    disputed: c.externalDispute ? 1 : 0,
    buyerId: c.buyer.id,
    sellerId: c.order?.seller.id ?? '',
    search: [c.reference, c.buyer.name, c.buyer.email, c.order?.lotTitle ?? '']
      .join(' ')
      .toLowerCase(),
    searchTokens: searchTokensOf(c),
    ...(server ? { server } : {}),
  };
}

/** Strips the local fields, giving back the case as the server describes it. */
export function toCase(l: LocalCase): Case {
  const {
    slaDueAt: _s,
    open: _o,
    assigneeKey: _a,
    tsQueue: _t,
    approvals: _p,
    disputed: _d,
    buyerId: _b,
    sellerId: _se,
    search: _q,
    searchTokens: _st,
    server: _sv,
    ...c
  } = l;
  return c;
}

export const hasPendingApproval = (actions: Action[]) =>
  actions.some((a) => a.status === 'pending_approval');
