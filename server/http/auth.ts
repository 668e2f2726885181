import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type Agent } from '../../shared';
import type { Database } from '../db/database';
import { authenticateSession } from '../services/auth';

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent | null;
    token: string | null;
    /** Single sign-on sessions are never asked for a second factor. */
    viaSso: boolean;
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
  app.decorateRequest('viaSso', false);
}

/**
 * preHandler for staff routes: a valid session or 401. A session that must set up two-step
 * sign-in first is refused (403 second_factor_enrolment_required) everywhere but the few
 * routes that say `duringEnrolment`.
 */
export function requireAgent(
  db: Database,
  opts: { tokenInQuery?: boolean; duringEnrolment?: boolean } = {},
) {
  return async (req: FastifyRequest): Promise<void> => {
    const query = req.query as { token?: unknown };
    const token =
      bearerToken(req) ??
      (opts.tokenInQuery && typeof query.token === 'string' ? query.token : null);
    const session = token ? await authenticateSession(db, token) : null;
    if (!session)
      throw new DomainError('unauthenticated', 'Sign in first; the session is missing or expired.');
    if (session.enrolmentRequired && !opts.duringEnrolment) {
      throw new DomainError(
        'second_factor_enrolment_required',
        'Set up two-step sign-in (Settings) before anything else: your role requires it.',
      );
    }
    req.agent = session.agent;
    req.token = token;
    req.viaSso = session.viaSso;
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
