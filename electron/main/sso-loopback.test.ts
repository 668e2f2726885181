import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../shared';
import { createAccount, accountRequest } from '../../server/testing/accounts';
import { startTestOidcProvider, type TestOidcProvider } from '../../server/testing/oidc-provider';
import { startTestService, type TestService } from '../../server/testing/test-service';
import { signInOnLoopback } from './sso-loopback';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** The system browser: follows the service's and the provider's redirects, lands on the loopback. */
const browserFor = (provider: TestOidcProvider) => async (url: string) => {
  const started = await fetch(url, { redirect: 'manual' });
  const back = await provider.authorize(started.headers.get('location')!);
  const done = await fetch(back, { redirect: 'manual' });
  const landed = await fetch(done.headers.get('location')!);
  expect(await landed.text()).toContain('Casedesk');
};

describe('single sign-on of the desktop app on a loopback address (RFC 8252)', () => {
  let provider: TestOidcProvider;
  let svc: TestService;
  let serviceUrl: string;
  let agent: Agent;

  beforeAll(async () => {
    const port = await freePort();
    serviceUrl = `http://127.0.0.1:${port}`;
    provider = await startTestOidcProvider(`${serviceUrl}/api/v1/auth/oidc/callback`);
    svc = await startTestService('pglite', {
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
      },
    });
    await svc.app.listen({ port, host: '127.0.0.1' });
    const admin = await createAccount(svc, { roles: ['admin'], languages: [] });
    agent = (await admin.post('/api/v1/agents', accountRequest())).json<{ agent: Agent }>().agent;
  }, 120_000);
  afterAll(async () => {
    await svc?.close();
    await provider?.close();
  });

  it('receives the one-time code on 127.0.0.1 from the system browser, and it signs the agent in', async () => {
    provider.signInAs({ sub: 'desk-1', email: agent.email, emailVerified: true });
    const outcome = await signInOnLoopback(serviceUrl, browserFor(provider));
    expect(outcome).toEqual({ code: expect.stringMatching(/^[\w-]{43}$/) });
    const res = await fetch(`${serviceUrl}/api/v1/auth/oidc/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: (outcome as { code: string }).code }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { agent: Agent }).agent.id).toBe(agent.id);
  });

  it('tells the app when the provider’s person is refused', async () => {
    provider.signInAs({ sub: 'desk-2', email: 'stranger@elsewhere.example', emailVerified: true });
    expect(await signInOnLoopback(serviceUrl, browserFor(provider))).toEqual({
      error: 'access_denied',
    });
  });

  it('gives up when nobody finishes the sign-in, and closes its address', async () => {
    let opened = '';
    const outcome = await signInOnLoopback(
      serviceUrl,
      async (url) => {
        opened = url;
      },
      200,
    );
    expect(outcome).toEqual({ error: expect.stringContaining('not finished in time') });
    const redirect = new URL(new URL(opened).searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    await expect(fetch(redirect)).rejects.toThrow();
  });
});
