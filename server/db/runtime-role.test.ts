import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createDemoAccounts, DEMO_PASSWORD } from '../seed/accounts';
import { escalation } from '../testing/test-service';
import { startService, type RunningService } from '../start-service';
import { openPostgres } from './postgres-database';

const BASE = process.env.CASEDESK_TEST_DATABASE_URL;
const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const INTAKE_KEY = 'roles-test-intake-key';

/**
 * Issue 10, defect 9, on a real PostgreSQL cluster: roles belong to the whole cluster, so
 * this run makes its own (named per run) and drops them, with its database, afterwards.
 */
describe.runIf(BASE)('the two-role set-up (DATABASE_MIGRATION_URL) on postgres', () => {
  const run = randomBytes(5).toString('hex');
  const owner = `casedesk_owner_${run}`;
  const runtime = `casedesk_app_${run}`;
  const database = `casedesk_roles_${run}`;
  const url = (role: string) => {
    const u = new URL(BASE!);
    u.username = role;
    u.password = `pw-${run}`;
    u.pathname = `/${database}`;
    return u.toString();
  };
  let admin: pg.Client;
  let service: RunningService | null = null;
  let dir: string;

  const start = (migrationsDir?: string) =>
    startService(
      loadConfig({
        DATABASE_URL: url(runtime),
        DATABASE_MIGRATION_URL: url(owner),
        PORT: '0',
        CASEDESK_INTAKE_KEY: INTAKE_KEY,
        CASEDESK_LOG_LEVEL: 'silent',
      }),
      { serveWorkspace: false, ...(migrationsDir ? { migrationsDir } : {}) },
    );

  /** A statement run as the service's runtime role: the error code it fails with, or 'ok'. */
  const asRuntime = async (sql: string): Promise<string> => {
    const c = new pg.Client({ connectionString: url(runtime) });
    await c.connect();
    try {
      await c.query(sql);
      return 'ok';
    } catch (err) {
      // The privilege system's own refusal, not the audit trigger's (which also says 42501).
      const { code, message } = err as { code: string; message: string };
      return /^(permission denied|must be owner)/.test(message) ? code : `${code} ${message}`;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD 'pw-${run}'`);
    await admin.query(`CREATE ROLE ${runtime} LOGIN PASSWORD 'pw-${run}'`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${owner}`);
    dir = await mkdtemp(path.join(tmpdir(), 'casedesk-migrations-'));
    service = await start();
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${runtime}`);
    await admin.query(`DROP ROLE IF EXISTS ${owner}`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates as the owner: every table belongs to the owner role, none to the runtime role', async () => {
    const c = new pg.Client({ connectionString: url(owner) });
    await c.connect();
    const owners = await c.query<{ tableowner: string; n: number }>(
      `SELECT tableowner, count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' GROUP BY 1`,
    );
    await c.end();
    expect(owners.rows.map((r) => r.tableowner)).toEqual([owner]);
    expect(owners.rows[0]!.n).toBeGreaterThan(20);
  });

  it('works through the runtime role: sign in, intake, a note, a claim', async () => {
    const rows = await openPostgres(url(runtime), 2);
    await createDemoAccounts(rows);
    await rows.close();
    const app = service!.app;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ana@demo.casedesk', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${login.json().token}` };
    const intake = await app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': INTAKE_KEY },
      payload: escalation({ language: 'de' }),
    });
    expect(intake.statusCode).toBe(201);
    const id = intake.json().id as string;
    const claim = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/claim`,
      headers: auth,
    });
    expect(claim.statusCode).toBe(200);
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/notes`,
      headers: auth,
      payload: { body: 'through the runtime role' },
    });
    expect(note.statusCode).toBe(201);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: auth });
    expect(detail.json().events.map((e: { type: string }) => e.type)).toEqual([
      'case.created',
      'case.claimed',
      'note.added',
    ]);
  });

  it.each([
    ['switch the audit trigger off', 'ALTER TABLE events DISABLE TRIGGER events_immutable'],
    ['drop the audit function', 'DROP FUNCTION refuse_audit_change() CASCADE'],
    ['alter a table', 'ALTER TABLE cases ADD COLUMN sneaky text'],
    ['drop a table', 'DROP TABLE notes'],
    ['truncate the audit trail', 'TRUNCATE events'],
    ['truncate a table', 'TRUNCATE notes CASCADE'],
    ['change an audit event', `UPDATE events SET data = '{}'`],
    ['delete an audit event', 'DELETE FROM events'],
    ['delete an account event', 'DELETE FROM account_events'],
    ['record a migration', `INSERT INTO schema_migrations (version, name) VALUES (9999, 'x')`],
    ['create a table', 'CREATE TABLE sneaky (id int)'],
  ])('refuses the runtime role to %s', async (_what, sql) => {
    // 42501 insufficient_privilege: "permission denied for …" or "must be owner of …".
    expect(await asRuntime(sql)).toBe('42501');
  });

  it('lets the runtime role read the audit trail and the migration record', async () => {
    expect(await asRuntime('SELECT count(*) FROM events')).toBe('ok');
    expect(await asRuntime('SELECT max(version) FROM schema_migrations')).toBe('ok');
  });

  it('grants row privileges on tables a later migration adds', async () => {
    await service!.close();
    service = null;
    await cp(MIGRATIONS, dir, { recursive: true });
    await writeFile(
      path.join(dir, '9990-later-table.sql'),
      'CREATE TABLE later_things (id integer PRIMARY KEY, label text);',
    );
    service = await start(dir);
    expect(await asRuntime(`INSERT INTO later_things VALUES (1, 'a')`)).toBe('ok');
    expect(await asRuntime(`UPDATE later_things SET label = 'b'`)).toBe('ok');
    expect(await asRuntime('DELETE FROM later_things')).toBe('ok');
    expect(await asRuntime('DROP TABLE later_things')).toBe('42501');
  });

  it('refuses to start when both URLs name the same role', async () => {
    const same = startService(
      loadConfig({
        DATABASE_URL: url(owner),
        DATABASE_MIGRATION_URL: url(owner),
        PORT: '0',
        CASEDESK_LOG_LEVEL: 'silent',
      }),
      { serveWorkspace: false },
    );
    await expect(same).rejects.toThrow(/same role/);
  });
});

