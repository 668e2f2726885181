import { z } from 'zod';
import {
  ActionRequest,
  AddNoteRequest,
  AssignRequest,
  ChangeStatusRequest,
  CreateDisputeRequest,
  Id,
  PriorityRequest,
  RejectActionRequest,
  ResolveRequest,
  SendMessageRequest,
  UpdateDisputeRequest,
  type MutationOp,
} from '../../shared';
import type { EntityRef, OverlayTable } from '../db/replica-types';

type PathKey = 'caseId' | 'actionId' | 'disputeId';
interface OpSpec {
  path: PathKey;
  body?: z.ZodType;
  /** The table an op creates a row in, under a client-chosen id the server accepts. */
  creates?: OverlayTable;
}

/** The server's push handlers, mirrored: path id(s), the endpoint's body, a client id. */
const OP_SPECS = {
  'case.claim': { path: 'caseId' },
  'case.release': { path: 'caseId' },
  'case.reopen': { path: 'caseId' },
  'case.message': { path: 'caseId', body: SendMessageRequest, creates: 'messages' },
  'case.note': { path: 'caseId', body: AddNoteRequest, creates: 'notes' },
  'case.status': { path: 'caseId', body: ChangeStatusRequest },
  'case.priority': { path: 'caseId', body: PriorityRequest },
  'case.assign': { path: 'caseId', body: AssignRequest },
  'case.resolve': { path: 'caseId', body: ResolveRequest },
  'case.action': { path: 'caseId', body: ActionRequest, creates: 'actions' },
  'dispute.create': { path: 'caseId', body: CreateDisputeRequest, creates: 'externalDisputes' },
  'dispute.update': { path: 'disputeId', body: UpdateDisputeRequest },
  'action.approve': { path: 'actionId' },
  'action.reject': { path: 'actionId', body: RejectActionRequest },
  'action.withdraw': { path: 'actionId' },
} as const satisfies Record<MutationOp, OpSpec>;

type Spec<Op extends MutationOp> = (typeof OP_SPECS)[Op];
type BodyOf<S> = S extends { body: infer B extends z.ZodType } ? z.input<B> : unknown;
type ClientIdOf<S> = S extends { creates: string } ? { id?: string } : unknown;

/** What the UI passes for each op: e.g. `{ caseId, body }` for `case.note`. */
export type MutationArgs<Op extends MutationOp> = Record<Spec<Op>['path'], string> &
  BodyOf<Spec<Op>> &
  ClientIdOf<Spec<Op>>;

const NoBody = z.strictObject({});

/**
 * Checks args as the server will, so a typo is refused now, while the agent is still
 * looking, rather than after reconnecting. Creating ops get a client id (UUID) when the
 * caller gave none, so later changes can refer to the thing before the server has seen it.
 */
export function parseMutationArgs(op: MutationOp, args: unknown): Record<string, unknown> {
  const spec: OpSpec = OP_SPECS[op];
  const { [spec.path]: pathId, id, ...body } = z.record(z.string(), z.unknown()).parse(args);
  const out: Record<string, unknown> = { [spec.path]: Id.parse(pathId) };
  if (spec.creates) out.id = id === undefined ? crypto.randomUUID() : z.uuid().parse(id);
  else if (id !== undefined) body.id = id;
  const parsed = (spec.body ?? NoBody).parse(body) as Record<string, unknown>;
  return { ...out, ...parsed };
}

/** The rows a mutation shows its effect on. */
export function mutationTargets(m: { op: MutationOp; args: Record<string, unknown> }): EntityRef[] {
  const spec: OpSpec = OP_SPECS[m.op];
  const a = m.args as Record<PathKey | 'id', string | undefined>;
  const refs: EntityRef[] = [];
  if (spec.path === 'caseId' && m.op !== 'case.note' && m.op !== 'case.action') {
    // Notes and proposals leave the case as it is; replies and disputes change it.
    refs.push({ table: 'cases', id: a.caseId! });
  }
  if (spec.creates && a.id) refs.push({ table: spec.creates, id: a.id });
  if (spec.path === 'actionId') refs.push({ table: 'actions', id: a.actionId! });
  if (spec.path === 'disputeId') refs.push({ table: 'externalDisputes', id: a.disputeId! });
  return refs;
}

/** The table whose entity the server returns as a push result for this op. */
export function resultTable(op: MutationOp): OverlayTable {
  const spec: OpSpec = OP_SPECS[op];
  if (spec.creates) return spec.creates;
  if (spec.path === 'actionId') return 'actions';
  if (spec.path === 'disputeId') return 'externalDisputes';
  return 'cases';
}
