import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case, slaDueDates } from '../../shared';
import {
  escalation,
  startTestService,
  TEST_INTAKE_KEY,
  type TestService,
} from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';

describe.each(testDatabaseKinds())('intake on %s', (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService(kind);
  });
  afterAll(() => svc.close());

  const post = (
    payload: unknown,
    headers: Record<string, string> = { 'x-intake-key': TEST_INTAKE_KEY },
  ) =>
    svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('opens a new case with SLA clocks, priority and the order money', async () => {
    const res = await post(escalation({ channel: 'chat', topic: 'counterfeit_suspected' }));
    expect(res.statusCode).toBe(201);
    const c = Case.parse(res.json());
    expect(c.status).toBe('new');
    expect(c.reference).toMatch(/^CD-\d+$/);
    expect(c.version).toBe(1);
    expect(c.priority).toBe('urgent');
    expect(c.assigneeId).toBeNull();
    // 15 business minutes to a first response, five business days to resolve, in the
    // hours of the case's language (shared/sla.test.ts holds the arithmetic).
    const due = slaDueDates(new Date(c.createdAt), 'chat', c.language);
    expect(c.firstResponseDueAt).toBe(due.firstResponseDueAt.toISOString());
    expect(c.resolutionDueAt).toBe(due.resolutionDueAt.toISOString());
    expect(Date.parse(c.firstResponseDueAt) - Date.parse(c.createdAt)).toBeGreaterThanOrEqual(
      15 * 60_000,
    );
    expect(c.order?.refundable).toEqual({ amount: 10000, currency: 'EUR' });
    expect(c.order?.refundedAmount).toEqual({ amount: 0, currency: 'EUR' });
    expect(c.order?.status).toBe('active');
    expect(c.createdAt.endsWith('Z')).toBe(true);
  });

  it('gives email cases a first-response clock of one business day', async () => {
    const c = await svc.intake({ channel: 'email' });
    expect(c.firstResponseDueAt).toBe(
      slaDueDates(new Date(c.createdAt), 'email', c.language).firstResponseDueAt.toISOString(),
    );
    expect(Date.parse(c.firstResponseDueAt) - Date.parse(c.createdAt)).toBeGreaterThanOrEqual(
      8 * 3_600_000,
    );
  });

  it('refuses without the intake key', async () => {
    const none = await post(escalation(), {});
    const wrong = await post(escalation(), { 'x-intake-key': 'guess' });
    expect(none.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('unauthenticated');
  });

  it.each(['zh', 'pt', 'pl'] as const)('refuses phone escalations in %s', async (language) => {
    const res = await post(escalation({ channel: 'phone', language }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('channel_language_unsupported');
  });

  it('accepts chat in Polish and phone in Dutch', async () => {
    expect((await post(escalation({ channel: 'chat', language: 'pl' }))).statusCode).toBe(201);
    expect((await post(escalation({ channel: 'phone', language: 'nl' }))).statusCode).toBe(201);
  });

  it('refuses an unknown language with 400 naming the field', async () => {
    const res = await post({ ...escalation(), language: 'sv' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(
      'body.language',
    );
  });

  it('refuses money that is not integer minor units', async () => {
    const e = escalation();
    const res = await post({
      ...e,
      order: { ...e.order, amountPaid: { amount: 12.5, currency: 'EUR' } },
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers malformed JSON with 400 malformed_json and oversized bodies with 413', async () => {
    const bad = await post('{"buyer": ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('malformed_json');
    const big = await post({ ...escalation(), question: 'x'.repeat(1024 * 1024 + 10) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });

  it('refuses overlong text', async () => {
    const res = await post({ ...escalation(), question: 'x'.repeat(10_001) });
    expect(res.statusCode).toBe(400);
  });

  it('stores SQL and HTML verbatim', async () => {
    const question = `'); DROP TABLE cases; -- <script>alert("x")</script> <img src=x onerror=alert(1)>`;
    const c = await svc.intake({ question });
    expect(c.question).toBe(question);
    const count = await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(count.rows[0]!.n).toBeGreaterThan(0);
  });

  it('replays a retried escalation instead of opening a second case', async () => {
    const body = escalation();
    const headers = { 'x-intake-key': TEST_INTAKE_KEY, 'idempotency-key': 'esc-1' };
    const first = await post(body, headers);
    const again = await post(body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const n = await svc.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases WHERE id = $1 OR reference = $2',
      [first.json().id, first.json().reference],
    );
    expect(n.rows[0]!.n).toBe(1);
    const other = await post({ ...body, question: 'something else' }, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_key_reused');
  });

  it('keeps the money of an order when a second case arrives for it', async () => {
    const e = escalation();
    const first = await svc.intake(e);
    const second = await svc.intake({
      ...escalation(),
      buyer: e.buyer,
      order: { ...e.order!, amountPaid: { amount: 999_00, currency: 'EUR' } },
    });
    expect(second.order?.id).toBe(first.order?.id);
    expect(second.order?.amountPaid).toEqual({ amount: 100_00, currency: 'EUR' });
  });

  it('opens cases without an order', async () => {
    const c = await svc.intake({ order: null, topic: 'account_access' });
    expect(c.order).toBeNull();
  });

  describe('contact options', () => {
    const options = async (language: string) => {
      const res = await svc.app.inject({
        method: 'GET',
        url: `/api/v1/intake/contact-options?language=${language}`,
        headers: { 'x-intake-key': TEST_INTAKE_KEY },
      });
      expect(res.statusCode).toBe(200);
      return Object.fromEntries(
        res
          .json<{ options: { channel: string; available: boolean }[] }>()
          .options.map((o) => [o.channel, o.available]),
      );
    };

    it('offers email always and chat and phone only while a speaker is available', async () => {
      expect(await options('it')).toEqual({ email: true, chat: false, phone: false });
      const marco = await svc.login('marco');
      const set = await marco.post('/api/v1/me/presence', {
        available: true,
        channels: ['chat', 'phone'],
      });
      expect(set.statusCode).toBe(200);
      expect(await options('it')).toEqual({ email: true, chat: true, phone: true });
      expect(await options('pt')).toEqual({ email: true, chat: true, phone: false });
      expect(await options('de')).toEqual({ email: true, chat: false, phone: false });
      await marco.post('/api/v1/me/presence', { available: false, channels: [] });
      expect(await options('it')).toEqual({ email: true, chat: false, phone: false });
    });

    it('counts availability not repeated for two minutes as unavailable', async () => {
      const marco = await svc.login('marco');
      await marco.post('/api/v1/me/presence', { available: true, channels: ['chat'] });
      expect((await options('es')).chat).toBe(true);
      // The app stopped: its last heartbeat is 2 minutes and a second old.
      await svc.db.query(
        `UPDATE presence SET updated_at = now() - interval '121 seconds' WHERE agent_id = $1`,
        [marco.agent.id],
      );
      expect((await options('es')).chat).toBe(false);
      await svc.db.query(
        `UPDATE presence SET updated_at = now() - interval '100 seconds' WHERE agent_id = $1`,
        [marco.agent.id],
      );
      expect((await options('es')).chat).toBe(true);
      await marco.post('/api/v1/me/presence', { available: false, channels: [] });
    });

    it('withdraws presence when the agent signs out', async () => {
      const ana = await svc.login('ana');
      await ana.post('/api/v1/me/presence', { available: true, channels: ['chat'] });
      expect((await options('nl')).chat).toBe(true);
      await ana.post('/api/v1/auth/logout');
      expect((await options('nl')).chat).toBe(false);
    });

    it('needs the intake key and a known language', async () => {
      const res = await svc.app.inject({
        method: 'GET',
        url: '/api/v1/intake/contact-options?language=de',
      });
      expect(res.statusCode).toBe(401);
      const bad = await svc.app.inject({
        method: 'GET',
        url: '/api/v1/intake/contact-options?language=xx',
        headers: { 'x-intake-key': TEST_INTAKE_KEY },
      });
      expect(bad.statusCode).toBe(400);
    });
  });
});