/**
 * The move of an existing one-role install to two roles, step by step as
 * docs/operations.md gives it: the service ran with one role that owns everything, the
 * owner role is made, the database and everything in it is handed to it, and the service
 * starts again with the old role as its runtime role.
 */
describe.runIf(BASE)('moving a one-role install to two roles on postgres', () => {
  const run = randomBytes(5).toString('hex');
  const legacy = `casedesk_old_${run}`;
  const owner = `casedesk_owner_${run}`;
  const database = `casedesk_move_${run}`;
  const url = (role: string) => {
    const u = new URL(BASE!);
    u.username = role;
    u.password = `pw-${run}`;
    u.pathname = `/${database}`;
    return u.toString();
  };
  let admin: pg.Client;
  let service: RunningService | null = null;

  const start = (env: Record<string, string>) =>
    startService(
      loadConfig({
        ...env,
        PORT: '0',
        CASEDESK_INTAKE_KEY: INTAKE_KEY,
        CASEDESK_LOG_LEVEL: 'silent',
      }),
      { serveWorkspace: false },
    );
  const intake = async () => {
    const res = await service!.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': INTAKE_KEY },
      payload: escalation({ language: 'en' }),
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const as = async (role: string, sql: string): Promise<string> => {
    const c = new pg.Client({ connectionString: url(role) });
    await c.connect();
    try {
      await c.query(sql);
      return 'ok';
    } catch (err) {
      return (err as { code: string }).code;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`CREATE ROLE ${legacy} LOGIN PASSWORD 'pw-${run}'`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${legacy}`);
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const role of [legacy, owner]) await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('keeps the data, hands the schema to the owner and leaves the old role only rows', async () => {
    // Before: one role, which migrates and owns every table — and could switch the audit off.
    service = await start({ DATABASE_URL: url(legacy) });
    const before = await intake();
    await service.close();
    service = null;
    expect(await as(legacy, 'ALTER TABLE events DISABLE TRIGGER events_immutable')).toBe('ok');
    expect(await as(legacy, 'ALTER TABLE events ENABLE TRIGGER events_immutable')).toBe('ok');

    // The steps: create the owner, give it the database, reassign what the old role owns
    // (as a superuser, connected to that database).
    await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD 'pw-${run}'`);
    await admin.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
    const su = new URL(BASE!);
    su.pathname = `/${database}`;
    const superuser = new pg.Client({ connectionString: su.toString() });
    await superuser.connect();
    await superuser.query(`REASSIGN OWNED BY ${legacy} TO ${owner}`);
    await superuser.end();

    // After: the service starts with the old role as its runtime role.
    service = await start({ DATABASE_URL: url(legacy), DATABASE_MIGRATION_URL: url(owner) });
    const owners = new pg.Client({ connectionString: url(owner) });
    await owners.connect();
    const owned = await owners.query<{ tableowner: string }>(
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
    );
    await owners.end();
    expect(owned.rows.map((r) => r.tableowner)).toEqual([owner]);

    // The old role can no longer change the schema or the audit trail …
    expect(await as(legacy, 'ALTER TABLE events DISABLE TRIGGER events_immutable')).toBe('42501');
    expect(await as(legacy, 'ALTER TABLE cases ADD COLUMN sneaky text')).toBe('42501');
    expect(await as(legacy, 'DROP TABLE notes')).toBe('42501');
    expect(await as(legacy, 'CREATE TABLE sneaky (id int)')).toBe('42501');
    expect(await as(legacy, 'DELETE FROM events')).toBe('42501');
    // … but does its work: the case from before is there, and new ones come in.
    const after = await intake();
    const rows = await openPostgres(url(legacy), 1);
    const count = await rows.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])',
      [[before, after]],
    );
    await rows.close();
    expect(count.rows[0]!.n).toBe(2);
  });
});
