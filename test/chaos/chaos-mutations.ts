import {
  PRIORITIES,
  canAssignCases,
  canReleaseCase,
  canWorkCase,
  type Agent,
  type Case,
  type MutationOp,
} from '../../shared';
import type { Random } from './seeded-random';

export interface PlannedMutation {
  op: MutationOp;
  args: Record<string, unknown>;
}

const WORKING = ['open', 'pending_buyer', 'pending_seller', 'ts_review'] as const;

/**
 * A change an agent could make from the case as their device shows it — what the
 * workspace's buttons would send. Many will meet a server that has moved on (claimed
 * meanwhile, resolved, a status no longer `from`): those are refused, as in real life.
 */
export function planMutation(
  r: Random,
  me: Agent,
  c: Case,
  agentIds: readonly string[],
): PlannedMutation {
  const caseId = c.id;
  const works = canWorkCase(me, c);
  const open = c.status !== 'resolved';
  const options: (() => PlannedMutation)[] = [
    () => ({
      op: 'case.note',
      args: { caseId, id: crypto.randomUUID(), body: `note ${r.int(1, 1e6)}` },
    }),
  ];
  if (open && !c.assigneeId) options.push(() => ({ op: 'case.claim', args: { caseId } }));
  if (open && c.assigneeId && canReleaseCase(me, c))
    options.push(() => ({ op: 'case.release', args: { caseId } }));
  if (open && works) {
    options.push(
      () => ({
        op: 'case.message',
        args: { caseId, id: crypto.randomUUID(), to: r.pick(['buyer', 'seller']), body: 'Hello' },
      }),
      () => ({
        op: 'case.status',
        args: { caseId, from: c.status, to: r.pick(WORKING.filter((s) => s !== c.status)) },
      }),
      () => ({
        op: 'case.priority',
        args: { caseId, priority: r.pick(PRIORITIES.filter((p) => p !== c.priority)) },
      }),
      () => ({
        op: 'case.action',
        args: {
          caseId,
          id: crypto.randomUUID(),
          type: 'refund',
          amount: { amount: r.int(1, 40) * 100, currency: 'EUR' },
          reason: 'chaos',
        },
      }),
      () => ({ op: 'case.resolve', args: { caseId, summary: 'Solved' } }),
    );
  }
  if (!open && works) options.push(() => ({ op: 'case.reopen', args: { caseId } }));
  if (open && canAssignCases(me))
    options.push(() => ({ op: 'case.assign', args: { caseId, agentId: r.pick(agentIds) } }));
  return r.pick(options)();
}

/** The audit event each accepted op writes (at most one; none when it changed nothing). */
export const EVENT_OF: Partial<Record<MutationOp, string>> = {
  'case.claim': 'case.claimed',
  'case.release': 'case.released',
  'case.assign': 'case.assigned',
  'case.status': 'case.status_changed',
  'case.priority': 'case.priority_changed',
  'case.resolve': 'case.resolved',
  'case.reopen': 'case.reopened',
};

/** Ops that create a row under the client's id: accepted means exactly that one row. */
export const CREATED_IN: Partial<Record<MutationOp, 'notes' | 'messages' | 'actions'>> = {
  'case.note': 'notes',
  'case.message': 'messages',
  'case.action': 'actions',
};
