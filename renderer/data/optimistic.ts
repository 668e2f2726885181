import {
  clockChange,
  disputeResponseDueAt,
  type Action,
  type Agent,
  type Case,
  type ExternalDispute,
  type Message,
  type MutationOp,
  type Note,
} from '../../shared';
import type { Local } from './replica-db';

interface Mutation {
  op: MutationOp;
  args: Record<string, unknown>;
}

/**
 * What a queued mutation does to its case, as far as this device can tell. Money never
 * moves here: refunds and approvals change nothing until the server has said so.
 */
export function applyToCase(c: Case, m: Mutation, me: Agent): Case {
  const a = m.args;
  switch (m.op) {
    case 'case.claim':
      return c.assigneeId
        ? c
        : { ...c, assigneeId: me.id, status: c.status === 'new' ? 'open' : c.status };
    case 'case.release':
      return { ...c, assigneeId: null };
    case 'case.assign':
      return {
        ...c,
        assigneeId: String(a.agentId),
        status: c.status === 'new' ? 'open' : c.status,
      };
    case 'case.status': {
      if (c.status !== a.from) return c;
      const to = a.to as Case['status'];
      // The service pauses and resumes the clocks (and moves the due times); until it
      // answers, the clock shows as paused or running again, its due time unmoved.
      const clock = clockChange(c.status, to);
      return {
        ...c,
        status: to,
        ...(clock === 'pause' ? { clockPausedAt: new Date().toISOString() } : {}),
        ...(clock === 'resume' ? { clockPausedAt: null } : {}),
      };
    }
    case 'case.priority':
      return { ...c, priority: a.priority as Case['priority'] };
    case 'case.resolve':
      return {
        ...c,
        status: 'resolved',
        resolutionSummary: String(a.summary),
        resolvedAt: new Date().toISOString(),
      };
    case 'case.reopen':
      return c.status === 'resolved' ? { ...c, status: 'open', resolvedAt: null } : c;
    case 'case.message':
      return a.to === 'buyer' && !c.firstRespondedAt
        ? { ...c, firstRespondedAt: new Date().toISOString() }
        : c;
    case 'dispute.create':
      return { ...c, externalDispute: true };
    default:
      return c;
  }
}

export type OptimisticPart =
  | { table: 'messages'; row: Local<Message> }
  | { table: 'notes'; row: Local<Note> }
  | { table: 'actions'; row: Local<Action> }
  | { table: 'disputes'; row: Local<ExternalDispute> };

/** The entity a creating mutation will make, shown as pending until the server confirms it. */
export function optimisticPart(m: Mutation, me: Agent, now: Date): OptimisticPart | null {
  const a = m.args;
  const id = typeof a.id === 'string' ? a.id : null;
  if (!id) return null;
  const at = now.toISOString();
  const caseId = String(a.caseId);
  switch (m.op) {
    case 'case.message':
      return {
        table: 'messages',
        row: {
          id,
          caseId,
          to: a.to as 'buyer' | 'seller',
          authorId: me.id,
          body: String(a.body),
          createdAt: at,
          pending: true,
        },
      };
    case 'case.note':
      return {
        table: 'notes',
        row: { id, caseId, authorId: me.id, body: String(a.body), createdAt: at, pending: true },
      };
    case 'case.action': {
      const { caseId: _c, id: _i, ...body } = a;
      // Shown as awaiting the server — never as executed, whatever the agent's limit.
      const row = {
        ...body,
        id,
        caseId,
        status: 'pending_approval',
        proposedBy: me.id,
        approvedBy: null,
        rejectedBy: null,
        rejectionReason: null,
        createdAt: at,
        decidedAt: null,
        pending: true,
      } as unknown as Local<Action>;
      return { table: 'actions', row };
    }
    case 'dispute.create':
      return {
        table: 'disputes',
        row: {
          id,
          caseId,
          body: String(a.body),
          reference: String(a.reference),
          filedAt: String(a.filedAt),
          status: a.status as ExternalDispute['status'],
          notes: String(a.notes ?? ''),
          outcome: (a.outcome as string | undefined) ?? null,
          // The service computes a missing date by the same rule; shown at once offline.
          responseDueAt:
            (a.responseDueAt as string | null | undefined) ??
            disputeResponseDueAt(String(a.body), new Date(String(a.filedAt))).toISOString(),
          createdAt: at,
          updatedAt: at,
          pending: true,
        },
      };
    default:
      return null;
  }
}

/** The case a mutation concerns, when it names one directly. */
export function caseIdOf(m: Mutation): string | null {
  return typeof m.args.caseId === 'string' ? m.args.caseId : null;
}
