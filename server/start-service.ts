import type { FastifyInstance } from 'fastify';
import { ConfigError, type Config } from './config';
import { openDatabase } from './database-from-config';
import { loadMigrations } from './db/migrate';
import { prepareSchema } from './db/prepare-schema';
import { buildApp } from './app';
import { seedDemoIfEmpty } from './seed/demo';
import { sweepIdempotencyKeys } from './http/idempotency';
import { sweepLoginFailures } from './services/login-limits';

export interface RunningService {
  app: FastifyInstance;
  /** `http://host:port` as bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the SQL migrations are; the desktop app ships them beside its bundle. */
  migrationsDir?: string;
  /** Serve the built workspace at `/` (the desktop app serves it itself). */
  serveWorkspace?: boolean;
}

/**
 * Opens the database, migrates it, seeds demo data when asked and listens: the whole
 * service, for `npm run server` and for the desktop app's embedded one alike.
 */
export async function startService(
  config: Config,
  opts: StartOptions = {},
): Promise<RunningService> {
  const db = await openDatabase(config.database).catch((err: Error) => {
    throw new ConfigError(`cannot open the database: ${err.message.split('\n')[0]}`);
  });
  const { ran, runtimeRole } = await prepareSchema(
    db,
    config.database.kind === 'postgres' ? config.database.migrationUrl : null,
    await loadMigrations(opts.migrationsDir),
  ).catch(async (err: Error) => {
    await db.close();
    throw err;
  });
  const app = buildApp({
    db,
    intakeKey: config.intakeKey,
    logLevel: config.logLevel,
    integration: {
      webhook: config.webhook,
      key: config.integrationKey,
      retryBaseMs: config.retryBaseMs,
    },
    trustProxy: config.trustProxy,
    webRoot: opts.serveWorkspace === false ? null : config.webRoot,
    mail: config.mail,
    oidc: config.oidc,
    secondFactorKey: config.secondFactorKey,
  });
  if (ran.length) app.log.info({ migrations: ran }, 'applied migrations');
  if (runtimeRole) app.log.info({ role: runtimeRole }, 'runtime role granted row privileges only');
  if (config.seed === 'demo') {
    const seeded = await seedDemoIfEmpty(db, { seedNumber: config.seedNumber });
    if (seeded) app.log.info(seeded, 'seeded demo data');
  }
  const sweepAll = async () => {
    await sweepIdempotencyKeys(db);
    await sweepLoginFailures(db);
  };
  await sweepAll();
  // Every 15 minutes: failed logins older than their window must not pile up.
  const sweep = setInterval(() => void sweepAll().catch(() => undefined), 900_000);
  sweep.unref();

  const url = await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
  app.log.info({ address: url }, `Casedesk case service on ${url} (${where})`);
  if (config.intakeKey === null) app.log.warn('CASEDESK_INTAKE_KEY is not set: intake is closed');
  if (config.mail === null) app.log.info('CASEDESK_SMTP_URL is not set: no mail is sent');

  return {
    app,
    url,
    async close() {
      clearInterval(sweep);
      await app.close();
      await db.close();
    },
  };
}
