import type { Case, Priority, Topic } from '../../shared';
import {
  NO_DEADLINE,
  type CaseIndexFields,
  type LocalCase,
  type LocalOverlay,
} from './replica-types';

const TS_TOPICS: ReadonlySet<Topic> = new Set(['counterfeit_suspected', 'fraud_suspected']);
export const PRIORITY_RANK: Readonly<Record<Priority, CaseIndexFields['priorityRank']>> = {
  urgent: 0,
  high: 1,
  normal: 2,
  low: 3,
};

/**
 * The clock an agent races now. Normalised through Date because the index compares
 * strings, and "…:00Z" would sort after "…:00.500Z".
 */
export function slaDueAt(c: Case): string {
  if (c.status === 'resolved') return NO_DEADLINE;
  return new Date(c.firstRespondedAt ? c.resolutionDueAt : c.firstResponseDueAt).toISOString();
}

/** Lower-cased words of at least two characters: how search text is split on both sides. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/** Every word, plus the reference and email whole, so "CD-10" and "ana@ex" find them too. */
function searchTokens(c: Case): string[] {
  const whole = [c.reference.toLowerCase(), c.buyer.email.toLowerCase()];
  const words = searchWords(
    [c.reference, c.buyer.name, c.buyer.email, c.order?.lotTitle ?? ''].join(' '),
  );
  return [...new Set([...whole, ...words])].slice(0, 32);
}

export function caseIndexFields(c: Case): CaseIndexFields {
  return {
    slaDueAt: slaDueAt(c),
    assigneeKey: c.assigneeId ?? '',
    tsQueue: c.status === 'ts_review' || TS_TOPICS.has(c.topic) ? 1 : 0,
    disputed: c.externalDispute ? 1 : 0,
    priorityRank: PRIORITY_RANK[c.priority],
    buyerId: c.buyer.id,
    search: [c.reference, c.buyer.name, c.buyer.email, c.order?.lotTitle ?? '']
      .join('\n')
      .toLowerCase(),
    searchTokens: searchTokens(c),
  };
}

export function toLocalCase(c: Case, overlay?: LocalOverlay<Case>): LocalCase {
  return { ...c, ...caseIndexFields(c), ...overlay };
}

/** The case as the server describes it, without this device's index and overlay fields. */
export function toServerCase(row: LocalCase): Case {
  const {
    slaDueAt: _s,
    assigneeKey: _a,
    tsQueue: _t,
    disputed: _d,
    priorityRank: _p,
    buyerId: _b,
    search: _q,
    searchTokens: _qt,
    base: _base,
    pending: _pending,
    ...c
  } = row;
  return c;
}
