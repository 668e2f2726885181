import type { Case, CaseStatus, Priority } from './schemas/case';
import type { MutationOp } from './schemas/sync';
import { hasRole, type Actor } from './permissions';
import { nextStatus } from './case-status';

/** What a lead or T&S reviewer can do to the cases selected in the queue at once. */
export type BulkChange =
  | { kind: 'assign'; agentId: string }
  | { kind: 'release' }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'resolve'; summary: string };

export type BulkCase = Pick<Case, 'id' | 'reference' | 'status' | 'assigneeId' | 'priority'>;

export interface BulkPlan {
  /** One queued mutation per case, like the same change made on each case. */
  mutations: { caseId: string; reference: string; op: MutationOp; args: Record<string, unknown> }[];
  /** Cases the change would not alter or cannot apply to, with why: nothing is sent for them. */
  skipped: { reference: string; why: string }[];
}

/** Bulk actions are for people who look after the whole queue: leads and T&S. */
export const canActInBulk = (actor: Pick<Actor, 'roles'>): boolean =>
  hasRole(actor as Actor, 'lead') || hasRole(actor as Actor, 'trust_safety');

/** Only leads give cases to someone (the service's rule for case.assign). */
export const canAssignInBulk = (actor: Pick<Actor, 'roles'>): boolean =>
  hasRole(actor as Actor, 'lead');

/**
 * The mutations a bulk change makes: the same ops and arguments as the case view's own
 * controls, so the service judges each case as it would one by one. A case already in the
 * wanted state, or resolved (which only reopening changes), is skipped and said so.
 */
export function planBulk(change: BulkChange, cases: readonly BulkCase[]): BulkPlan {
  const plan: BulkPlan = { mutations: [], skipped: [] };
  for (const c of cases) {
    const add = (op: MutationOp, args: Record<string, unknown>) =>
      plan.mutations.push({ caseId: c.id, reference: c.reference, op, args });
    const skip = (why: string) => plan.skipped.push({ reference: c.reference, why });
    if (c.status === 'resolved') {
      skip('resolved');
      continue;
    }
    switch (change.kind) {
      case 'assign':
        if (c.assigneeId === change.agentId) skip('already theirs');
        else add('case.assign', { caseId: c.id, agentId: change.agentId });
        break;
      case 'release':
        if (!c.assigneeId) skip('not assigned');
        else add('case.release', { caseId: c.id });
        break;
      case 'priority':
        if (c.priority === change.priority) skip('already that priority');
        else add('case.priority', { caseId: c.id, priority: change.priority });
        break;
      case 'status':
        if (c.status === change.status) skip('already that status');
        else if (nextStatus(c.status, 'change', change.status) === null)
          skip('not a working status');
        else add('case.status', { caseId: c.id, from: c.status, to: change.status });
        break;
      case 'resolve':
        // The same summary on each: the service still refuses a case with an action
        // awaiting approval, or an appeal not yet decided, one by one.
        add('case.resolve', { caseId: c.id, summary: change.summary });
        break;
    }
  }
  return plan;
}
