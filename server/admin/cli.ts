/**
 * `npm run admin -- create --email … --name … --roles admin`: account management from the
 * command line, for the first admin of a new installation and for scripts. Exit codes:
 * 0 done, 1 refused (the reason on stderr), 2 wrong command line (with the usage).
 */
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../database-from-config';
import type { Database } from '../db/database';
import { prepareSchema } from '../db/prepare-schema';
import { DomainError } from '../../shared';
import { runAdminCommand, USAGE, UsageError } from './admin-command';

/* eslint-disable no-console -- a command line speaks on stdout and stderr */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let db: Database | null = null;
  try {
    const config = loadConfig();
    db = await openDatabase(config.database).catch((err: Error) => {
      throw new ConfigError(`cannot open the database: ${err.message.split('\n')[0]}`);
    });
    await prepareSchema(
      db,
      config.database.kind === 'postgres' ? config.database.migrationUrl : null,
    );
    await runAdminCommand(db, argv, { out: (line) => console.log(line) });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof DomainError || err instanceof ConfigError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    console.error(`error: ${(err as Error).message?.split('\n')[0] ?? String(err)}`);
    return 1;
  } finally {
    await db?.close().catch(() => undefined);
  }
}

process.exitCode = await main();
