import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config';

interface Started {
  url: string;
  stop: () => Promise<void>;
}

// A test that times out leaves its process running; the suite's end stops whatever is left.
const children = new Set<ChildProcess>();

/** Runs `npm run server` as it runs for a person: a real process, configured by environment. */
function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, CASEDESK_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const started = new Promise<Started>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /"address":"(http:\/\/[^"]+)"/.exec(stdout);
      if (m?.[1]) {
        resolve({
          url: m[1],
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  // Only the runs that should start await this; the others must not leave it unhandled.
  started.catch(() => undefined);
  return { exited, started, output: () => ({ stdout, stderr }) };
}

describe('the case service process', () => {
  const dirs: string[] = [];
  const dataDir = async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'casedesk-proc-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  // Each process costs about two processor-seconds of tsx start-up: the process is run for
  // a reason found in the configuration and for one found only when opening the database;
  // the other configuration reasons are checked in this process, through the same function.
  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, /cannot open the database/],
  ])('stops on a bad configuration %j with a one-line reason', async (env, reason) => {
    const p = run({ ...env });
    expect(await p.exited).toBe(1);
    const { stderr } = p.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/casedesk' }, /DATABASE_URL.*postgres/],
    [{ CASEDESK_SEED: 'lots' }, /CASEDESK_SEED/],
  ])('refuses the configuration %j with a reason on one line', (env, reason) => {
    let refusal: unknown = null;
    try {
      loadConfig({ ...process.env, ...env });
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as Error).message).toMatch(reason);
    expect((refusal as Error).message).not.toContain('\n');
  });

  it('starts with demo data on an empty embedded database, and keeps it on restart', async () => {
    const dir = await dataDir();
    const env = { PORT: '0', CASEDESK_DATA_DIR: dir, CASEDESK_SEED: 'demo' };
    const first = await run(env).started;
    const health = await (await fetch(`${first.url}/api/v1/health`)).json();
    expect(health).toEqual({ status: 'ok', version: expect.any(String), database: 'pglite' });
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lena@demo.casedesk', password: 'casedesk-demo' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const count = async (url: string) => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const res = await fetch(
          `${url}/api/v1/cases?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        const page = (await res.json()) as { cases: unknown[]; cursor: string | null };
        n += page.cases.length;
        cursor = page.cursor;
      } while (cursor);
      return n;
    };
    const before = await count(first.url);
    expect(before).toBeGreaterThanOrEqual(300);
    await first.stop();

    const second = await run(env).started;
    expect(await count(second.url)).toBe(before);
    await second.stop();
  }, 120_000);
});
