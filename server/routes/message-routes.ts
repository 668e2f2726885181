import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EmptyBody } from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { originalOfMessage, retryDelivery } from '../services/message-delivery';

type WithId = FastifyRequest<{ Params: { id: string } }>;

/** Messages after they were written: their way out. */
export function messageRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Params: { id: string } }>(
    '/api/v1/messages/:id/retry',
    { preHandler: requireAgent(db) },
    command<WithId>(db, 200, (req, tx, now) => {
      parse(EmptyBody, req.body);
      return retryDelivery(tx, actorOf(req), req.params.id, now);
    }),
  );
  messageOriginalRoute(app, db);
}

/** The whole text of an incoming mail, before quotes and signature were cut. */
export function messageOriginalRoute(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { id: string } }>(
    '/api/v1/messages/:id/original',
    { preHandler: requireAgent(db) },
    async (req) => originalOfMessage(db, actorOf(req), req.params.id),
  );
}
