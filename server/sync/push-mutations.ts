import { z } from 'zod';
import {
  ActionRequest,
  AddNoteRequest,
  AssignRequest,
  ChangeStatusRequest,
  CreateDisputeRequest,
  DomainError,
  Id,
  PriorityRequest,
  RejectActionRequest,
  ApproveActionRequest,
  ComplaintDecisionRequest,
  LiftRestrictionRequest,
  ResolveRequest,
  SendMessageRequest,
  UpdateDisputeRequest,
  type Actor,
  type Mutation,
  type MutationOp,
  type MutationResult,
} from '../../shared';
import type { Database, Queryable } from '../db/database';
import { fingerprint, runCommand } from '../http/idempotency';
import { findTextProblem } from '../http/request-text';
import type { MailSettings } from '../mail/mail-settings';
import { parse } from '../http/validation';
import {
  approveAction,
  proposeAction,
  rejectAction,
  withdrawAction,
} from '../services/action-commands';
import {
  addNote,
  assignCase,
  changeStatus,
  claimCase,
  releaseCase,
  reopenCase,
  resolveCase,
  sendMessage,
  setPriority,
} from '../services/case-commands';
import { createDispute, updateDispute } from '../services/dispute-commands';
import { decideComplaint } from '../services/complaints';
import { liftRestriction } from '../services/restriction-ends';

const CRASHED_MESSAGE = 'Something went wrong on our side with this change; it was not applied.';

type Handler = (
  tx: Queryable,
  actor: Actor,
  args: Record<string, unknown>,
  now: Date,
  mail: MailSettings | null,
) => Promise<unknown>;

// Offline clients may name what they create (a UUID), so later mutations can refer to it.
const ClientId = z.uuid().optional();
const CaseRef = z.strictObject({ caseId: Id });
const ActionRef = z.strictObject({ actionId: Id });

/** Splits the path ids (and an optional client id) from the endpoint body. */
function split(args: Record<string, unknown>, keys: string[]) {
  const ids: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) (keys.includes(k) ? ids : body)[k] = v;
  return { ids, body };
}

function withBody<S extends z.ZodType>(
  schema: S,
  pathKey: 'caseId' | 'actionId' | 'disputeId',
  run: (
    tx: Queryable,
    actor: Actor,
    pathId: string,
    body: z.infer<S>,
    now: Date,
    id: string | undefined,
    mail: MailSettings | null,
  ) => Promise<unknown>,
): Handler {
  return (tx, actor, args, now, mail) => {
    const { ids, body } = split(args, [pathKey, 'id']);
    const pathId = parse(Id, ids[pathKey], `args.${pathKey}`);
    const clientId = parse(ClientId, ids.id, 'args.id');
    return run(tx, actor, pathId, parse(schema, body, 'args'), now, clientId, mail);
  };
}

