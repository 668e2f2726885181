import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { deliveryRoutes } from '../routes/delivery-routes';
import type { MailSettings } from '../mail/mail-settings';
import { integrationRoutes } from '../routes/integration-routes';
import { DeliveryWorker, type DeliveryWorkerOptions, type WebhookTarget } from './delivery-worker';
import { setWebhookEnabled } from './outbox';

export interface IntegrationOptions {
  /** Null: no marketplace connected — nothing is enqueued and actions execute at once. */
  webhook: WebhookTarget | null;
  /** The marketplace's X-Integration-Key; null closes its endpoints. */
  key: string | null;
  retryBaseMs: number;
  /** Tuning for tests and benchmarks (lease, poll, retry window…). */
  worker?: Partial<Omit<DeliveryWorkerOptions, 'db' | 'target' | 'retryBaseMs'>>;
}

export const NO_INTEGRATION: IntegrationOptions = { webhook: null, key: null, retryBaseMs: 10_000 };

/**
 * The marketplace boundary of one service instance: records in the database whether a
 * webhook is configured (so every write path agrees), and runs this instance's delivery
 * worker from ready to close.
 */
export function registerIntegration(
  app: FastifyInstance,
  db: Database,
  opts: IntegrationOptions,
  mail: MailSettings | null = null,
): void {
  const worker = opts.webhook
    ? new DeliveryWorker({
        db,
        target: opts.webhook,
        retryBaseMs: opts.retryBaseMs,
        log: app.log,
        ...opts.worker,
      })
    : null;
  deliveryRoutes(app, db);
  integrationRoutes(app, db, opts.key, mail);
  app.addHook('onReady', async () => {
    await setWebhookEnabled(db, opts.webhook !== null);
    await worker?.start();
  });
  // preClose, not onClose: in-flight deliveries must be recorded while the database is open.
  app.addHook('preClose', async () => {
    await worker?.stop();
  });
}
