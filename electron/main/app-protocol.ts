import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { WORKSPACE_CSP } from '../../shared/workspace-csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy': WORKSPACE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

// Headers the browser side sets that must not reach the case service as they came.
const HOP_HEADERS = ['host', 'origin', 'referer', 'connection', 'cookie'];

export interface AppProtocolOptions {
  /** The built workspace (out/renderer). */
  webRoot: string;
  /**
   * The case service's origin, or null while it is not up. It may be a promise: while the
   * embedded service is still starting, API calls wait for it instead of failing.
   */
  backend: () => string | null | Promise<string | null>;
  /** net.fetch in the app: it honours the system's proxy settings. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/**
 * The app:// protocol: the workspace's files, and `/api/*` forwarded to the case service
 * (embedded or the team's). The workspace thus always talks to its own origin, exactly as
 * in a browser: one CSP (`connect-src 'self'`), no CORS, and the server can change without
 * the renderer knowing. An unreachable service is a network error, as it would be on the web.
 */
export function createAppProtocolHandler(opts: AppProtocolOptions) {
  const root = path.resolve(opts.webRoot);
  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) return forward(request, url);
    return serveFile(url.pathname);
  };

  async function forward(request: Request, url: URL): Promise<Response> {
    const backend = await opts.backend();
    if (!backend) return Response.error();
    const headers = new Headers(request.headers);
    for (const h of HOP_HEADERS) headers.delete(h);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    try {
      return await opts.fetch(`${backend}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
        redirect: 'manual',
        signal: request.signal,
      });
    } catch {
      return Response.error();
    }
  }

  async function serveFile(pathname: string): Promise<Response> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return new Response('Not found', { status: 404 });
    }
    const isAsset = path.extname(file) !== '';
    const target = isAsset ? file : path.join(root, 'index.html');
    try {
      const info = await stat(target);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(target);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
          ...SECURITY_HEADERS,
        },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  }
}
