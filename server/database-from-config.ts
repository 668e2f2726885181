import { mkdir } from 'node:fs/promises';
import type { Config } from './config';
import type { Database } from './db/database';
import { openPglite } from './db/pglite-database';
import { openPostgres } from './db/postgres-database';

export async function openDatabase(config: Config['database']): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url);
  await mkdir(config.dataDir, { recursive: true });
  return openPglite(config.dataDir);
}
