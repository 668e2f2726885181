import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/accounts';
import { LOGIN_LIMITS, sweepLoginFailures } from '../services/login-limits';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type TestService } from '../testing/test-service';

/**
 * The login limits over real HTTP, with requests really sent at once. The service trusts
 * X-Forwarded-For from loopback here (CASEDESK_TRUST_PROXY=127.0.0.1), so one test
 * process can speak for many addresses.
 */
describe.each(testDatabaseKinds())('login limits on %s', (kind) => {
  let svc: TestService;
  let base: string;
  beforeAll(async () => {
    svc = await startTestService(kind, { trustProxy: ['127.0.0.1'] });
    base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => svc.close());

  const login = async (email: string, password: string, address: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { error?: { code: string } };
    return { status: res.status, code: body.error?.code };
  };
  const statuses = (results: { status: number }[]) => {
    const counts: Record<number, number> = {};
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  };
  const failuresOf = async (email: string) =>
    (
      await svc.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM login_failures WHERE email = $1',
        [email],
      )
    ).rows[0]!.n;

  it('checks only the account limit of 200 wrong passwords for one account sent at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () => login('tess@demo.casedesk', 'guess', '10.20.0.1')),
    );
    expect(statuses(results)).toEqual({
      401: LOGIN_LIMITS.perAccount,
      429: 200 - LOGIN_LIMITS.perAccount,
    });
    expect(results.filter((r) => r.status === 429).every((r) => r.code === 'rate_limited')).toBe(
      true,
    );
    expect(await failuresOf('tess@demo.casedesk')).toBe(LOGIN_LIMITS.perAccount);
  }, 60_000);

  const fail = (email: string, address: string, at = new Date()) =>
    svc.db.query('INSERT INTO login_failures (email, address, at) VALUES ($1, $2, $3)', [
      email,
      address,
      at,
    ]);

  it('checks only what is left of the address limit of 200 wrong passwords sent at once', async () => {
    // 45 failures already (written directly: checking 50 passwords costs seconds of scrypt).
    for (let i = 0; i < LOGIN_LIMITS.perAddress - 5; i++)
      await fail(`x${i}@demo.casedesk`, '10.20.0.2');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login(`nobody${i}@demo.casedesk`, 'guess', '10.20.0.2'),
      ),
    );
    expect(statuses(results)).toEqual({ 401: 5, 429: 195 });
  }, 60_000);

  it('checks at most one guess per fresh address once an account is over its limit', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      await fail('tom@demo.casedesk', `10.21.1.${i}`);
    // 10 fresh addresses, 20 guesses each, all at once: one from each at most.
    const addresses = Array.from({ length: 10 }, (_, i) => `10.21.0.${i}`);
    const results = await Promise.all(
      addresses.flatMap((a) =>
        Array.from({ length: 20 }, () => login('tom@demo.casedesk', 'guess', a)),
      ),
    );
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(addresses.length);
  }, 60_000);

  it('lets the owner in from an address with no recent failures while others lock the account', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await login('marco@demo.casedesk', 'guess', `10.22.0.${i}`)).status).toBe(401);
    }
    // The guessers' addresses stay locked out of it, even with the right password …
    expect(await login('marco@demo.casedesk', DEMO_PASSWORD, '10.22.0.3')).toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
    // … the owner, elsewhere, signs in …
    expect((await login('marco@demo.casedesk', DEMO_PASSWORD, '10.22.1.1')).status).toBe(200);
    // … and the account's failures still count for everyone else.
    expect(await failuresOf('marco@demo.casedesk')).toBe(LOGIN_LIMITS.perAccount);
    // A fresh address gets one guess; after a wrong one it is locked out too.
    expect((await login('marco@demo.casedesk', 'guess', '10.22.2.2')).status).toBe(401);
    expect((await login('marco@demo.casedesk', DEMO_PASSWORD, '10.22.2.2')).status).toBe(429);
  }, 60_000);

  it('counts by the address a trusted proxy forwards', async () => {
    expect((await login('ghost@demo.casedesk', 'guess', '10.24.0.1')).status).toBe(401);
    const rows = await svc.db.query<{ address: string }>(
      `SELECT address FROM login_failures WHERE email = 'ghost@demo.casedesk'`,
    );
    expect(rows.rows.map((r) => r.address)).toEqual(['10.24.0.1']);
  });

  it('forgets failures once their window has passed', async () => {
    const old = new Date(Date.now() - (LOGIN_LIMITS.windowMinutes + 1) * 60_000);
    for (let i = 0; i < 30; i++) await fail(`old${i}@demo.casedesk`, `10.23.0.${i}`, old);
    await fail('lena@demo.casedesk', '10.23.1.1', old);
    // A sign-in drops the stale rows of its own email and address at once …
    expect((await login('lena@demo.casedesk', DEMO_PASSWORD, '10.23.1.2')).status).toBe(200);
    expect(await failuresOf('lena@demo.casedesk')).toBe(0);
    // … and the sweep drops everyone's, leaving the recent ones.
    const swept = await sweepLoginFailures(svc.db);
    expect(swept).toBe(30);
    const left = await svc.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM login_failures WHERE at <= $1',
      [new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000)],
    );
    expect(left.rows[0]!.n).toBe(0);
    expect(await failuresOf('tess@demo.casedesk')).toBe(LOGIN_LIMITS.perAccount);
  });
});

describe.each(testDatabaseKinds())('X-Forwarded-For without CASEDESK_TRUST_PROXY on %s', (kind) => {
  let svc: TestService;
  let base: string;
  beforeAll(async () => {
    svc = await startTestService(kind);
    base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => svc.close());

  it('is ignored: a client cannot escape the per-address limit by naming other addresses', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.30.0.${i}` },
        body: JSON.stringify({ email: `ghost${i}@demo.casedesk`, password: 'guess' }),
      });
      expect(res.status).toBe(401);
    }
    const addresses = await svc.db.query<{ address: string }>(
      'SELECT DISTINCT address FROM login_failures',
    );
    expect(addresses.rows.map((r) => r.address)).toEqual(['127.0.0.1']);
  });
});
