import type { AccountCase, ComplaintDecision } from '../../shared';
import type { ActionRead, EventRead, PartyAccountRead } from './read-schemas';

/** What this device holds of one account: its cases, their actions, complaint decisions. */
export interface LocalAccount {
  cases: AccountCase[];
  actions: ActionRead[];
  decisions: ComplaintDecision[];
}

/** A party's record as the Account view lists it, each list newest first. */
export interface AccountRecord {
  cases: AccountCase[];
  restrictions: Extract<ActionRead, { type: 'restrict_account' }>[];
  /** Every other action taken or proposed on its cases. */
  decisions: ActionRead[];
  /** Complaint cases, with their decision once made. */
  complaints: { case: AccountCase; decision: ComplaintDecision | null }[];
  /** Where it came from: the service (with the device's newer changes) or the device alone. */
  source: 'service' | 'device';
  truncated: boolean;
}

const newest =
  <T>(at: (x: T) => string) =>
  (a: T, b: T) =>
    at(b).localeCompare(at(a));

/** The decision on a complaint, as its `complaint.decided` event records it. */
export function decisionOf(e: EventRead): ComplaintDecision | null {
  if (e.type !== 'complaint.decided') return null;
  const d = e.data as { actionId?: unknown; outcome?: unknown; reasons?: unknown };
  if (typeof d.actionId !== 'string' || (d.outcome !== 'upheld' && d.outcome !== 'reversed'))
    return null;
  return {
    caseId: e.caseId,
    actionId: d.actionId,
    outcome: d.outcome,
    reasons: typeof d.reasons === 'string' ? d.reasons : '',
    decidedBy: e.actorId ?? '',
    decidedAt: e.at,
  };
}

/**
 * The device's record and the service's merged: the service holds every case of the party,
 * the device its own latest state of what it holds (its pending changes included), so
 * what both hold is the device's. Without the service's answer, the device's alone.
 */
export function mergeAccount(
  local: LocalAccount,
  served: PartyAccountRead | null,
  kind: 'buyer' | 'seller',
): AccountRecord {
  const byId = <T extends { id: string }>(mine: T[], theirs: T[]) => {
    const out = new Map(theirs.map((x) => [x.id, x]));
    for (const x of mine) out.set(x.id, x);
    return [...out.values()];
  };
  const cases = byId(local.cases, served?.cases ?? []).sort(newest((c) => `${c.createdAt}${c.id}`));
  const actions = byId<ActionRead>(local.actions, served?.actions ?? []);
  const decided = new Map((served?.complaintDecisions ?? []).map((d) => [d.caseId, d]));
  for (const d of local.decisions) decided.set(d.caseId, d);
  const restrictions = actions
    .filter(
      (a): a is Extract<ActionRead, { type: 'restrict_account' }> =>
        a.type === 'restrict_account' && a.subject === kind,
    )
    .sort(newest((a) => a.effectiveAt ?? a.createdAt));
  return {
    cases,
    restrictions,
    decisions: actions
      .filter((a) => a.type !== 'restrict_account')
      .sort(newest((a) => a.decidedAt ?? a.createdAt)),
    complaints: cases
      .filter((c) => c.topic === 'complaint')
      .map((c) => ({ case: c, decision: decided.get(c.id) ?? null })),
    source: served ? 'service' : 'device',
    truncated: served?.truncated ?? false,
  };
}
