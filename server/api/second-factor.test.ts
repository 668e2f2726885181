import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountEvent, Agent, SecondFactorEnrolment, SecondFactorStatus } from '../../shared';
import { runAdminCommand } from '../admin/admin-command';
import { openSession, newSessionToken } from '../services/auth';
import { LOGIN_LIMITS } from '../services/login-limits';
import { createAccount, STRONG_PASSWORD } from '../testing/accounts';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

/** The code an authenticator app shows `offsetSteps` 30-second steps from now. */
const codeFor = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe.each(testDatabaseKinds())('two-step sign-in on %s', { timeout: 120_000 }, (kind) => {
  let svc: TestService;
  let admin: Session;
  let addressCounter = 0;

  beforeAll(async () => {
    svc = await startTestService(kind, { secondFactorKey: 'k'.repeat(24) + '-test-sealing-key' });
    admin = await createAccount(svc, { roles: ['admin'], languages: [], name: 'Ada Admin' });
  }, 300_000);
  afterAll(() => svc?.close());

  const login = (body: Record<string, unknown>, address = '10.9.0.1') =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: body,
      remoteAddress: address,
    });
  const freshAddress = () => `10.77.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

  /** A new agent who has set up two-step sign-in; the current step's code is spent. */
  async function enrolled(overrides: Parameters<typeof createAccount>[1] = {}) {
    const session = await createAccount(svc, overrides);
    const started = await session.post('/api/v1/me/second-factor');
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json<SecondFactorEnrolment>();
    const confirmed = await session.post('/api/v1/me/second-factor/confirm', {
      code: await codeFor(secret),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    return { session, secret, recoveryCodes, email: session.agent.email };
  }
  const events = async (agentId: string) =>
    (await admin.get(`/api/v1/agents/${agentId}/events`)).json<{ events: AccountEvent[] }>().events;

  it('sets up a factor with a QR code, turns it on with a code, and keeps the secret sealed', async () => {
    const me = await createAccount(svc);
    const started = await me.post('/api/v1/me/second-factor');
    expect(started.statusCode).toBe(200);
    const enrolment = started.json<SecondFactorEnrolment>();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Casedesk:/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');

    // Not asked for until confirmed.
    expect((await login({ email: me.agent.email, password: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );
    const before = (await me.get('/api/v1/me/second-factor')).json<SecondFactorStatus>();
    expect(before).toMatchObject({ active: false, required: false, enrolmentRequired: false });

    const wrong = await me.post('/api/v1/me/second-factor/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(codeOf(wrong)).toBe('invalid_second_factor');
    expect((await me.post('/api/v1/me/second-factor/confirm', { code: 'abc' })).statusCode).toBe(
      400,
    );

    const confirmed = await me.post('/api/v1/me/second-factor/confirm', {
      code: await codeFor(enrolment.secret),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    const status = (await me.get('/api/v1/me/second-factor')).json<SecondFactorStatus>();
    expect(status).toMatchObject({ active: true, recoveryCodesLeft: 10 });
    // A second set-up while one is on is refused, and the confirmed one stays.
    expect(codeOf(await me.post('/api/v1/me/second-factor'))).toBe('stale_state');

    const stored = await svc.db.query<{ secret: string }>(
      'SELECT secret FROM second_factors WHERE agent_id = $1',
      [me.agent.id],
    );
    expect(stored.rows[0]!.secret).toMatch(/^v1:/);
    expect(stored.rows[0]!.secret).not.toContain(enrolment.secret);
    const hashes = await svc.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM recovery_codes WHERE agent_id = $1',
      [me.agent.id],
    );
    expect(hashes.rows).toHaveLength(10);
    const raw = recoveryCodes.map((c) => c.replace('-', ''));
    for (const r of hashes.rows) expect(raw).not.toContain(r.code_hash);

    expect((await events(me.agent.id)).map((e) => e.type)).toContain('agent.second_factor_enabled');
  });

  it('asks for the code only after a right password, and accepts a right one once', async () => {
    const { secret, email } = await enrolled();
    const wrongPassword = await login({ email, password: 'not-the-password-at-all' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(codeOf(wrongPassword)).toBe('invalid_credentials');
    const wrongPasswordRightCode = await login({
      email,
      password: 'not-the-password-at-all',
      totp: await codeFor(secret, 1),
    });
    expect(codeOf(wrongPasswordRightCode)).toBe('invalid_credentials');

    const noCode = await login({ email, password: STRONG_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(codeOf(noCode)).toBe('second_factor_required');

    const wrongCode = await login({ email, password: STRONG_PASSWORD, totp: '123456' });
    expect(wrongCode.statusCode).toBe(401);
    expect(codeOf(wrongCode)).toBe('invalid_second_factor');

    const next = await codeFor(secret, 1);
    const ok = await login({ email, password: STRONG_PASSWORD, totp: next });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(Object.keys(ok.json()).sort()).toEqual(['agent', 'token']);

    // The same code again, or an older one still inside the clock tolerance: refused.
    const replay = await login({ email, password: STRONG_PASSWORD, totp: next });
    expect(codeOf(replay)).toBe('invalid_second_factor');
    const older = await login({ email, password: STRONG_PASSWORD, totp: await codeFor(secret) });
    expect(codeOf(older)).toBe('invalid_second_factor');
  });

  it('takes each recovery code once, in any letter case, with or without its dash', async () => {
    const { recoveryCodes, email, session } = await enrolled();
    const [first, second] = recoveryCodes as [string, string];
    const used = await login({ email, password: STRONG_PASSWORD, recoveryCode: first });
    expect(used.statusCode, used.body).toBe(200);
    const again = await login({ email, password: STRONG_PASSWORD, recoveryCode: first });
    expect(codeOf(again)).toBe('invalid_second_factor');
    const typed = await login({
      email,
      password: STRONG_PASSWORD,
      recoveryCode: second.replace('-', '').toUpperCase(),
    });
    expect(typed.statusCode).toBe(200);
    const status = (await session.get('/api/v1/me/second-factor')).json<SecondFactorStatus>();
    expect(status.recoveryCodesLeft).toBe(8);
  });

  it('counts wrong codes per account from every address, so they cannot be guessed', async () => {
    const { secret, email } = await enrolled();
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      const res = await login({ email, password: STRONG_PASSWORD, totp: '000001' }, freshAddress());
      expect(codeOf(res)).toBe('invalid_second_factor');
    }
    // Leaving the code out is no guess, and does not wipe the count either.
    const address = freshAddress();
    expect(codeOf(await login({ email, password: STRONG_PASSWORD }, address))).toBe(
      'second_factor_required',
    );
    expect(codeOf(await login({ email, password: STRONG_PASSWORD, totp: '000002' }, address))).toBe(
      'invalid_second_factor',
    );
    // Now even the right code, from an address never seen, waits for the window to pass.
    const right = await login(
      { email, password: STRONG_PASSWORD, totp: await codeFor(secret, 1) },
      freshAddress(),
    );
    expect(right.statusCode).toBe(429);
    expect(codeOf(right)).toBe('rate_limited');
  });

  it('turns off with the password or a code, never with a wrong one, and an admin can reset it', async () => {
    const a = await enrolled();
    const wrong = await a.session.request('DELETE', '/api/v1/me/second-factor', {
      password: 'not-my-password-really',
    });
    expect(wrong.statusCode).toBe(422);
    expect(codeOf(wrong)).toBe('wrong_password');
    const badCode = await a.session.request('DELETE', '/api/v1/me/second-factor', {
      code: '000000',
    });
    expect(codeOf(badCode)).toBe('invalid_second_factor');
    expect((await a.session.request('DELETE', '/api/v1/me/second-factor', {})).statusCode).toBe(
      400,
    );
    const off = await a.session.request('DELETE', '/api/v1/me/second-factor', {
      code: await codeFor(a.secret, 1),
    });
    expect(off.statusCode, off.body).toBe(204);
    expect((await login({ email: a.email, password: STRONG_PASSWORD })).statusCode).toBe(200);
    expect(
      await svc.db.query('SELECT 1 FROM recovery_codes WHERE agent_id = $1', [a.session.agent.id]),
    ).toMatchObject({ rows: [] });

    const b = await enrolled();
    expect(
      (await b.session.post(`/api/v1/agents/${a.session.agent.id}/reset-second-factor`)).statusCode,
    ).toBe(403);
    const reset = await admin.post(`/api/v1/agents/${b.session.agent.id}/reset-second-factor`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toEqual({ removed: true });
    expect((await login({ email: b.email, password: STRONG_PASSWORD })).statusCode).toBe(200);
    const disabled = (await events(b.session.agent.id)).filter(
      (e) => e.type === 'agent.second_factor_disabled',
    );
    expect(disabled).toMatchObject([{ actorId: admin.agent.id, data: { by: 'admin' } }]);
  });

  it('lets the command line turn off the second factor of someone locked out', async () => {
    const c = await enrolled();
    const lines: string[] = [];
    const run = (email: string) =>
      runAdminCommand(svc.db, ['reset-second-factor', '--email', email], {
        out: (l) => lines.push(l),
      });
    await run(c.email.toUpperCase());
    expect(lines.at(-1)).toContain('Turned two-step sign-in off');
    expect((await login({ email: c.email, password: STRONG_PASSWORD })).statusCode).toBe(200);
    await run(c.email);
    expect(lines.at(-1)).toContain('nothing changed');
    await expect(run('nobody@nowhere.example')).rejects.toThrow();
    const disabled = (await events(c.session.agent.id)).filter(
      (e) => e.type === 'agent.second_factor_disabled',
    );
    expect(disabled).toMatchObject([{ actorId: null, data: { by: 'command_line' } }]);
  });

  it('enforces the admins’ requirement: unenrolled password sessions may only set it up', async () => {
    const tess = await svc.login('tess');
    const ana = await svc.login('ana');
    expect(
      codeOf(
        await ana.request('PUT', '/api/v1/settings/second-factor', { requiredFor: ['admin'] }),
      ),
    ).toBe('forbidden');
    // An admin without a factor would shut themselves out: refused until they set one up.
    const early = await admin.request('PUT', '/api/v1/settings/second-factor', {
      requiredFor: ['admin', 'trust_safety'],
    });
    expect(early.statusCode).toBe(409);
    expect(codeOf(early)).toBe('stale_state');

    const started = await admin.post('/api/v1/me/second-factor');
    const { secret } = started.json<SecondFactorEnrolment>();
    expect(
      (await admin.post('/api/v1/me/second-factor/confirm', { code: await codeFor(secret) }))
        .statusCode,
    ).toBe(200);
    const set = await admin.request('PUT', '/api/v1/settings/second-factor', {
      requiredFor: ['trust_safety', 'admin'],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ requiredFor: ['admin', 'trust_safety'] });
    expect((await ana.get('/api/v1/settings/second-factor')).json()).toEqual({
      requiredFor: ['admin', 'trust_safety'],
    });
    const changed = (await events(admin.agent.id)).find(
      (e) => e.type === 'settings.second_factor_requirement_changed',
    );
    expect(changed?.data).toEqual({
      from: { requiredFor: [] },
      to: { requiredFor: ['admin', 'trust_safety'] },
    });

    // Tess's open session is limited at once; ana (agent) goes on as before.
    const refused = await tess.get('/api/v1/cases');
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe('second_factor_enrolment_required');
    expect((await tess.post('/api/v1/sync/push', { mutations: [] })).statusCode).toBe(403);
    expect((await ana.get('/api/v1/cases')).statusCode).toBe(200);
    expect((await tess.get('/api/v1/me')).statusCode).toBe(200);

    // A new sign-in says so in its answer; the contract's fields are all there.
    const signIn = await login({ email: 'tess@demo.casedesk', password: 'casedesk-demo' });
    expect(signIn.statusCode).toBe(200);
    const body = signIn.json<{
      token: string;
      agent: Agent;
      secondFactorEnrolmentRequired: true;
    }>();
    expect(body.secondFactorEnrolmentRequired).toBe(true);
    const fresh = svc.sessionOf(body.token, body.agent);
    expect((await fresh.get('/api/v1/me/second-factor')).json()).toMatchObject({
      active: false,
      required: true,
      enrolmentRequired: true,
    });
    const { secret: tessSecret } = (
      await fresh.post('/api/v1/me/second-factor')
    ).json<SecondFactorEnrolment>();
    expect(
      (await fresh.post('/api/v1/me/second-factor/confirm', { code: await codeFor(tessSecret) }))
        .statusCode,
    ).toBe(200);
    expect((await fresh.get('/api/v1/cases')).statusCode).toBe(200);
    expect((await tess.get('/api/v1/cases')).statusCode).toBe(200);

    // A single sign-on session is never limited: the provider owns the second factor.
    const tom = svc.agentIds.get('tom@demo.casedesk')!;
    const ssoToken = newSessionToken();
    await svc.db.transaction((tx) => openSession(tx, tom, ssoToken, new Date(), { viaSso: true }));
    const viaSso = svc.sessionOf(ssoToken, (await tess.get(`/api/v1/agents/${tom}`)).json<Agent>());
    expect((await viaSso.get('/api/v1/cases')).statusCode).toBe(200);
    const tomPassword = await login({ email: 'tom@demo.casedesk', password: 'casedesk-demo' });
    const tomSession = svc.sessionOf(
      tomPassword.json<{ token: string }>().token,
      tomPassword.json<{ agent: Agent }>().agent,
    );
    expect(codeOf(await tomSession.get('/api/v1/cases'))).toBe('second_factor_enrolment_required');

    // Lifting the requirement frees tom's password session again.
    expect(
      (await admin.request('PUT', '/api/v1/settings/second-factor', { requiredFor: [] }))
        .statusCode,
    ).toBe(200);
    expect((await tomSession.get('/api/v1/cases')).statusCode).toBe(200);
  });
});
