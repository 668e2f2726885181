import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ActionRequest,
  AddNoteRequest,
  AssignRequest,
  CaseListQuery,
  ChangeStatusRequest,
  CreateDisputeRequest,
  EmptyBody,
  PriorityRequest,
  RejectActionRequest,
  ApproveActionBody,
  CasePresenceRequest,
  ComplaintDecisionRequest,
  LiftRestrictionRequest,
  PartyAccountParams,
  ResolveRequest,
  SendMessageRequest,
  UpdateDisputeRequest,
} from '../../shared';
import type { Database } from '../db/database';
import type { MailSettings } from '../mail/mail-settings';
import { actorOf, requireAgent } from '../http/auth';
import { command } from '../http/command';
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
import { getCaseDetail, listCases } from '../services/case-queries';
import { createDispute, updateDispute } from '../services/dispute-commands';
import { leaveCase, reportCasePresence } from '../services/case-presence';
import { decideComplaint } from '../services/complaints';
import { partyAccount } from '../services/party-account';
import { liftRestriction } from '../services/restriction-ends';

type WithId = FastifyRequest<{ Params: { id: string } }>;

export function caseRoutes(
  app: FastifyInstance,
  db: Database,
  mail: MailSettings | null = null,
): void {
  const staff = { preHandler: requireAgent(db) };
  const post = (path: string, status: number, handler: Parameters<typeof command<WithId>>[2]) =>
    app.post<{ Params: { id: string } }>(path, staff, command<WithId>(db, status, handler));

  app.get('/api/v1/cases', staff, async (req) =>
    listCases(db, actorOf(req), parse(CaseListQuery, req.query, 'query')),
  );

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id', staff, async (req) =>
    getCaseDetail(db, actorOf(req), req.params.id),
  );

  // Presence is a heartbeat, not a change: no Idempotency-Key, no event, no sync.
  app.post<{ Params: { id: string } }>('/api/v1/cases/:id/presence', staff, async (req) =>
    reportCasePresence(
      db,
      actorOf(req),
      req.params.id,
      parse(CasePresenceRequest, req.body),
      new Date(),
    ),
  );
  app.delete<{ Params: { id: string } }>(
    '/api/v1/cases/:id/presence',
    staff,
    async (req, reply) => {
      await leaveCase(db, actorOf(req), req.params.id, new Date());
      return reply.code(204).send();
    },
  );

  post('/api/v1/cases/:id/claim', 200, (req, tx, now) => {
    parse(EmptyBody, req.body);
    return claimCase(tx, actorOf(req), req.params.id, now);
  });
  post('/api/v1/cases/:id/release', 200, (req, tx, now) => {
    parse(EmptyBody, req.body);
    return releaseCase(tx, actorOf(req), req.params.id, now);
  });
  post('/api/v1/cases/:id/assign', 200, (req, tx, now) =>
    assignCase(tx, actorOf(req), req.params.id, parse(AssignRequest, req.body).agentId, now),
  );
  post('/api/v1/cases/:id/priority', 200, (req, tx, now) =>
    setPriority(tx, actorOf(req), req.params.id, parse(PriorityRequest, req.body).priority, now),
  );
  post('/api/v1/cases/:id/status', 200, (req, tx, now) =>
    changeStatus(tx, actorOf(req), req.params.id, parse(ChangeStatusRequest, req.body), now),
  );
  post('/api/v1/cases/:id/messages', 201, (req, tx, now) =>
    sendMessage(
      tx,
      actorOf(req),
      req.params.id,
      parse(SendMessageRequest, req.body),
      now,
      undefined,
      mail,
    ),
  );
  post('/api/v1/cases/:id/notes', 201, (req, tx, now) => {
    const note = parse(AddNoteRequest, req.body);
    return addNote(tx, actorOf(req), req.params.id, note.body, now, undefined, note.attachmentIds);
  });
  post('/api/v1/cases/:id/resolve', 200, (req, tx, now) =>
    resolveCase(tx, actorOf(req), req.params.id, parse(ResolveRequest, req.body).summary, now),
  );
  post('/api/v1/cases/:id/reopen', 200, (req, tx, now) => {
    parse(EmptyBody, req.body);
    return reopenCase(tx, actorOf(req), req.params.id, now);
  });
  post('/api/v1/cases/:id/actions', 201, (req, tx, now) =>
    proposeAction(
      tx,
      actorOf(req),
      req.params.id,
      parse(ActionRequest, req.body),
      now,
      undefined,
      mail,
    ),
  );
  post('/api/v1/cases/:id/external-disputes', 201, (req, tx, now) =>
    createDispute(tx, actorOf(req), req.params.id, parse(CreateDisputeRequest, req.body), now),
  );

  post('/api/v1/actions/:id/approve', 200, (req, tx, now) =>
    approveAction(
      tx,
      actorOf(req),
      req.params.id,
      now,
      parse(ApproveActionBody, req.body)?.comment,
      mail,
    ),
  );
  post('/api/v1/actions/:id/reject', 200, (req, tx, now) =>
    rejectAction(tx, actorOf(req), req.params.id, parse(RejectActionRequest, req.body).reason, now),
  );
  post('/api/v1/actions/:id/withdraw', 200, (req, tx, now) => {
    parse(EmptyBody, req.body);
    return withdrawAction(tx, actorOf(req), req.params.id, now);
  });

  post('/api/v1/actions/:id/lift', 200, (req, tx, now) =>
    liftRestriction(
      tx,
      actorOf(req),
      req.params.id,
      parse(LiftRestrictionRequest, req.body).reason,
      now,
    ),
  );
  post('/api/v1/cases/:id/complaint-decision', 200, (req, tx, now) =>
    decideComplaint(
      tx,
      actorOf(req),
      req.params.id,
      parse(ComplaintDecisionRequest, req.body),
      now,
      mail,
    ),
  );
  app.get<{ Params: { kind: string; externalId: string } }>(
    '/api/v1/parties/:kind/:externalId/account',
    staff,
    async (req) => {
      const { kind, externalId } = parse(PartyAccountParams, req.params, 'params');
      return partyAccount(db, actorOf(req), kind, externalId);
    },
  );

  app.patch<{ Params: { id: string } }>(
    '/api/v1/external-disputes/:id',
    staff,
    command<WithId>(db, 200, (req, tx, now) =>
      updateDispute(tx, actorOf(req), req.params.id, parse(UpdateDisputeRequest, req.body), now),
    ),
  );
}
