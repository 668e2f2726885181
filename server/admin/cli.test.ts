import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { openPglite } from '../db/pglite-database';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-databases';
import { STRONG_PASSWORD } from '../testing/accounts';
import { runAdminCli } from './admin-cli';

// Each run opens the database (and a process starts tsx): seconds on an idle machine, far
// more on a busy one.
const RUN_TIMEOUT = 300_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command line run as `npm run admin` runs it, in this process: stdout and stderr as text. */
async function adminIn(env: Record<string, string>, args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runAdminCli(
    args,
    { ...process.env, ...env },
    { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) },
  );
  return { code, stdout, stderr };
}

/** The command as a person runs it: a real process, configured by the environment. */
function adminProcess(env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/admin/cli.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tokenLine = (stdout: string) =>
  stdout.split('\n').find((l) => /^[A-Za-z0-9_-]{40,}$/.test(l));

describe.each(testDatabaseKinds())('npm run admin on %s', (kind) => {
  let env: Record<string, string>;
  let open: () => Promise<{ db: Database; done: () => Promise<void> }>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'pglite') {
      const dir = await mkdtemp(path.join(tmpdir(), 'casedesk-admin-'));
      env = { CASEDESK_DATA_DIR: dir, DATABASE_URL: '' };
      // The embedded database has one user at a time: opened only between runs.
      open = async () => {
        const db = await openPglite(dir);
        return { db, done: () => db.close() };
      };
      cleanup = () => rm(dir, { recursive: true, force: true });
    } else {
      const t = await openTestDatabase('postgres');
      env = { DATABASE_URL: t.url! };
      open = async () => ({ db: t.db, done: async () => undefined });
      cleanup = t.drop;
    }
  }, 120_000);
  afterAll(() => cleanup?.());

  const admin = (...args: string[]) => adminIn(env, args);

  it(
    'creates the first admin and prints an invitation token on a line of its own that signs them in',
    async () => {
      const run = await admin(
        'create',
        '--email',
        'first@team.example',
        '--name',
        'First Admin',
        '--roles',
        'admin',
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const token = tokenLine(run.stdout);
      expect(token).toBeDefined();

      const { db, done } = await open();
      try {
        const app = buildApp({ db, intakeKey: null });
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/accept-invitation',
          payload: { token, password: STRONG_PASSWORD },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().agent).toMatchObject({ email: 'first@team.example', roles: ['admin'] });
        const events = await db.query<{ type: string; actor_id: string | null }>(
          'SELECT type, actor_id FROM account_events ORDER BY seq',
        );
        expect(events.rows[0]).toEqual({ type: 'agent.created', actor_id: null });
        await app.close();
      } finally {
        await done();
      }
    },
    RUN_TIMEOUT,
  );

  it(
    'lists accounts, and refuses with exit code 1 and a reason: a taken email, the last admin, an unknown email',
    async () => {
      const listed = await admin('list');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/first@team\.example\tFirst Admin\tadmin\t-\tyes\t/);

      const taken = await admin(
        'create',
        '--email',
        'FIRST@team.example',
        '--name',
        'X',
        '--roles',
        'lead',
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(/already exists/);

      const last = await admin('deactivate', '--email', 'first@team.example');
      expect(last.code).toBe(1);
      expect(last.stderr).toMatch(/last active admin/);

      const unknown = await admin('deactivate', '--email', 'nobody@team.example');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/No account has the email nobody@team\.example/);
    },
    RUN_TIMEOUT,
  );

  it(
    'answers a wrong command line with exit code 2 and the usage',
    async () => {
      const bad = await admin(
        'create',
        '--email',
        'x@team.example',
        '--name',
        'X',
        '--roles',
        'boss',
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--roles: .*one or more of agent, trust_safety, lead, admin/);
      expect(bad.stderr).toMatch(/usage: npm run admin/);
      const none = await admin('promote');
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/unknown command "promote"/);
    },
    RUN_TIMEOUT,
  );

  // A process costs about two processor-seconds of tsx start-up more than a run in this
  // process, so the outcomes above are checked in this process, and the process itself once
  // for what only it can show: stdout with exit code 0, the usage on stderr with exit code 2.
  // Which database it opens changes nothing there.
  if (kind === 'pglite') {
    it(
      'as a process, prints on stdout and exits with 0, and answers a wrong command line on stderr with exit code 2',
      async () => {
        const listed = await adminProcess(env, ['list']);
        expect(listed.stderr).toBe('');
        expect(listed.code).toBe(0);
        expect(listed.stdout).toMatch(/first@team\.example\tFirst Admin\tadmin\t-\tyes\t/);

        const bad = await adminProcess(env, ['promote']);
        expect(bad.code).toBe(2);
        expect(bad.stdout).toBe('');
        expect(bad.stderr).toMatch(/unknown command "promote"/);
        expect(bad.stderr).toMatch(/usage: npm run admin/);
      },
      RUN_TIMEOUT,
    );
  }
});
