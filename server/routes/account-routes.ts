import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AcceptInvitationRequest,
  AccountEventsQuery,
  ChangePasswordRequest,
  CreateAgentRequest,
  DomainError,
  EmptyBody,
  InvitationParams,
  UpdateAgentRequest,
  canManageAccounts,
  canManageRouting,
  seesFullDirectory,
} from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { listAccountEvents } from '../repositories/account-events';
import { agentFor, findAgentRow, listAgentRows } from '../repositories/agents';
import {
  activateAgent,
  createAgent,
  deactivateAgent,
  resetPassword,
  updateAgent,
} from '../services/accounts';
import { acceptInvitation, lookupInvitation } from '../services/invitations';
import { changeOwnPassword, checkCurrentPassword } from '../services/own-password';

type WithId = FastifyRequest<{ Params: { id: string } }>;

const notFound = () => new DomainError('not_found', 'No such agent.');

export function accountRoutes(app: FastifyInstance, db: Database): void {
  const staff = requireAgent(db);
  const admin = {
    preHandler: [
      staff,
      async (req: FastifyRequest) => {
        if (!canManageAccounts(actorOf(req))) {
          throw new DomainError('forbidden', 'Only an admin may manage accounts.');
        }
      },
    ],
  };

  // Admins and leads see every field (and how many open cases each agent holds);
  // everyone else the directory.
  app.get('/api/v1/agents', { preHandler: staff }, async (req) => {
    const me = actorOf(req);
    const rows = await listAgentRows(db);
    if (!seesFullDirectory(me)) return { agents: rows.map((r) => agentFor(me, r)) };
    const open = await db.query<{ assignee_id: string; n: number }>(
      `SELECT assignee_id, count(*)::int AS n FROM cases
        WHERE assignee_id IS NOT NULL AND status <> 'resolved' GROUP BY assignee_id`,
    );
    const counts = new Map(open.rows.map((r) => [r.assignee_id, r.n]));
    return {
      agents: rows.map((r) => ({ ...agentFor(me, r), openCases: counts.get(r.id) ?? 0 })),
    };
  });

  app.get<{ Params: { id: string } }>('/api/v1/agents/:id', { preHandler: staff }, async (req) => {
    const row = await findAgentRow(db, req.params.id);
    if (!row) throw notFound();
    return agentFor(actorOf(req), row);
  });

  app.post(
    '/api/v1/agents',
    admin,
    command(db, 201, (req, tx, now) =>
      createAgent(tx, actorOf(req), parse(CreateAgentRequest, req.body), now),
    ),
  );

  // A capacity alone is a lead's to set too (issue 18); every other field stays an admin's.
  const capacityAlone = (body: unknown) =>
    typeof body === 'object' &&
    body !== null &&
    Object.keys(body).length === 1 &&
    'capacity' in body;
  const adminOrCapacityLead = {
    preHandler: [
      staff,
      async (req: FastifyRequest) => {
        const me = actorOf(req);
        if (canManageAccounts(me)) return;
        if (canManageRouting(me) && capacityAlone(req.body)) return;
        throw new DomainError(
          'forbidden',
          canManageRouting(me)
            ? 'A lead may change only the capacity; the rest is for an admin.'
            : 'Only an admin may manage accounts.',
        );
      },
    ],
  };
  app.patch<{ Params: { id: string } }>(
    '/api/v1/agents/:id',
    adminOrCapacityLead,
    command<WithId>(db, 200, (req, tx, now) =>
      updateAgent(tx, actorOf(req), req.params.id, parse(UpdateAgentRequest, req.body), now),
    ),
  );

  const adminPost = (
    path: string,
    run: typeof deactivateAgent | typeof activateAgent | typeof resetPassword,
  ) =>
    app.post<{ Params: { id: string } }>(
      path,
      admin,
      command<WithId>(db, 200, (req, tx, now) => {
        parse(EmptyBody, req.body);
        return run(tx, actorOf(req), req.params.id, now);
      }),
    );
  adminPost('/api/v1/agents/:id/deactivate', deactivateAgent);
  adminPost('/api/v1/agents/:id/activate', activateAgent);
  adminPost('/api/v1/agents/:id/reset-password', resetPassword);

  // The accounts' audit trail: one agent's, or everyone's.
  app.get<{ Params: { id: string } }>('/api/v1/agents/:id/events', admin, async (req) => {
    const q = parse(AccountEventsQuery, req.query, 'query');
    if (!(await findAgentRow(db, req.params.id))) throw notFound();
    return listAccountEvents(db, req.params.id, q.limit, q.cursor);
  });
  app.get('/api/v1/audit/accounts', admin, async (req) => {
    const q = parse(AccountEventsQuery, req.query, 'query');
    return listAccountEvents(db, null, q.limit, q.cursor);
  });

  app.get('/api/v1/auth/invitations/:token', async (req) => {
    const { token } = parse(InvitationParams, req.params, 'params');
    return lookupInvitation(db, token, new Date());
  });

  // Like login, not idempotent by key: its answer is a session token, never stored.
  app.post('/api/v1/auth/accept-invitation', async (req) => {
    const body = parse(AcceptInvitationRequest, req.body);
    return db.transaction((tx) => acceptInvitation(tx, body, new Date()));
  });

  // A wrong current password counts like a wrong sign-in (the same limits and table): a
  // stolen session must not become a way to guess the password. Checked before the
  // command's transaction, so that a refusal's rollback cannot take the count back; the
  // command checks it again under its lock.
  app.post(
    '/api/v1/me/password',
    {
      preHandler: [
        staff,
        async (req: FastifyRequest) => {
          const body = parse(ChangePasswordRequest, req.body);
          await checkCurrentPassword(db, actorOf(req), body.current, req.ip, new Date());
        },
      ],
    },
    command(db, 204, async (req, tx, now) => {
      await changeOwnPassword(
        tx,
        actorOf(req),
        req.token!,
        parse(ChangePasswordRequest, req.body),
        now,
      );
      return undefined;
    }),
  );
}
