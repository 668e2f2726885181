import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';

describe('the app:// protocol', () => {
  let webRoot: string;
  const api = Fastify();
  let backend: string | null = null;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'casedesk-protocol-'));
    webRoot = path.join(dir, 'renderer');
    await mkdir(path.join(webRoot, 'assets'), { recursive: true });
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Casedesk</title>');
    await writeFile(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the web root');
    api.post('/api/v1/echo', async (req) => ({
      body: req.body,
      auth: req.headers.authorization ?? null,
      origin: req.headers.origin ?? null,
      q: (req.query as Record<string, string>).q ?? null,
    }));
    backend = await api.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => api.close());

  const handler = () =>
    createAppProtocolHandler({ webRoot, backend: () => backend, fetch: (u, i) => fetch(u, i) });

  it('serves the workspace files with the workspace CSP', async () => {
    const res = await handler()(new Request('app://casedesk/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with index.html and missing assets with 404', async () => {
    const route = await handler()(new Request('app://casedesk/case/CD-100001'));
    expect(await route.text()).toContain('<title>Casedesk</title>');
    const missing = await handler()(new Request('app://casedesk/assets/nope.js'));
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside the workspace', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await handler()(new Request(`app://casedesk${p}`));
      expect(await res.text(), p).not.toContain('outside the web root');
    }
  });

  it('forwards API calls to the case service with body, query and token, not the origin', async () => {
    const res = await handler()(
      new Request('app://casedesk/api/v1/echo?q=refund', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer t0k3n',
          origin: 'app://casedesk',
        },
        body: JSON.stringify({ note: 'hello' }),
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      body: { note: 'hello' },
      auth: 'Bearer t0k3n',
      origin: null,
      q: 'refund',
    });
  });

  it('lets an API call wait for a service that is still starting', async () => {
    let ready: (url: string) => void = () => undefined;
    const starting = new Promise<string>((r) => (ready = r));
    const h = createAppProtocolHandler({
      webRoot,
      backend: () => starting,
      fetch: (u, i) => fetch(u, i),
    });
    const call = h(
      new Request('app://casedesk/api/v1/echo', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    setTimeout(() => ready(backend!), 50);
    expect((await call).status).toBe(200);
  });

  it('turns an absent or unreachable service into a network error, as a browser would see it', async () => {
    const down = createAppProtocolHandler({ webRoot, backend: () => null, fetch });
    expect((await down(new Request('app://casedesk/api/v1/health'))).type).toBe('error');
    const gone = createAppProtocolHandler({
      webRoot,
      backend: () => 'http://127.0.0.1:1',
      fetch: (u, i) => fetch(u, i),
    });
    expect((await gone(new Request('app://casedesk/api/v1/health'))).type).toBe('error');
  });
});
