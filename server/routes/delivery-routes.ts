import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DeliveriesQuery,
  DomainError,
  EmptyBody,
  ReplayRequest,
  canManageAccounts,
  type Agent,
} from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { listDeliveries, replayDeliveries, retryDelivery } from '../integration/deliveries';
import { enqueueIntegrationEvent } from '../integration/outbox';

/** Deliveries are the admins' to watch and resend (the contract). */
function requireDeliveryAdmin(agent: Agent): void {
  if (!canManageAccounts(agent))
    throw new DomainError('forbidden', 'Only an admin may see and resend deliveries.');
}

/** Admins watch and resend webhook deliveries. */
export function deliveryRoutes(app: FastifyInstance, db: Database): void {
  const staff = { preHandler: requireAgent(db) };
  type WithId = FastifyRequest<{ Params: { id: string } }>;

  app.get('/api/v1/integration/deliveries', staff, async (req) => {
    requireDeliveryAdmin(actorOf(req));
    return listDeliveries(db, parse(DeliveriesQuery, req.query, 'query'));
  });

  app.post<{ Params: { id: string } }>(
    '/api/v1/integration/deliveries/:id/retry',
    staff,
    command<WithId>(db, 200, (req, tx) => {
      requireDeliveryAdmin(actorOf(req));
      parse(EmptyBody, req.body);
      return retryDelivery(tx, req.params.id);
    }),
  );

  app.post(
    '/api/v1/integration/deliveries/replay',
    staff,
    command(db, 200, (req, tx) => {
      requireDeliveryAdmin(actorOf(req));
      const { from, to } = parse(ReplayRequest, req.body);
      return replayDeliveries(tx, from, to);
    }),
  );

  // A test event, so an admin can see the receiver answer before real decisions flow.
  app.post(
    '/api/v1/integration/deliveries/ping',
    staff,
    command(db, 201, async (req, tx, now) => {
      requireDeliveryAdmin(actorOf(req));
      parse(EmptyBody, req.body);
      const id = await enqueueIntegrationEvent(tx, {
        type: 'ping',
        caseId: null,
        at: now,
        data: { requestedBy: actorOf(req).id },
      });
      if (!id)
        throw new DomainError('stale_state', 'No webhook is configured (CASEDESK_WEBHOOK_URL).');
      return { id };
    }),
  );
}
