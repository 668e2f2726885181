import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { DomainError } from '../shared';
import type { Database } from './db/database';
import { registerAuth } from './http/auth';
import { registerErrorHandling } from './http/errors';
import {
  NO_INTEGRATION,
  registerIntegration,
  type IntegrationOptions,
} from './integration/register-integration';
import { serveWorkspace } from './http/workspace';
import { accountRoutes } from './routes/account-routes';
import { authRoutes } from './routes/auth-routes';
import { caseRoutes } from './routes/case-routes';
import { intakeRoutes } from './routes/intake-routes';
import { syncRoutes } from './routes/sync-routes';
import { ChangeFeed } from './sync/change-feed';
import { SERVICE_VERSION } from './version';

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  db: Database;
  intakeKey: string | null;
  logLevel?: string;
  /** A built workspace (`npm run build`) to serve at `/`; absent or missing, the API alone. */
  webRoot?: string | null;
  /** The marketplace integration (webhook, key, retries); absent: not connected. */
  integration?: IntegrationOptions;
}

export function buildApp({
  db,
  intakeKey,
  logLevel = 'silent',
  webRoot = null,
  integration = NO_INTEGRATION,
}: AppOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: { level: logLevel },
    // A line per request costs more than many requests do; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a proxy the caller's address is in X-Forwarded-For; the login rate limit needs it.
    trustProxy: 'loopback',
  });

  // Our own JSON parser: an empty body counts as none (clients often send the header on a
  // bare POST), and anything unparsable is the contract's 400 malformed_json.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new DomainError('malformed_json', 'The body is not valid JSON.'), undefined);
    }
  });

  const spaIndex = webRoot ? serveWorkspace(app, webRoot) : false;
  registerErrorHandling(app, { spaIndex });
  registerAuth(app);

  app.get('/api/v1/health', async () => ({
    status: 'ok',
    version: SERVICE_VERSION,
    database: db.kind,
  }));
  authRoutes(app, db);
  accountRoutes(app, db);
  intakeRoutes(app, db, intakeKey);
  caseRoutes(app, db);

  registerIntegration(app, db, integration);

  const feed = new ChangeFeed(db);
  app.addHook('onReady', () => feed.start());
  app.addHook('onClose', () => feed.stop());
  syncRoutes(app, db, feed);
  return app;
}
