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

// Headers of the service's answer that describe one connection, not the content (RFC 9110
// §7.6.1), and the encoding: net.fetch has already decoded the body, so a proxy's
// `content-encoding: gzip` (and its compressed length) would make the renderer decode it
// again and fail.
const RESPONSE_HEADERS_DROPPED = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-encoding',
  'content-length',
];
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

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
  /** The file system and its path rules; tests pass Windows' (`path.win32`) to check those too. */
  files?: WebRootFiles;
}

export interface WebRootFiles {
  path: path.PlatformPath;
  stat(file: string): Promise<{ isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

const nodeFiles: WebRootFiles = { path, stat, readFile };

/**
 * The app:// protocol: the workspace's files, and `/api/*` forwarded to the case service
 * (embedded or the team's). The workspace thus always talks to its own origin, exactly as
 * in a browser: one CSP (`connect-src 'self'`), no CORS, and the server can change without
 * the renderer knowing. An unreachable service is a network error, as it would be on the web.
 */
export function createAppProtocolHandler(opts: AppProtocolOptions) {
  const files = opts.files ?? nodeFiles;
  const fsPath = files.path;
  const root = fsPath.resolve(opts.webRoot);
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
    // Electron hands the handler a request whose signal never fires: the renderer giving up
    // (a timeout, an EventSource reconnecting) shows here only as the body being cancelled.
    const upstream = new AbortController();
    request.signal?.addEventListener('abort', () => upstream.abort(), { once: true });
    let answer: Response;
    try {
      answer = await opts.fetch(`${backend}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
        redirect: 'manual',
        signal: upstream.signal,
      });
    } catch {
      return Response.error();
    }
    // Outside what a Response can be built with (an opaque redirect): pass it on as it is.
    if (answer.status < 200 || answer.status > 599) return answer;
    const answerHeaders = new Headers(answer.headers);
    for (const h of RESPONSE_HEADERS_DROPPED) answerHeaders.delete(h);
    const body =
      answer.body && !NULL_BODY_STATUSES.has(answer.status)
        ? cancelling(answer.body, upstream)
        : null;
    return new Response(body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answerHeaders,
    });
  }

  /** The service's body as a stream whose cancellation aborts the upstream request. */
  function cancelling(
    source: ReadableStream<Uint8Array>,
    upstream: AbortController,
  ): ReadableStream<Uint8Array> {
    const reader = source.getReader();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (err) {
          controller.error(err);
        }
      },
      cancel(reason) {
        upstream.abort();
        return reader.cancel(reason).catch(() => undefined);
      },
    });
  }

  async function serveFile(pathname: string): Promise<Response> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    // posix.normalize folds `/../` but leaves `\`, a separator on Windows: the containment
    // check below is what keeps `..\` inside the web root there.
    const file = fsPath.resolve(root, `.${path.posix.normalize(decoded)}`);
    if (file !== root && !file.startsWith(root + fsPath.sep)) {
      return new Response('Not found', { status: 404 });
    }
    const isAsset = fsPath.extname(file) !== '';
    const target = isAsset ? file : fsPath.join(root, 'index.html');
    try {
      const info = await files.stat(target);
      if (!info.isFile()) throw new Error('not a file');
      const body = await files.readFile(target);
      return new Response(body as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          'content-type': CONTENT_TYPES[fsPath.extname(target)] ?? 'application/octet-stream',
          ...SECURITY_HEADERS,
        },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  }
}
