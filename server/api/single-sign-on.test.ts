import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../shared';
import { startTestOidcProvider, type TestOidcProvider } from '../testing/oidc-provider';
import { accountRequest, createAccount } from '../testing/accounts';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

// Requests reach the service on this origin; the provider knows its callback there.
const ORIGIN = 'http://desk.example';
const CALLBACK = `${ORIGIN}/api/v1/auth/oidc/callback`;
const APP = 'http://127.0.0.1:53123/done';

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

describe.each(testDatabaseKinds())(
  'single sign-on against a real OpenID provider on %s',
  (kind) => {
    let provider: TestOidcProvider;
    let svc: TestService;
    let admin: Session;

    beforeAll(async () => {
      provider = await startTestOidcProvider(CALLBACK);
      svc = await startTestService(kind, {
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
        },
      });
      admin = await createAccount(svc, { roles: ['admin'], languages: [] });
    }, 300_000);
    afterAll(async () => {
      await svc?.close();
      await provider?.close();
    });

    const get = (url: string) =>
      svc.app.inject({ method: 'GET', url, headers: { host: 'desk.example' } });
    const start = (redirectUri = APP) =>
      get(`/api/v1/auth/oidc/start?redirect_uri=${encodeURIComponent(redirectUri)}`);
    const exchange = (code: string) =>
      svc.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/exchange', payload: { code } });

    /** The whole browser round: start, the provider, the callback; where the app is sent. */
    async function signInThrough(
      user: Parameters<TestOidcProvider['signInAs']>[0],
      redirectUri = APP,
    ): Promise<URL> {
      const started = await start(redirectUri);
      expect(started.statusCode, started.body).toBe(302);
      provider.signInAs(user);
      const back = await provider.authorize(started.headers.location as string);
      expect(back.origin + back.pathname).toBe(CALLBACK);
      const done = await get(back.pathname + back.search);
      expect(done.statusCode, done.body).toBe(302);
      return new URL(done.headers.location as string);
    }

    const newAgent = async (active = true) => {
      const req = accountRequest();
      const res = await admin.post('/api/v1/agents', req);
      const { agent } = res.json<{ agent: Agent }>();
      if (!active) await admin.post(`/api/v1/agents/${agent.id}/deactivate`, {});
      return agent;
    };

    it('says in health that single sign-on is offered', async () => {
      expect((await get('/api/v1/health')).json()).toMatchObject({ sso: true });
    });

    it('signs an active agent in: PKCE and state to the provider, a one-time code back, a session for it', async () => {
      const started = await start();
      const auth = new URL(started.headers.location as string);
      expect(auth.origin).toBe(provider.issuer);
      expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
      expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(auth.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
      expect(auth.searchParams.get('redirect_uri')).toBe(CALLBACK);

      const agent = await newAgent();
      const back = await signInThrough({
        sub: 'idp-1',
        email: agent.email.toUpperCase(),
        emailVerified: true,
      });
      expect(back.origin + back.pathname).toBe(APP);
      const code = back.searchParams.get('code')!;
      expect(code).toMatch(/^[\w-]{43}$/);
      const res = await exchange(code);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ token: string; agent: Agent }>();
      expect(body.agent).toMatchObject({ id: agent.id, email: agent.email });
      const me = await svc.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${body.token}` },
      });
      expect(me.json()).toMatchObject({ id: agent.id });

      // The code works once.
      const again = await exchange(code);
      expect(again.statusCode).toBe(401);
      expect(codeOf(again)).toBe('invalid_credentials');
    });

    it('returns to the service’s own origin too, and refuses any other redirect_uri', async () => {
      expect((await start(`${ORIGIN}/?sso=done`)).statusCode).toBe(302);
      expect((await start('http://[::1]:4000/cb')).statusCode).toBe(302);
      for (const foreign of [
        'https://evil.example/cb',
        'http://localhost:4000/cb',
        'http://127.0.0.1.evil.example/cb',
        'https://127.0.0.1:4000/cb',
        'http://user@127.0.0.1:4000/cb',
        'https://desk.example/cb',
        `${ORIGIN}/#/with-a-fragment`,
        'javascript:alert(1)',
        'not a url',
      ]) {
        const res = await start(foreign);
        expect(res.statusCode, foreign).toBe(400);
        expect(codeOf(res)).toBe('validation_failed');
      }
      const before = await svc.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM oidc_logins',
      );
      await start('https://evil.example/cb');
      const after = await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM oidc_logins');
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    });

    it('refuses a callback with an unknown state, and a state used once already', async () => {
      const bogus = await get('/api/v1/auth/oidc/callback?state=made-up&code=abc');
      expect(bogus.statusCode).toBe(400);
      expect(codeOf(bogus)).toBe('validation_failed');
      expect((await get('/api/v1/auth/oidc/callback?code=abc')).statusCode).toBe(400);

      const agent = await newAgent();
      const started = await start();
      provider.signInAs({ sub: 'idp-2', email: agent.email, emailVerified: true });
      const back = await provider.authorize(started.headers.location as string);
      expect((await get(back.pathname + back.search)).statusCode).toBe(302);
      const replay = await get(back.pathname + back.search);
      expect(replay.statusCode).toBe(400);
    });

    it('refuses an email the provider has not verified', async () => {
      const agent = await newAgent();
      const back = await signInThrough({ sub: 'idp-3', email: agent.email, emailVerified: false });
      expect(back.searchParams.get('error')).toBe('access_denied');
      expect(back.searchParams.has('code')).toBe(false);
    });

    it('refuses an email without an account, and a deactivated account', async () => {
      const unknown = await signInThrough({
        sub: 'idp-4',
        email: 'nobody@elsewhere.example',
        emailVerified: true,
      });
      expect(unknown.searchParams.get('error')).toBe('access_denied');
      const gone = await newAgent(false);
      const refused = await signInThrough({ sub: 'idp-5', email: gone.email, emailVerified: true });
      expect(refused.searchParams.get('error')).toBe('access_denied');
      const codes = await svc.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM oidc_codes WHERE agent_id = $1',
        [gone.id],
      );
      expect(codes.rows[0]!.n).toBe(0);
    });

    it('sends the app back with an error when the person cancels at the provider', async () => {
      const back = await signInThrough('cancel');
      expect(back.searchParams.get('error')).toBe('access_denied');
    });

    it('refuses a code after 60 seconds, and one whose agent was deactivated meanwhile', async () => {
      const agent = await newAgent();
      const first = await signInThrough({ sub: 'idp-6', email: agent.email, emailVerified: true });
      await svc.db.query(
        `UPDATE oidc_codes SET expires_at = now() - interval '1 second' WHERE agent_id = $1`,
        [agent.id],
      );
      expect((await exchange(first.searchParams.get('code')!)).statusCode).toBe(401);

      const second = await signInThrough({ sub: 'idp-6', email: agent.email, emailVerified: true });
      await admin.post(`/api/v1/agents/${agent.id}/deactivate`, {});
      const res = await exchange(second.searchParams.get('code')!);
      expect(res.statusCode).toBe(401);
      expect((await exchange('never-issued')).statusCode).toBe(401);
    });
  },
);

describe('single sign-on while the provider is down', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('pglite', {
      // Nothing listens there: discovery fails.
      oidc: { issuer: 'http://127.0.0.1:9/', clientId: 'casedesk', clientSecret: 'secret' },
    });
  }, 120_000);
  afterAll(() => svc?.close());

  it('sends the app back with temporarily_unavailable instead of failing', async () => {
    const res = await svc.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/start?redirect_uri=${encodeURIComponent(APP)}`,
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${APP}?error=temporarily_unavailable`);
    const foreign = await svc.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/start?redirect_uri=https%3A%2F%2Fevil.example%2F',
    });
    expect(foreign.statusCode).toBe(400);
  });
});

describe('single sign-on when not configured', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('pglite');
  }, 120_000);
  afterAll(() => svc?.close());

  it('is not offered: health says so and the endpoints answer 404', async () => {
    expect((await svc.app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({
      status: 'ok',
      version: expect.any(String),
      database: 'pglite',
    });
    const start = await svc.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/start?redirect_uri=http%3A%2F%2F127.0.0.1%3A4000%2F',
    });
    expect(start.statusCode).toBe(404);
    const exchange = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/oidc/exchange',
      payload: { code: 'x' },
    });
    expect(exchange.statusCode).toBe(404);
  });
});
