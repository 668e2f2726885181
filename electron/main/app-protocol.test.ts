import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, type WebRootFiles } from './app-protocol';

/**
 * net.fetch as Electron's protocol handler sees it: only the init's signal ends the
 * request; cancelling the body it returned does not (here: the stand-in ignores it).
 */
const electronLikeFetch = async (url: string, init: RequestInit): Promise<Response> => {
  const answer = await fetch(url, init);
  const reader = answer.body?.getReader();
  const body =
    reader &&
    new ReadableStream<Uint8Array>({
      async pull(c) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) c.close();
        else c.enqueue(value);
      },
      cancel() {
        // Electron keeps the request open until its signal fires.
      },
    });
  return new Response(body ?? null, { status: answer.status, headers: answer.headers });
};

/** The request Electron hands a protocol handler: its signal never fires. */
const electronLikeRequest = (url: string): Request => {
  const real = new Request(url);
  return {
    url: real.url,
    method: real.method,
    headers: real.headers,
    arrayBuffer: () => real.arrayBuffer(),
    signal: new AbortController().signal,
  } as unknown as Request;
};

/** A Windows disk: C:\casedesk\renderer is the web root, with a secret beside it. */
function windowsDisk(): WebRootFiles {
  const disk = new Map<string, string>([
    ['c:\\casedesk\\renderer\\index.html', '<!doctype html><title>Casedesk</title>'],
    ['c:\\casedesk\\secret.txt', 'outside the web root'],
    ['c:\\windows\\win.ini', 'outside the web root'],
  ]);
  // NTFS is case-insensitive; the map is keyed in lower case.
  const get = (f: string) => disk.get(path.win32.normalize(f).toLowerCase());
  return {
    path: path.win32,
    stat: async (f) => {
      if (get(f) === undefined) throw new Error(`ENOENT ${f}`);
      return { isFile: () => true };
    },
    readFile: async (f) => new TextEncoder().encode(get(f)),
  };
}

describe('the app:// protocol', () => {
  let webRoot: string;
  const api = Fastify();
  let backend: string | null = null;
  let streamOpen = false;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'casedesk-protocol-'));
    webRoot = path.join(dir, 'renderer');
    await mkdir(path.join(webRoot, 'assets'), { recursive: true });
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Casedesk</title>');
    await writeFile(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the web root');
    api.get('/api/v1/sync/stream', (req, reply) => {
      streamOpen = true;
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => reply.raw.write(': keep-alive\n\n'), 20);
      req.raw.on('close', () => {
        clearInterval(timer);
        streamOpen = false;
      });
    });
    api.get('/api/v1/compressed', (_req, reply) => {
      // As a compressing proxy answers: gzip on the wire, with its length.
      const body = gzipSync(JSON.stringify({ cases: ['CD-1'] }));
      void reply
        .header('content-type', 'application/json')
        .header('content-encoding', 'gzip')
        .header('content-length', String(body.length))
        .header('connection', 'keep-alive')
        .header('keep-alive', 'timeout=5')
        .send(body);
    });
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

  it('never serves a file outside the workspace on Windows, where \\ separates too', async () => {
    const h = createAppProtocolHandler({
      webRoot: 'C:\\casedesk\\renderer',
      backend: () => null,
      fetch,
      files: windowsDisk(),
    });
    expect(await (await h(new Request('app://casedesk/case/CD-1'))).text()).toContain('Casedesk');
    for (const p of [
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/..%5c..%5cwindows%5cwin.ini',
      '/C:%5cwindows%5cwin.ini',
    ]) {
      const res = await h(new Request(`app://casedesk${p}`));
      expect(await res.text(), p).not.toContain('outside the web root');
    }
  });

  it('ends the request to the service when the renderer stops reading, though Electron gives no abort signal', async () => {
    const h = createAppProtocolHandler({
      webRoot,
      backend: () => backend,
      fetch: electronLikeFetch,
    });
    const res = await h(electronLikeRequest('app://casedesk/api/v1/sync/stream'));
    const reader = res.body!.getReader();
    await reader.read();
    expect(streamOpen).toBe(true);
    await reader.cancel();
    await expect.poll(() => streamOpen, { timeout: 5_000 }).toBe(false);
  });

  it('passes on a compressed answer decoded, without the encoding and connection headers', async () => {
    const res = await handler()(new Request('app://casedesk/api/v1/compressed'));
    expect(res.status).toBe(200);
    for (const h of ['content-encoding', 'content-length', 'connection', 'keep-alive']) {
      expect(res.headers.get(h), h).toBeNull();
    }
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ cases: ['CD-1'] });
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
