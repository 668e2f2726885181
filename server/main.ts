import { ConfigError, loadConfig } from './config';
import { openDatabase } from './database-from-config';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { seedDemoIfEmpty } from './seed/demo';
import { sweepIdempotencyKeys } from './http/idempotency';

/** `npm run server`: configuration from the environment, migrations, optional demo data, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config.database).catch((err: Error) => {
    throw new ConfigError(`cannot open the database: ${err.message.split('\n')[0]}`);
  });
  const ran = await migrate(db);
  const app = buildApp({
    db,
    intakeKey: config.intakeKey,
    logLevel: config.logLevel,
    webRoot: config.webRoot,
  });
  if (ran.length) app.log.info({ migrations: ran }, 'applied migrations');
  if (config.seed === 'demo') {
    const seeded = await seedDemoIfEmpty(db, { seedNumber: config.seedNumber });
    if (seeded) app.log.info(seeded, 'seeded demo data');
  }
  await sweepIdempotencyKeys(db);
  const sweep = setInterval(() => void sweepIdempotencyKeys(db).catch(() => undefined), 3_600_000);
  sweep.unref();

  const close = async () => {
    clearInterval(sweep);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());

  const address = await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
  app.log.info({ address }, `Casedesk case service on ${address} (${where})`);
  if (config.intakeKey === null) app.log.warn('CASEDESK_INTAKE_KEY is not set: intake is closed');
}

main().catch((err: unknown) => {
  const msg =
    err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message ?? err}`;
  console.error(msg.split('\n')[0]);
  process.exit(1);
});
