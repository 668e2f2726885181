import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DomainError,
  MoveOpenCasesRequest,
  RoutingLanguageParams,
  UpdateRoutingLanguageRequest,
  canManageRouting,
} from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { moveOpenCases } from '../services/move-open-cases';
import { routingSettings, setAutoAssign } from '../services/routing-settings';

/** Issue 18: the lead's routing settings (capacities are on PATCH /agents/:id). */
export function routingRoutes(app: FastifyInstance, db: Database): void {
  const lead = {
    preHandler: [
      requireAgent(db),
      async (req: FastifyRequest) => {
        if (!canManageRouting(actorOf(req))) {
          throw new DomainError('forbidden', 'Only a lead manages routing.');
        }
      },
    ],
  };

  app.get('/api/v1/routing', lead, async () => routingSettings(db));

  app.put(
    '/api/v1/routing/languages/:language',
    lead,
    command(db, 200, (req, tx, now) => {
      const { language } = parse(RoutingLanguageParams, req.params, 'params');
      const { autoAssign } = parse(UpdateRoutingLanguageRequest, req.body);
      return setAutoAssign(tx, language, autoAssign, actorOf(req).id, now);
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/agents/:id/move-open-cases',
    lead,
    command<FastifyRequest<{ Params: { id: string } }>>(db, 200, (req, tx, now) =>
      moveOpenCases(tx, actorOf(req), req.params.id, parse(MoveOpenCasesRequest, req.body), now),
    ),
  );
}
