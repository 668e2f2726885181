import type { FastifyInstance } from 'fastify';
import { LoginRequest, PresenceRequest } from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { parse } from '../http/validation';
import { login, logout } from '../services/auth';
import { setPresence } from '../services/presence';

export function authRoutes(app: FastifyInstance, db: Database): void {
  const staff = { preHandler: requireAgent(db) };

  app.post('/api/v1/auth/login', async (req) => login(db, parse(LoginRequest, req.body), req.ip));

  app.post('/api/v1/auth/logout', staff, async (req, reply) => {
    await logout(db, req.token!, actorOf(req).id);
    return reply.code(204).send();
  });

  app.get('/api/v1/me', staff, async (req) => actorOf(req));

  app.post('/api/v1/me/presence', staff, async (req) =>
    setPresence(db, actorOf(req), parse(PresenceRequest, req.body), new Date()),
  );
}
