import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database, DatabaseKind } from '../db/database';
import { migrate } from '../db/migrate';
import { openMigratedPglite } from './migrated-pglite';
import { openPostgres } from '../db/postgres-database';

/** A migrated PostgreSQL database the test run's global setup made, to copy per suite. */
export const PG_TEMPLATE_ENV = 'CASEDESK_TEST_PG_TEMPLATE';

/**
 * PGlite always; the real PostgreSQL too when CASEDESK_TEST_DATABASE_URL is set. For suites
 * whose outcome can depend on the database: concurrent requests, locks and claims, triggers,
 * roles, snapshots (sync), NOTIFY, or values the two drivers read differently (times). New
 * suites start here.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.CASEDESK_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * PGlite only, also in CI: for suites of rules, one request at a time, through repositories
 * the suites of `testDatabaseKinds` run on both databases too. Both are the same PostgreSQL;
 * a second pass of such a suite re-ran the same SQL for about half its time. A suite that
 * gains a race, a lock or a trigger to check moves back to `testDatabaseKinds`.
 */
export function ruleSuiteDatabaseKinds(): DatabaseKind[] {
  return ['pglite'];
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
    const db = await openMigratedPglite();
    return { db, drop: () => db.close() };
  }
  const base = process.env.CASEDESK_TEST_DATABASE_URL;
  if (!base) throw new Error('CASEDESK_TEST_DATABASE_URL is not set');
  const name = `casedesk_t_${randomBytes(6).toString('hex')}`;
  // Copying a migrated template takes a third of a second; migrating afresh, about three.
  // The migrations still run on the copy: a no-op when the template is current.
  const template = process.env[PG_TEMPLATE_ENV];
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
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

/**
 * Migrates one scratch PostgreSQL database for the run's suites to copy; returns its
 * name and how to drop it. Nobody may stay connected to a template, so it is closed here.
 */
export async function createPostgresTemplate(
  base: string,
): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `casedesk_tpl_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 2);
  await migrate(db);
  await db.close();
  return {
    name,
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
