import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Case } from '../../shared';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

/**
 * What issues 16, 17 and 18 promise in so many words, as a client that knows only the
 * issue texts would call it: `?q=` reaching resolved cases, the DSA fields of a statement
 * of reasons, and periods given as `?from=&to=` in either ISO 8601 form.
 */

const codeOf = (res: { json: () => unknown }) =>
  (res.json() as { error?: { code: string } }).error?.code;

const fieldsOf = (res: { json: () => unknown }) =>
  (res.json() as { error: { details: { fields: { path: string }[] } } }).error.details.fields.map(
    (f) => f.path,
  );

const sor = {
  facts: 'The seller listed replica watches as genuine.',
  ground: 'Terms of use §7: counterfeit goods.',
  groundType: 'contractual',
  automated: false,
  redress: 'Complain within six months; out-of-court settlement; court.',
} as const;

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.each(testDatabaseKinds())('what issues 16–18 promise outside clients, on %s', (kind) => {
  let svc: TestService;
  let ana: Session, tess: Session, lena: Session;

  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, tess, lena] = await Promise.all([svc.login('ana'), svc.login('tess'), svc.login('lena')]);
  }, 120_000);
  afterAll(() => svc?.close());

  async function claimed(): Promise<Case> {
    const c = await svc.intake();
    expect((await ana.post(`/api/v1/cases/${c.id}/claim`)).statusCode).toBe(200);
    return c;
  }

  const propose = (c: Case, statementOfReasons: Record<string, unknown>) =>
    ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'seller',
      restriction: 'block_selling',
      until: null,
      statementOfReasons,
    });

  it('finds a resolved case through q= by its reference and by its buyer’s name', async () => {
    const c = await claimed();
    expect(
      (await ana.post(`/api/v1/cases/${c.id}/resolve`, { summary: 'Parcel found.' })).statusCode,
    ).toBe(200);
    for (const q of [c.reference, c.reference.toLowerCase(), c.buyer.name]) {
      const res = await ana.get(`/api/v1/cases?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      const found = res.json<{ cases: Case[] }>().cases.find((x) => x.id === c.id);
      expect(found?.status, q).toBe('resolved');
    }
  });

  it('refuses DSA fields of a statement of reasons outside the format with 400, naming each, and stores nothing', async () => {
    const c = await claimed();
    for (const [extra, field] of [
      [{ category: 'scams' }, 'category'],
      [{ automatedDetection: 'yes' }, 'automatedDetection'],
      [{ countries: ['US'] }, 'countries'],
      [{ countries: [] }, 'countries'],
      [{ countries: 'DE' }, 'countries'],
    ] as const) {
      const res = await propose(c, { ...sor, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(codeOf(res)).toBe('validation_failed');
      expect(fieldsOf(res).join(' '), JSON.stringify(extra)).toContain(
        `statementOfReasons.${field}`,
      );
    }
    const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json<{ actions: Action[] }>();
    expect(detail.actions).toEqual([]);
    const ok = await propose(c, {
      ...sor,
      category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
      automatedDetection: true,
      countries: ['DE', 'AT'],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Action & { statementOfReasons: unknown }>().statementOfReasons).toMatchObject({
      category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
      automatedDetection: true,
      automated: false,
      countries: ['DE', 'AT'],
    });
  });

  it('exports DSA statements for a period of bare days, [from midnight UTC, to midnight UTC)', async () => {
    const c = await claimed();
    const proposed = await propose(c, sor);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json<Action>().id;
    expect((await tess.post(`/api/v1/actions/${id}/approve`)).statusCode).toBe(200);
    const today = Date.now();
    const puidsIn = async (from: string, to: string) => {
      const res = await lena.get(`/api/v1/reports/dsa-statements?from=${from}&to=${to}`);
      expect(res.statusCode, `${from}..${to}: ${res.body}`).toBe(200);
      return res.body
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { puid: string }).puid);
    };
    const puid = (await puidsIn(dayOf(today), dayOf(today + DAY)))[0];
    expect(puid).toBeDefined();
    expect(await puidsIn(dayOf(today - DAY), dayOf(today))).not.toContain(puid);
    expect(await puidsIn(dayOf(today + DAY), dayOf(today + 2 * DAY))).not.toContain(puid);
    // A day and a time mix: both are ISO 8601.
    expect(
      await puidsIn(dayOf(today), encodeURIComponent(new Date(today + DAY).toISOString())),
    ).toContain(puid);
    for (const q of [
      'from=2026-02-30&to=2026-03-02',
      'from=2026-03-02&to=2026-03-01',
      'from=2026-03-01&to=2026-03-01',
      'from=yesterday&to=today',
    ]) {
      const res = await lena.get(`/api/v1/reports/dsa-statements?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(codeOf(res), q).toBe('validation_failed');
    }
  });

  it('answers queue health for a period of ISO times as for their UTC days', async () => {
    const byDays = await lena.get('/api/v1/reports/queue-health?from=2026-10-31&to=2026-11-29');
    expect(byDays.statusCode, byDays.body).toBe(200);
    // 01:00 at +02:00 is still the 31st in UTC.
    const byTimes = await lena.get(
      `/api/v1/reports/queue-health?from=${encodeURIComponent('2026-11-01T01:00:00+02:00')}&to=${encodeURIComponent('2026-11-29T23:59:59Z')}`,
    );
    expect(byTimes.statusCode, byTimes.body).toBe(200);
    const { asOf: _a, ...days } = byDays.json<Record<string, unknown>>();
    const { asOf: _b, ...times } = byTimes.json<Record<string, unknown>>();
    expect(times).toEqual(days);
    expect(times).toMatchObject({ from: '2026-10-31', to: '2026-11-29' });
    for (const q of [
      'from=2026-11-01T25:00:00Z&to=2026-11-02',
      'from=2026-11-01&to=2027-11-01T00:00:00Z',
    ]) {
      const res = await lena.get(`/api/v1/reports/queue-health?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(codeOf(res), q).toBe('validation_failed');
    }
  });
});
