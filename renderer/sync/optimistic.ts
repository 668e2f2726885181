import { nextStatus, type Case, type CaseStatus, type MutationOp } from '../../shared';
import type { ActionDecision, OverlayTable, ShownAction, ShownShapes } from '../db/replica-types';

export interface QueuedMutation {
  op: MutationOp;
  args: Record<string, unknown>;
  createdAt: string;
}

type Apply<T extends OverlayTable> = (
  row: ShownShapes[T] | undefined,
  m: QueuedMutation,
  agentId: string,
) => ShownShapes[T] | undefined;

const str = (v: unknown) => v as string;
const iso = (v: unknown) => new Date(str(v)).toISOString();

/**
 * What this device expects a case to look like once the server has taken the change, as
 * far as it can tell; where the server would refuse (someone else holds the case, the
 * status moved), the case is left alone and the refusal will say why.
 */
const applyToCase: Apply<'cases'> = (c, m, agentId) => {
  if (!c) return c;
  const a = m.args;
  const to = (s: CaseStatus | null, patch: Partial<Case> = {}): Case =>
    s ? { ...c, ...patch, status: s } : c;
  switch (m.op) {
    case 'case.claim':
      if (c.assigneeId && c.assigneeId !== agentId) return c;
      return to(nextStatus(c.status, 'claim'), { assigneeId: agentId });
    case 'case.release':
      return to(nextStatus(c.status, 'release'), { assigneeId: null });
    case 'case.assign':
      return to(nextStatus(c.status, 'claim'), { assigneeId: str(a.agentId) });
    case 'case.status':
      return c.status === a.from ? to(nextStatus(c.status, 'change', a.to as CaseStatus)) : c;
    case 'case.priority':
      return { ...c, priority: a.priority as Case['priority'] };
    case 'case.resolve':
      return to(nextStatus(c.status, 'resolve'), {
        resolvedAt: m.createdAt,
        resolutionSummary: str(a.summary),
      });
    case 'case.reopen':
      return to(nextStatus(c.status, 'reopen'));
    case 'case.message':
      // The first reply to the buyer stops the first-response clock, here as on the server.
      return a.to === 'buyer' && !c.firstRespondedAt ? { ...c, firstRespondedAt: m.createdAt } : c;
    case 'dispute.create':
      return { ...c, externalDispute: true };
    default:
      return c;
  }
};

const applyToMessage: Apply<'messages'> = (row, m, agentId) =>
  row ??
  (m.op === 'case.message'
    ? {
        id: str(m.args.id),
        caseId: str(m.args.caseId),
        to: m.args.to as 'buyer' | 'seller',
        authorId: agentId,
        body: str(m.args.body),
        createdAt: m.createdAt,
      }
    : undefined);

const applyToNote: Apply<'notes'> = (row, m, agentId) =>
  row ??
  (m.op === 'case.note'
    ? {
        id: str(m.args.id),
        caseId: str(m.args.caseId),
        authorId: agentId,
        body: str(m.args.body),
        createdAt: m.createdAt,
      }
    : undefined);

const DECISIONS: Partial<Record<MutationOp, ActionDecision>> = {
  'action.approve': 'approve',
  'action.reject': 'reject',
  'action.withdraw': 'withdraw',
};

/**
 * Money never moves here. A proposal is `pending_submission` whatever the agent's limit
 * (only the server knows whether it executes), and a decision is only marked as asked for:
 * the action keeps the server's status until the server reports the new one.
 */
const applyToAction: Apply<'actions'> = (row, m, agentId) => {
  if (m.op === 'case.action') {
    if (row) return row;
    const { caseId, id, ...body } = m.args;
    return {
      ...body,
      id: str(id),
      caseId: str(caseId),
      status: 'pending_submission',
      proposedBy: agentId,
      approvedBy: null,
      rejectedBy: null,
      rejectionReason: null,
      createdAt: m.createdAt,
      decidedAt: null,
    } as ShownAction;
  }
  const decision = DECISIONS[m.op];
  if (!row || !decision || row.status !== 'pending_approval') return row;
  return { ...row, pendingDecision: decision };
};

const applyToDispute: Apply<'externalDisputes'> = (row, m) => {
  const a = m.args;
  if (m.op === 'dispute.create') {
    return (
      row ?? {
        id: str(a.id),
        caseId: str(a.caseId),
        body: str(a.body),
        reference: str(a.reference),
        filedAt: iso(a.filedAt),
        status: a.status as ShownShapes['externalDisputes']['status'],
        notes: str(a.notes ?? ''),
        outcome: (a.outcome as string | null | undefined) ?? null,
        responseDueAt: a.responseDueAt ? iso(a.responseDueAt) : null,
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
      }
    );
  }
  if (m.op !== 'dispute.update' || !row) return row;
  const patch: Partial<ShownShapes['externalDisputes']> = {};
  if (a.status !== undefined) patch.status = a.status as typeof row.status;
  if (a.notes !== undefined) patch.notes = str(a.notes);
  if (a.outcome !== undefined) patch.outcome = a.outcome as string | null;
  if (a.responseDueAt !== undefined)
    patch.responseDueAt = a.responseDueAt ? iso(a.responseDueAt) : null;
  return { ...row, ...patch, updatedAt: m.createdAt };
};

const APPLY: { [T in OverlayTable]: Apply<T> } = {
  cases: applyToCase,
  messages: applyToMessage,
  notes: applyToNote,
  actions: applyToAction,
  externalDisputes: applyToDispute,
};

export function applyMutation<T extends OverlayTable>(
  table: T,
  row: ShownShapes[T] | undefined,
  m: QueuedMutation,
  agentId: string,
): ShownShapes[T] | undefined {
  return (APPLY[table] as Apply<T>)(row, m, agentId);
}
