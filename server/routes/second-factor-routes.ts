import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ConfirmSecondFactorRequest,
  DisableSecondFactorRequest,
  DomainError,
  EmptyBody,
  SecondFactorPolicy,
  canManageAccounts,
} from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { findAgentRow } from '../repositories/agents';
import {
  beginEnrolment,
  confirmEnrolment,
  disableOwnSecondFactor,
  readPolicy,
  removeSecondFactor,
  secondFactorStatus,
  setPolicy,
} from '../services/second-factor';
import type { SecretBox } from '../services/second-factor-secrets';

/**
 * Two-step sign-in: the caller's own (open to a session that must set one up first), an
 * admin's reset of someone else's, and the admins' setting of which roles must use it.
 */
export function secondFactorRoutes(app: FastifyInstance, db: Database, box: SecretBox): void {
  const enrolling = { preHandler: requireAgent(db, { duringEnrolment: true }) };
  const adminOnly = async (req: FastifyRequest) => {
    if (!canManageAccounts(actorOf(req))) {
      throw new DomainError('forbidden', 'Only an admin may change this.');
    }
  };
  const admin = { preHandler: [requireAgent(db), adminOnly] };

  app.get('/api/v1/me/second-factor', enrolling, async (req) =>
    secondFactorStatus(db, actorOf(req), { viaSso: req.viaSso }),
  );

  // Neither takes an Idempotency-Key: their answers are secrets, never stored. A retried
  // start simply makes another secret; a retried confirmation finds it already on (409).
  app.post('/api/v1/me/second-factor', enrolling, async (req) => {
    parse(EmptyBody, req.body);
    return beginEnrolment(db, box, actorOf(req), new Date());
  });
  app.post('/api/v1/me/second-factor/confirm', enrolling, async (req) => {
    const { code } = parse(ConfirmSecondFactorRequest, req.body);
    return confirmEnrolment(db, box, actorOf(req), code, new Date());
  });

  app.delete('/api/v1/me/second-factor', enrolling, async (req, reply) => {
    const proof = parse(DisableSecondFactorRequest, req.body);
    await disableOwnSecondFactor(db, box, actorOf(req), proof, req.ip, new Date());
    return reply.code(204).send();
  });

  // For someone who lost their phone and their recovery codes: they sign in with the
  // password alone again (and, if their role requires it, set up a new one at once).
  app.post<{ Params: { id: string } }>(
    '/api/v1/agents/:id/reset-second-factor',
    admin,
    command<FastifyRequest<{ Params: { id: string } }>>(db, 200, async (req, tx, now) => {
      parse(EmptyBody, req.body);
      const row = await findAgentRow(tx, req.params.id, { forUpdate: true });
      if (!row) throw new DomainError('not_found', 'No such agent.');
      const removed = await removeSecondFactor(tx, row.id, actorOf(req).id, now, { by: 'admin' });
      return { removed };
    }),
  );

  app.get('/api/v1/settings/second-factor', enrolling, async () => readPolicy(db));
  app.put(
    '/api/v1/settings/second-factor',
    admin,
    command(db, 200, (req, tx, now) =>
      setPolicy(
        tx,
        actorOf(req),
        { viaSso: req.viaSso },
        parse(SecondFactorPolicy, req.body).requiredFor,
        now,
      ),
    ),
  );
}
