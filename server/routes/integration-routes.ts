import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ActionResultRequest, ExternalId, OrderUpdateRequest } from '../../shared';
import type { Database } from '../db/database';
import { command } from '../http/command';
import { parse } from '../http/validation';
import { requireIntegrationKey } from '../integration/integration-key';
import type { MailSettings } from '../mail/mail-settings';
import { recordActionResult } from '../services/action-results';
import { updateOrderFacts } from '../services/order-updates';

/** The marketplace reports back: results of requested actions, order facts. */
export function integrationRoutes(
  app: FastifyInstance,
  db: Database,
  key: string | null,
  mail: MailSettings | null = null,
): void {
  const marketplace = { preHandler: requireIntegrationKey(key) };

  app.post<{ Params: { id: string } }>(
    '/api/v1/integration/actions/:id/result',
    marketplace,
    command<FastifyRequest<{ Params: { id: string } }>>(
      db,
      200,
      (req, tx, now) =>
        recordActionResult(tx, req.params.id, parse(ActionResultRequest, req.body), now, mail),
      'integration',
    ),
  );

  app.patch<{ Params: { externalId: string } }>(
    '/api/v1/integration/orders/:externalId',
    marketplace,
    command<FastifyRequest<{ Params: { externalId: string } }>>(
      db,
      200,
      (req, tx, now) =>
        updateOrderFacts(
          tx,
          parse(ExternalId, req.params.externalId, 'params.externalId'),
          parse(OrderUpdateRequest, req.body),
          now,
        ),
      'integration',
    ),
  );
}
