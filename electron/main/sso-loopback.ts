import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SsoOutcome = { code: string } | { error: string };

const PAGE = (text: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Casedesk</title>` +
  `<body style="font-family:system-ui;margin:4rem auto;max-width:32rem"><h1>Casedesk</h1>` +
  `<p>${text}</p></body></html>`;

/**
 * Single sign-on for a native app (RFC 8252): the system browser — never an embedded web
 * view — goes through the service to the provider and back to a one-off address on this
 * computer's loopback interface, where the service hands over a one-time code. The address
 * has an unguessable path and takes one answer; the code is exchanged by the workspace.
 */
export async function signInOnLoopback(
  serviceUrl: string,
  openBrowser: (url: string) => Promise<void>,
  timeoutMs = 5 * 60_000,
): Promise<SsoOutcome> {
  const path = `/casedesk-sso/${randomBytes(16).toString('hex')}`;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${path}`;

  const outcome = new Promise<SsoOutcome>((resolve) => {
    const timer = setTimeout(
      () => resolve({ error: 'Single sign-on was not finished in time. Try again.' }),
      timeoutMs,
    );
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (req.method !== 'GET' || url.pathname !== path) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const code = url.searchParams.get('code');
      const error = url.searchParams.get('error') ?? 'access_denied';
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(
          PAGE(
            code
              ? 'You are signed in. Close this tab and return to Casedesk.'
              : 'Single sign-on did not sign you in. Return to Casedesk to see why.',
          ),
        );
      clearTimeout(timer);
      resolve(code ? { code } : { error });
    });
  });

  try {
    const start = new URL('/api/v1/auth/oidc/start', serviceUrl);
    start.searchParams.set('redirect_uri', redirectUri);
    await openBrowser(start.href);
    return await outcome;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
