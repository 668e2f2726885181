import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database, DatabaseKind } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite-database';
import { openPostgres } from '../db/postgres-database';

/** PGlite always; the real PostgreSQL too when CASEDESK_TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.CASEDESK_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: the scratch database, so a second service instance can share it. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in memory for PGlite, a scratch database on PostgreSQL. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const base = process.env.CASEDESK_TEST_DATABASE_URL;
  if (!base) throw new Error('CASEDESK_TEST_DATABASE_URL is not set');
  const name = `casedesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 24);
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
