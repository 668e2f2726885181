import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../database-from-config';
import type { Database } from '../db/database';
import { prepareSchema } from '../db/prepare-schema';
import { DomainError } from '../../shared';
import { runAdminCommand, USAGE, UsageError } from './admin-command';

/** Where the command speaks: stdout and stderr for `npm run admin`, a buffer in tests. */
export interface AdminCliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `npm run admin` without its process, so that tests can run each command line without
 * starting tsx (about two processor-seconds a run). Returns the exit code: 0 done,
 * 1 refused (the reason on stderr), 2 wrong command line (with the usage).
 */
export async function runAdminCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: AdminCliIo,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  let db: Database | null = null;
  try {
    const config = loadConfig(env);
    db = await openDatabase(config.database).catch((err: Error) => {
      throw new ConfigError(`cannot open the database: ${err.message.split('\n')[0]}`);
    });
    await prepareSchema(
      db,
      config.database.kind === 'postgres' ? config.database.migrationUrl : null,
    );
    await runAdminCommand(db, argv, { out: io.out });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof DomainError || err instanceof ConfigError) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    io.err(`error: ${(err as Error).message?.split('\n')[0] ?? String(err)}`);
    return 1;
  } finally {
    await db?.close().catch(() => undefined);
  }
}
