import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type Agent } from '../../shared';
import type { Database } from '../db/database';
import { authenticate } from '../services/auth';

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent | null;
    token: string | null;
  }
}

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1] ?? null;
}

export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('agent', null);
  app.decorateRequest('token', null);
}

/** preHandler for staff routes: a valid session or 401. */
export function requireAgent(db: Database, opts: { tokenInQuery?: boolean } = {}) {
  return async (req: FastifyRequest): Promise<void> => {
    const query = req.query as { token?: unknown };
    const token =
      bearerToken(req) ??
      (opts.tokenInQuery && typeof query.token === 'string' ? query.token : null);
    const agent = token ? await authenticate(db, token) : null;
    if (!agent)
      throw new DomainError('unauthenticated', 'Sign in first; the session is missing or expired.');
    req.agent = agent;
    req.token = token;
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** preHandler for help-center routes: the configured intake key or 401. */
export function requireIntakeKey(key: string | null) {
  return async (req: FastifyRequest): Promise<void> => {
    const given = req.headers['x-intake-key'];
    const ok =
      key !== null && typeof given === 'string' && timingSafeEqual(digest(given), digest(key));
    if (!ok) throw new DomainError('unauthenticated', 'A valid X-Intake-Key is required.');
  };
}

export function actorOf(req: FastifyRequest): Agent {
  if (!req.agent) throw new DomainError('unauthenticated', 'Sign in first.');
  return req.agent;
}
