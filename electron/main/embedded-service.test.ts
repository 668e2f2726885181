import { fork } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedService, type ServiceChild } from './embedded-service';

/**
 * The bundle the desktop app ships, built from electron/service/case-service.ts by
 * `npm test` before the suites run. It starts in under a processor-second; the source
 * through tsx took about two more at every start, and this suite starts it four times.
 */
const BUNDLE = path.resolve('out/main/case-service.js');

/** Source files newer than the bundle: a suite run alone after an edit would test old code. */
function newerThanBundle(): string[] {
  const built = statSync(BUNDLE).mtimeMs;
  return ['electron/service', 'electron/main', 'server', 'shared'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
      .map((f) => path.join(dir, f))
      .filter((f) => statSync(f).mtimeMs > built),
  );
}

// Node's fork stands in for Electron's utilityProcess: the same entry file, the same
// messages, a real PGlite database on disk.
function forkService(
  dataDir: string,
  pids: number[],
  env: Record<string, string> = {},
): () => ServiceChild {
  return () => {
    const child = fork(BUNDLE, [`--migrations-dir=${path.resolve('server/db/migrations')}`], {
      execArgv: [],
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CASEDESK_DATA_DIR: dataDir,
        CASEDESK_SEED: 'demo',
        CASEDESK_LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    if (child.pid) pids.push(child.pid);
    return {
      onMessage: (l) => void child.on('message', l),
      onExit: (l) => void child.on('exit', (code) => l(code)),
      postMessage: (m) => void child.send(m as object),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function signInAndCount(url: string): Promise<number> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ana@demo.casedesk', password: 'casedesk-demo' }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${url}/api/v1/cases?limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { cases: unknown[] };
  return body.cases.length;
}

describe('the embedded case service', () => {
  const pids: number[] = [];
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
    const stale = newerThanBundle();
    if (stale.length) {
      throw new Error(`${BUNDLE} is older than ${stale[0]}: run npm run build first`);
    }
  });
  afterAll(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('starts from the bundle the desktop app ships with demo data, comes back after a crash with the same data, and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'casedesk-embedded-'));
    const urls: (string | null)[] = [];
    const service = createEmbeddedService({
      spawn: forkService(dataDir, pids),
      log,
      onUrlChange: (u) => urls.push(u),
    });
    const early = service.whenReady(120_000);
    const spawned = pids.length;
    const [url, joined] = await Promise.all([service.start(), service.start()]);
    expect(joined).toBe(url);
    expect(pids.length - spawned).toBe(1);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await early).toBe(url);
    const health = await fetch(`${url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const before = await signInAndCount(url);
    expect(before).toBeGreaterThan(0);

    process.kill(pids.at(-1)!, 'SIGKILL');
    await expect
      .poll(() => urls.length, { timeout: 60_000, interval: 200 })
      .toBeGreaterThanOrEqual(3);
    const again = service.url()!;
    expect(await signInAndCount(again)).toBe(before);
    expect(urls).toEqual([url, null, again]);

    await service.stop();
    expect(service.url()).toBeNull();
    await expect(fetch(`${again}/api/v1/health`)).rejects.toThrow();
  }, 120_000);

  it('reports a service that cannot start instead of waiting forever', async () => {
    const service = createEmbeddedService({
      spawn: forkService(await mkdtemp(path.join(tmpdir(), 'casedesk-bad-')), pids, {
        PORT: 'not-a-port',
      }),
      log,
    });
    await expect(service.start()).rejects.toThrow(/invalid configuration: PORT/);
  }, 60_000);
});
