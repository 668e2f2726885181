import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueHealth, type Language } from '../../shared';
import { isoWeekName } from '../reports/queue-health';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';
import { fillQueueHealthCases } from '../testing/queue-health-fill';
import { bruteForceQueueHealth, readEverything } from '../testing/queue-health-brute-force';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Percentiles are floating point on both sides; everything else must match exactly.
const rounded = (h: unknown) =>
  JSON.parse(
    JSON.stringify(h, (_k, v: unknown) =>
      typeof v === 'number' ? Math.round(v * 1000) / 1000 : v,
    ),
  ) as unknown;

describe.each(testDatabaseKinds())('GET /reports/queue-health on %s', (kind) => {
  let svc: TestService;
  let lena: Session;
  let tess: Session;
  let ana: Session;
  const today = Date.now();

  beforeAll(async () => {
    svc = await startTestService(kind);
    [lena, tess, ana] = await Promise.all([svc.login('lena'), svc.login('tess'), svc.login('ana')]);
    // Some cases through the front door too: intake, claim, a reply, a resolution.
    const viaIntake = await svc.intake({ language: 'nl' });
    await ana.post(`/api/v1/cases/${viaIntake.id}/claim`);
    await ana.post(`/api/v1/cases/${viaIntake.id}/messages`, { to: 'buyer', body: 'Hallo!' });
    await svc.intake({ language: 'fr', aiAnswer: { text: 'x', articleIds: [], rating: null } });
    await fillQueueHealthCases(svc.db, {
      count: 2500,
      spanDays: 70,
      now: new Date(today),
      agentIds: [...svc.agentIds.values()],
    });
  }, 120_000);
  afterAll(() => svc.close());

  const get = (who: Session, query: string) =>
    who.get(`/api/v1/reports/queue-health${query ? `?${query}` : ''}`);

  async function expectBruteForce(who: Session, from: string, to: string, langs?: Language[]) {
    const res = await get(
      who,
      `from=${from}&to=${to}${langs ? `&languages=${langs.join(',')}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    const body = QueueHealth.parse(res.json());
    const expected = bruteForceQueueHealth(await readEverything(svc.db), {
      from,
      to,
      languages: body.languages,
      asOf: body.asOf,
      lastSeen: who === lena,
    });
    const { weeks, ...rest } = body;
    const { weeks: expectedWeeks, ...expectedRest } = expected;
    expect(rounded(rest)).toEqual(rounded(expectedRest));
    expect(weeks.map(({ week: _week, ...w }) => w)).toEqual(expectedWeeks);
    return body;
  }

  it('answers every figure as a brute-force count over the same rows does, for the last 30 days', async () => {
    const body = await expectBruteForce(lena, day(today - 29 * DAY), day(today));
    // The data is not trivially empty: each figure has something to count.
    expect(body.days).toHaveLength(30);
    expect(body.days.reduce((n, d) => n + d.incoming, 0)).toBeGreaterThan(900);
    expect(body.days.some((d) => d.firstResponse.medianMinutes !== null)).toBe(true);
    expect(body.days.reduce((n, d) => n + d.resolution.count, 0)).toBeGreaterThan(500);
    expect(body.open.reduce((n, o) => n + o.count, 0)).toBeGreaterThan(50);
    expect(body.clocks.some((c) => c.overdue > 0)).toBe(true);
    expect(
      body.clocks.some((c) => c.clock === 'seller_answer' && c.overdue + c.dueWithinHour > 0),
    ).toBe(true);
    expect(body.workload.some((w) => w.openAssigned > 0 && w.lastSeenAt !== null)).toBe(true);
    expect(body.weeks.some((w) => w.refunds > 0 && w.restrictions > 0)).toBe(true);
    expect(body.aiAnswers.some((a) => a.notHelpful > 0 && a.rated > a.notHelpful)).toBe(true);
  });

  it('matches the brute force over a whole quarter, and over a single day long ago', async () => {
    await expectBruteForce(lena, day(today - 91 * DAY), day(today));
    await expectBruteForce(lena, day(today - 40 * DAY), day(today - 40 * DAY));
  });

  it('counts only the languages asked for, and tells Trust & Safety nobody’s last sign-in', async () => {
    const body = await expectBruteForce(tess, day(today - 13 * DAY), day(today), ['de', 'nl']);
    expect(body.languages).toEqual(['nl', 'de']);
    expect(new Set(body.open.map((o) => o.language))).toEqual(new Set(['de', 'nl']));
    expect(body.workload.every((w) => w.lastSeenAt === null)).toBe(true);
    const all = QueueHealth.parse(
      (await get(tess, `from=${day(today - 13 * DAY)}&to=${day(today)}`)).json(),
    );
    const sum = (h: QueueHealth) => h.days.reduce((n, d) => n + d.incoming, 0);
    expect(sum(body)).toBeLessThan(sum(all));
  });

  it('refuses agents with 403 forbidden', async () => {
    const res = await get(ana, `from=${day(today - 6 * DAY)}&to=${day(today)}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('refuses a missing, malformed, impossible, inverted or too long period with 400 validation_failed', async () => {
    const bad = [
      '',
      `from=${day(today)}`,
      `from=yesterday&to=${day(today)}`,
      'from=2026-02-30&to=2026-03-02',
      'from=2026-11-10&to=2026-11-09',
      'from=2026-01-01&to=2026-04-03',
      'from=2026-11-01&to=2026-11-02&languages=de,xx',
      'from=2026-11-01&to=2026-11-02&languages=',
      'from=2026-11-01&to=2026-11-02&extra=1',
    ];
    for (const q of bad) {
      const res = await get(lena, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe('validation_failed');
      expect(res.json().error.details.fields.length, q).toBeGreaterThan(0);
    }
    // 92 days is the longest period taken.
    expect((await get(lena, 'from=2026-01-01&to=2026-04-02')).statusCode).toBe(200);
  });

  it('needs a session', async () => {
    const res = await svc.app.inject({
      url: '/api/v1/reports/queue-health?from=2026-11-01&to=2026-11-02',
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('ISO week names', () => {
  it('name the week by the year of its Thursday', () => {
    expect(isoWeekName('2026-11-30')).toBe('2026-W49');
    expect(isoWeekName('2026-12-28')).toBe('2026-W53');
    expect(isoWeekName('2027-01-04')).toBe('2027-W01');
    expect(isoWeekName('2020-12-28')).toBe('2020-W53');
    expect(isoWeekName('2024-12-30')).toBe('2025-W01');
  });
});
