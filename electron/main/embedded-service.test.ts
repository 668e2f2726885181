import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedService, type ServiceChild } from './embedded-service';

const ENTRY = path.resolve('electron/service/case-service.ts');

// Node's fork stands in for Electron's utilityProcess: the same entry file, the same
// messages, a real PGlite database on disk.
function forkService(
  dataDir: string,
  pids: number[],
  entry = ENTRY,
  execArgv = ['--import', 'tsx'],
): () => ServiceChild {
  return () => {
    const child = fork(entry, [`--migrations-dir=${path.resolve('server/db/migrations')}`], {
      execArgv,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CASEDESK_DATA_DIR: dataDir,
        CASEDESK_SEED: 'demo',
        CASEDESK_LOG_LEVEL: 'warn',
        DATABASE_URL: '',
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
  afterAll(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('starts with demo data, comes back after a crash with the same data, and stops cleanly', async () => {
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

  it('runs from the bundle the desktop app ships (out/main/case-service.js, built by npm test)', async () => {
    const bundle = path.resolve('out/main/case-service.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'casedesk-bundle-'));
    const service = createEmbeddedService({ spawn: forkService(dataDir, pids, bundle, []), log });
    const url = await service.start();
    expect(await signInAndCount(url)).toBeGreaterThan(0);
    await service.stop();
  }, 120_000);

  it('reports a service that cannot start instead of waiting forever', async () => {
    const service = createEmbeddedService({
      spawn: () => {
        const child = fork(ENTRY, [], {
          execArgv: ['--import', 'tsx'],
          env: { ...process.env, PORT: 'not-a-port' },
          stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        });
        return {
          onMessage: (l) => void child.on('message', l),
          onExit: (l) => void child.on('exit', (code) => l(code)),
          postMessage: (m) => void child.send(m as object),
          kill: () => void child.kill('SIGKILL'),
        };
      },
      log,
    });
    await expect(service.start()).rejects.toThrow(/invalid configuration: PORT/);
  }, 60_000);
});
