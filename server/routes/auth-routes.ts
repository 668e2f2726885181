import type { FastifyInstance } from 'fastify';
import { LoginRequest, PresenceRequest } from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { parse } from '../http/validation';
import { login, logout } from '../services/auth';
import { setPresence } from '../services/presence';
import type { SecretBox } from '../services/second-factor-secrets';

export function authRoutes(app: FastifyInstance, db: Database, box: SecretBox): void {
  const staff = { preHandler: requireAgent(db) };
  // A session that must set up a second factor may still see who it is and sign out.
  const enrolling = { preHandler: requireAgent(db, { duringEnrolment: true }) };

  app.post('/api/v1/auth/login', async (req) =>
    login(db, box, parse(LoginRequest, req.body), req.ip),
  );

  app.post('/api/v1/auth/logout', enrolling, async (req, reply) => {
    await logout(db, req.token!, actorOf(req).id);
    return reply.code(204).send();
  });

  app.get('/api/v1/me', enrolling, async (req) => actorOf(req));

  app.post('/api/v1/me/presence', staff, async (req) =>
    setPresence(db, actorOf(req), parse(PresenceRequest, req.body), new Date()),
  );
}
