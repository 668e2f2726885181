import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Database } from './db/database';
import { registerAuth } from './http/auth';
import { registerErrorHandling } from './http/errors';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { registerJsonBody, registerQueryAndParamsCheck } from './http/json-body';
import { recordRoutes } from './http/route-catalog';
import { registerApiHeaders } from './http/security-headers';
import {
  NO_INTEGRATION,
  registerIntegration,
  type IntegrationOptions,
} from './integration/register-integration';
import { serveWorkspace } from './http/workspace';
import { singleSignOnRoutes } from './routes/single-sign-on-routes';
import { singleSignOn, type OidcSettings } from './services/single-sign-on';
import { accountRoutes } from './routes/account-routes';
import { secondFactorRoutes } from './routes/second-factor-routes';
import { secretBox } from './services/second-factor-secrets';
import { authRoutes } from './routes/auth-routes';
import { caseRoutes } from './routes/case-routes';
import { messageRoutes } from './routes/message-routes';
import { openApiRoutes } from './routes/openapi-routes';
import { inboundRoutes } from './routes/inbound-routes';
import { attachmentRoutes } from './routes/attachment-routes';
import { reportRoutes } from './routes/report-routes';
import { queueHealthRoutes } from './routes/queue-health-routes';
import { routingRoutes } from './routes/routing-routes';
import { databaseAttachmentStore, type AttachmentStore } from './attachments/attachment-store';
import type { MailSettings } from './mail/mail-settings';
import { MailSender, type MailSenderOptions } from './mail/mail-sender';
import { intakeRoutes } from './routes/intake-routes';
import { syncRoutes } from './routes/sync-routes';
import { ChangeFeed } from './sync/change-feed';
import { PresenceFeed } from './sync/presence-feed';
import { SessionWatch } from './sync/session-watch';
import { SERVICE_VERSION } from './version';
import { RestrictionExpiry, type RestrictionExpiryOptions } from './services/restriction-expiry';
import { WaitingWorker, type WaitingWorkerOptions } from './services/waiting-worker';

export const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when mail is configured. */
    mailSender?: MailSender;
    /** Ends restrictions at their `until` (issue 17). */
    restrictionExpiry: RestrictionExpiry;
    /** Reminds and resolves cases waiting on a party (issue 18). */
    waitingWorker: WaitingWorker;
  }
}

export interface AppOptions {
  db: Database;
  intakeKey: string | null;
  logLevel?: string;
  /** A built workspace (`npm run build`) to serve at `/`; absent or missing, the API alone. */
  webRoot?: string | null;
  /** The marketplace integration (webhook, key, retries); absent: not connected. */
  integration?: IntegrationOptions;
  /** Outgoing mail; null or absent, messages are stored as `not_configured`. */
  mail?: MailSettings | null;
  /** Single sign-on through an OpenID Connect provider; null or absent, passwords only. */
  oidc?: OidcSettings | null;
  mailSender?: MailSenderOptions;
  /** Where attachment bytes are kept; the database unless told otherwise. */
  attachmentStore?: AttachmentStore;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default. */
  trustProxy?: string[];
  /** Seals TOTP secrets at rest (CASEDESK_SECOND_FACTOR_KEY); null: stored as they are. */
  secondFactorKey?: string | null;
  /** How often restrictions past their end are ended, and by which clock. */
  restrictionExpiry?: RestrictionExpiryOptions;
  /** How often waiting cases are reminded and resolved, and by which clock. */
  waitingWorker?: WaitingWorkerOptions;
}

export function buildApp({
  db,
  intakeKey,
  logLevel = 'silent',
  webRoot = null,
  integration = NO_INTEGRATION,
  mail = null,
  oidc = null,
  mailSender,
  attachmentStore = databaseAttachmentStore,
  trustProxy = [],
  secondFactorKey = null,
  restrictionExpiry,
  waitingWorker,
}: AppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: { level: logLevel },
    // A line per request costs more than many requests do; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a proxy the caller's address is in X-Forwarded-For, which the login limits
    // count by; believed only from the configured proxies, or anyone could name any address.
    trustProxy: trustProxy.length > 0 ? trustProxy : false,
    frameworkErrors,
    clientErrorHandler,
  });

  // Before any route: the catalog test compares every registered route with the catalog.
  app.decorate('registeredRoutes', recordRoutes(app));
  registerJsonBody(app);
  registerQueryAndParamsCheck(app);
  registerApiHeaders(app);

  const spaIndex = webRoot ? serveWorkspace(app, webRoot) : false;
  registerErrorHandling(app, { spaIndex });
  registerAuth(app);

  app.get('/api/v1/health', async () => ({
    status: 'ok',
    version: SERVICE_VERSION,
    database: db.kind,
    // The contract's answer stays exactly part 1's unless single sign-on is offered.
    ...(oidc ? { sso: true } : {}),
  }));
  openApiRoutes(app);
  const box = secretBox(secondFactorKey);
  authRoutes(app, db, box);
  accountRoutes(app, db);
  secondFactorRoutes(app, db, box);
  singleSignOnRoutes(app, oidc ? singleSignOn(db, oidc) : null);
  intakeRoutes(app, db, intakeKey);
  inboundRoutes(app, db, intakeKey, attachmentStore);
  caseRoutes(app, db, mail);
  messageRoutes(app, db);
  attachmentRoutes(app, db, attachmentStore, integration.key);
  reportRoutes(app, db);
  queueHealthRoutes(app, db);
  routingRoutes(app, db);

  registerIntegration(app, db, integration, mail);

  const feed = new ChangeFeed(db);
  const sessions = new SessionWatch(db);
  const presence = new PresenceFeed(db);
  app.addHook('onReady', async () => {
    await feed.start();
    await presence.start();
    await sessions.start();
  });
  app.addHook('onClose', async () => {
    await feed.stop();
    await presence.stop();
    await sessions.stop();
  });
  syncRoutes(app, db, feed, sessions, mail, presence);

  const expiry = new RestrictionExpiry(db, app.log, restrictionExpiry);
  app.addHook('onReady', async () => expiry.start());
  app.addHook('onClose', () => expiry.stop());
  app.decorate('restrictionExpiry', expiry);

  const waiting = new WaitingWorker(db, mail, app.log, waitingWorker);
  app.addHook('onReady', async () => waiting.start());
  app.addHook('onClose', () => waiting.stop());
  app.decorate('waitingWorker', waiting);

  if (mail) {
    // Every instance sends: claims keep them from sending the same mail.
    const sender = new MailSender(db, mail, app.log, { attachmentStore, ...mailSender });
    app.addHook('onReady', () => sender.start());
    app.addHook('onClose', () => sender.stop());
    app.decorate('mailSender', sender);
  }
  return app;
}