const HANDLERS: Record<MutationOp, Handler> = {
  'case.claim': (tx, a, args, now) => claimCase(tx, a, parse(CaseRef, args, 'args').caseId, now),
  'case.release': (tx, a, args, now) =>
    releaseCase(tx, a, parse(CaseRef, args, 'args').caseId, now),
  'case.reopen': (tx, a, args, now) => reopenCase(tx, a, parse(CaseRef, args, 'args').caseId, now),
  'case.message': withBody(SendMessageRequest, 'caseId', (tx, a, id, b, now, cid, mail) =>
    sendMessage(tx, a, id, b, now, cid, mail),
  ),
  'case.note': withBody(AddNoteRequest, 'caseId', (tx, a, id, b, now, cid) =>
    addNote(tx, a, id, b.body, now, cid, b.attachmentIds),
  ),
  'case.status': withBody(ChangeStatusRequest, 'caseId', (tx, a, id, b, now) =>
    changeStatus(tx, a, id, b, now),
  ),
  'case.priority': withBody(PriorityRequest, 'caseId', (tx, a, id, b, now) =>
    setPriority(tx, a, id, b.priority, now),
  ),
  'case.assign': withBody(AssignRequest, 'caseId', (tx, a, id, b, now) =>
    assignCase(tx, a, id, b.agentId, now),
  ),
  'case.resolve': withBody(ResolveRequest, 'caseId', (tx, a, id, b, now) =>
    resolveCase(tx, a, id, b.summary, now),
  ),
  'case.action': withBody(ActionRequest, 'caseId', (tx, a, id, b, now, cid, mail) =>
    proposeAction(tx, a, id, b, now, cid, mail),
  ),
  'dispute.create': withBody(CreateDisputeRequest, 'caseId', (tx, a, id, b, now, cid) =>
    createDispute(tx, a, id, b, now, cid),
  ),
  'dispute.update': withBody(UpdateDisputeRequest, 'disputeId', (tx, a, id, b, now) =>
    updateDispute(tx, a, id, b, now),
  ),
  'action.approve': withBody(ApproveActionRequest, 'actionId', (tx, a, id, b, now, _cid, mail) =>
    approveAction(tx, a, id, now, b.comment, mail),
  ),
  'action.withdraw': (tx, a, args, now) =>
    withdrawAction(tx, a, parse(ActionRef, args, 'args').actionId, now),
  'action.reject': withBody(RejectActionRequest, 'actionId', (tx, a, id, b, now) =>
    rejectAction(tx, a, id, b.reason, now),
  ),
  'action.lift': withBody(LiftRestrictionRequest, 'actionId', (tx, a, id, b, now) =>
    liftRestriction(tx, a, id, b.reason, now),
  ),
  'case.complaint_decision': withBody(
    ComplaintDecisionRequest,
    'caseId',
    (tx, a, id, b, now, _cid, mail) => decideComplaint(tx, a, id, b, now, mail),
  ),
};

/**
 * Applies mutations in order, each in its own transaction through the same commands as
 * the REST endpoints. The mutation id is its idempotency key, so a re-sent mutation is
 * answered from the record (`duplicate`) and never applied twice. A refusal stops only
 * itself; a later mutation that needed it fails on its own (e.g. `not_found`). So does a
 * crash: its transaction rolls back and nothing is recorded under its id (as with a 5xx,
 * a retry runs it again), it is answered `internal_error`, and the rest still apply — one
 * poisoned mutation must never wedge a device's outbox (issue 10, defect 4).
 */
export async function pushMutations(
  db: Database,
  actor: Actor,
  mutations: Mutation[],
  onCrash: (err: unknown, m: Mutation) => void = () => {},
  mail: MailSettings | null = null,
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const m of mutations) {
    // The body parser left `args` to us: a problem here refuses this mutation alone, before
    // anything walks it recursively (the fingerprint below does).
    const textProblem = findTextProblem(m.args, 'args');
    if (textProblem) {
      results.push({
        id: m.id,
        status: 'rejected',
        error: {
          code: 'validation_failed',
          message: `The args are not valid: ${textProblem.path} ${textProblem.message}`,
          details: { fields: [textProblem] },
        },
      });
      continue;
    }
    const scope = {
      caller: `agent:${actor.id}`,
      key: m.id,
      fingerprint: fingerprint('SYNC', m.op, m.args),
      keep: 'sync' as const,
    };
    try {
      const res = await runCommand(db, scope, 200, (tx) => {
        if (!m.args || typeof m.args !== 'object' || Array.isArray(m.args)) {
          throw new DomainError('validation_failed', 'args must be an object.', {
            fields: [{ path: 'args', message: 'expected an object' }],
          });
        }
        return HANDLERS[m.op](tx, actor, m.args as Record<string, unknown>, new Date(), mail);
      });
      const ok = res.status < 300;
      const error = ok ? undefined : (res.body as { error: MutationResult['error'] }).error;
      results.push({
        id: m.id,
        status: res.replayed ? 'duplicate' : ok ? 'applied' : 'rejected',
        ...(ok ? { result: res.body } : { error }),
      });
    } catch (err) {
      const refusal =
        err instanceof DomainError ? err : new DomainError('internal_error', CRASHED_MESSAGE);
      if (!(err instanceof DomainError)) onCrash(err, m);
      results.push({ id: m.id, status: 'rejected', error: refusal.toBody().error });
    }
  }
  return results;
}
