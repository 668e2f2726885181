import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import { AUTH_POLICY } from '../services/auth';

describe.each(testDatabaseKinds())('auth on %s', (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService(kind);
  });
  afterAll(() => svc.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('signs in with the demo password and answers /me with the agent', async () => {
    const s = await svc.login('ana');
    expect(s.agent).toMatchObject({
      email: 'ana@demo.casedesk',
      roles: ['agent'],
      languages: ['de', 'en', 'nl'],
      refundLimit: { amount: 25000, currency: 'EUR' },
    });
    const me = await s.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(s.agent);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await login('nobody@demo.casedesk', 'casedesk-demo', '10.0.1.1');
    const wrong = await login('marco@demo.casedesk', 'not-the-password', '10.0.1.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('refuses requests without a token or with an unknown one', async () => {
    const none = await svc.app.inject({ method: 'GET', url: '/api/v1/me' });
    const bogus = await svc.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer nope' },
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthenticated');
    expect(bogus.json().error.code).toBe('unauthenticated');
  });

  it('stops a token from working after logout', async () => {
    const s = await svc.login('tom');
    const out = await s.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const me = await s.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
  });

  it('stores session tokens only as hashes and passwords only as scrypt hashes', async () => {
    const s = await svc.login('tess');
    const sessions = await svc.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(sessions.rows.some((r) => r.token_hash === s.token)).toBe(false);
    expect(sessions.rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const agents = await svc.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM agents',
    );
    expect(agents.rows.every((r) => r.password_hash.startsWith('scrypt$'))).toBe(true);
  });

  it('expires sessions', async () => {
    const s = await svc.login('lena');
    await svc.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    const me = await s.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
  });

  it('rate-limits failed logins per account, even with the right password afterwards', async () => {
    for (let i = 0; i < AUTH_POLICY.maxFailuresPerAccount; i++) {
      const r = await login('tess@demo.casedesk', 'wrong', `10.1.0.${i}`);
      expect(r.statusCode).toBe(401);
    }
    const limited = await login('tess@demo.casedesk', 'casedesk-demo', '10.1.0.0');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // Knowing an email must not be enough to lock its owner out: from an address with no
    // recent failures the right password still works.
    const owner = await login('tess@demo.casedesk', 'casedesk-demo', '10.1.1.1');
    expect(owner.statusCode).toBe(200);
  }, 120_000);

  it('rate-limits failed logins per address across accounts', async () => {
    for (let i = 0; i < AUTH_POLICY.maxFailuresPerAddress; i++) {
      await login(`ghost${i}@demo.casedesk`, 'wrong', '10.9.9.9');
    }
    const limited = await login('ana@demo.casedesk', 'casedesk-demo', '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    const elsewhere = await login('ana@demo.casedesk', 'casedesk-demo', '10.9.9.10');
    expect(elsewhere.statusCode).toBe(200);
  }, 120_000);

  it('validates the login body', async () => {
    const r = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation_failed');
    expect(r.json().error.details.fields[0].path).toBe('body.password');
  });
});
