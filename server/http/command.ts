import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../db/database';
import { checkKey, fingerprint, runCommand } from './idempotency';

/**
 * A route handler for a state-changing POST/PATCH: one transaction, idempotent when the
 * caller sends an Idempotency-Key, and the same JSON errors either way.
 */
export function command<R extends FastifyRequest>(
  db: Database,
  successStatus: number,
  handler: (req: R, tx: Queryable, now: Date) => Promise<unknown>,
  /** Whose keys these are when no agent is signed in (the default: the help center). */
  keylessCaller = 'intake',
) {
  return async (req: R, reply: FastifyReply) => {
    const key = checkKey(req.headers['idempotency-key']);
    const caller = req.agent ? `agent:${req.agent.id}` : keylessCaller;
    const scope = key
      ? {
          caller,
          key,
          fingerprint: fingerprint(req.method, req.url, req.body),
          keep: 'request' as const,
        }
      : null;
    const res = await runCommand(db, scope, successStatus, (tx) => handler(req, tx, new Date()));
    if (res.replayed) void reply.header('idempotent-replayed', 'true');
    // The serialised text, not the object: a replay must be the first answer byte for byte.
    return reply.code(res.status).type('application/json; charset=utf-8').send(res.text);
  };
}
