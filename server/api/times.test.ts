import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, PullResponse } from '../../shared';
import { loadMigrations } from '../db/migrate';
import {
  escalation,
  startTestService,
  TEST_INTAKE_KEY,
  type Session,
  type TestService,
} from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const sor = {
  facts: 'Counterfeit watches sold repeatedly.',
  ground: 'Terms of use §7.',
  groundType: 'contractual',
  automated: false,
  redress: 'Internal complaint within 6 months.',
} as const;

const restriction = (until: string | null) => ({
  type: 'restrict_account',
  subject: 'buyer',
  restriction: 'suspend',
  until,
  statementOfReasons: sor,
});

/** Times the database cannot hold, or that no client can read back. */
const UNSTORABLE = [
  '2027-06-01T10:00:00+20:00',
  '2027-06-01T10:00:00+16:00',
  '0000-06-01T10:00:00Z',
  '0001-01-01T00:00:00+01:00',
  '9999-12-31T23:59:59-05:00',
];

describe.each(testDatabaseKinds())('times at the border on %s', (kind) => {
  let svc: TestService;
  let ana: Session, tess: Session, tom: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, tess, tom] = await Promise.all([svc.login('ana'), svc.login('tess'), svc.login('tom')]);
  });
  afterAll(() => svc.close());

  const anasCase = async (): Promise<Case> => {
    const c = await svc.intake();
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    return c;
  };

  it('stores a restriction end sent with an offset in UTC, everywhere it is answered', async () => {
    const c = await anasCase();
    const res = await ana.post(
      `/api/v1/cases/${c.id}/actions`,
      restriction('2030-06-01T10:00:00+02:00'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().until).toBe('2030-06-01T08:00:00.000Z');
    const detail = (await tess.get(`/api/v1/cases/${c.id}`)).json();
    expect(detail.actions[0].until).toBe('2030-06-01T08:00:00.000Z');
    const pulled = (await tess.get('/api/v1/sync/pull?limit=5000')).json<PullResponse>();
    const action = pulled.changes.find((ch) => ch.id === res.json().id)!;
    expect((action.data as { until: string }).until).toBe('2030-06-01T08:00:00.000Z');
    const approved = await tess.post(`/api/v1/actions/${res.json().id}/approve`);
    expect(approved.statusCode).toBe(200);
    const after = (await tom.get(`/api/v1/cases/${c.id}`)).json();
    expect(after.context.buyerRestrictions[0].until).toBe('2030-06-01T08:00:00.000Z');
  });

  it('answers intake and dispute times sent with offsets in UTC', async () => {
    const e = escalation();
    const c = await svc.intake({
      order: {
        ...e.order!,
        orderedAt: '2026-11-01T10:00:00+05:30',
        shippedAt: '2026-11-02T23:30:00-08:00',
      },
    });
    expect(c.order!.orderedAt).toBe('2026-11-01T04:30:00.000Z');
    expect(c.order!.shippedAt).toBe('2026-11-03T07:30:00.000Z');
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const d = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
      body: 'Geschillencommissie',
      reference: 'GC-1',
      filedAt: '2026-11-20T09:00:00+01:00',
      status: 'filed',
      notes: '',
      responseDueAt: '2026-12-20T09:00:00+01:00',
    });
    expect(d.statusCode).toBe(201);
    expect(d.json()).toMatchObject({
      filedAt: '2026-11-20T08:00:00.000Z',
      responseDueAt: '2026-12-20T08:00:00.000Z',
    });
    for (const t of [d.json().createdAt, c.createdAt, c.firstResponseDueAt]) expect(t).toMatch(UTC);
  });

  it('refuses with 400 times the database cannot store, on every way in', async () => {
    const c = await anasCase();
    for (const t of UNSTORABLE) {
      const action = await ana.post(`/api/v1/cases/${c.id}/actions`, restriction(t));
      expect(action.statusCode, t).toBe(400);
      expect(action.json().error.code).toBe('validation_failed');
      expect(action.json().error.details.fields[0].path).toBe('body.until');

      const e = escalation();
      const intake = await svc.app.inject({
        method: 'POST',
        url: '/api/v1/intake/escalations',
        headers: { 'x-intake-key': TEST_INTAKE_KEY },
        payload: { ...e, order: { ...e.order!, orderedAt: t } },
      });
      expect(intake.statusCode, t).toBe(400);
      expect(intake.json().error.code).toBe('validation_failed');

      const dispute = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
        body: 'ADR',
        reference: 'X-1',
        filedAt: t,
        status: 'filed',
        notes: '',
      });
      expect(dispute.statusCode, t).toBe(400);

      const push = await ana.post('/api/v1/sync/push', {
        mutations: [{ id: `m-${t}`, op: 'case.action', args: { caseId: c.id, ...restriction(t) } }],
      });
      expect(push.statusCode).toBe(200);
      expect(push.json().results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'validation_failed' },
      });
    }
    expect((await tess.get(`/api/v1/cases/${c.id}`)).json().actions).toHaveLength(0);
  });

  it('refuses a restriction that ends before it is proposed', async () => {
    const c = await anasCase();
    const res = await ana.post(
      `/api/v1/cases/${c.id}/actions`,
      restriction('2020-01-01T00:00:00Z'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ path: 'body.until' }] },
    });
  });

  it('rewrites ends stored with offsets in UTC (migration 0004); unreadable ones refuse approval with 409', async () => {
    const c = await anasCase();
    const made = await Promise.all(
      [null, null].map(async () =>
        (
          await ana.post(`/api/v1/cases/${c.id}/actions`, restriction('2030-01-01T00:00:00Z'))
        ).json(),
      ),
    );
    // As the service stored them before times were normalised at the border.
    const legacy = ['2030-06-01T10:00:00+02:00', '2030-06-01T10:00:00+20:00'];
    for (const [i, a] of made.entries()) {
      await svc.db.query(
        `UPDATE actions SET details = jsonb_set(details, '{until}', to_jsonb($2::text)) WHERE id = $1`,
        [a.id, legacy[i]],
      );
    }
    const migration = (await loadMigrations()).find((m) => m.version === 4)!;
    await svc.db.transaction((tx) => tx.exec(migration.sql));
    const after = (await tess.get(`/api/v1/cases/${c.id}`)).json();
    const until = (id: string) => after.actions.find((a: { id: string }) => a.id === id).until;
    expect(until(made[0].id)).toBe('2030-06-01T08:00:00.000Z');
    expect(until(made[1].id)).toBe(legacy[1]);
    const refused = await tess.post(`/api/v1/actions/${made[1].id}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('stale_state');
    expect(
      (await tess.post(`/api/v1/actions/${made[1].id}/reject`, { reason: 'bad end' })).statusCode,
    ).toBe(200);
    expect((await tess.post(`/api/v1/actions/${made[0].id}/approve`)).statusCode).toBe(200);
  });

  it('refuses a dispute response due before its filing date, on create and on PATCH', async () => {
    const c = await anasCase();
    const dispute = {
      body: 'ADR',
      reference: 'ADR-DATES',
      filedAt: '2026-11-20T10:00:00Z',
      status: 'filed',
      notes: '',
    };
    const early = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
      ...dispute,
      responseDueAt: '2026-11-19T10:00:00Z',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields[0].path).toBe('body.responseDueAt');
    const made = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, dispute);
    expect(made.statusCode).toBe(201);
    const patch = await ana.request('PATCH', `/api/v1/external-disputes/${made.json().id}`, {
      responseDueAt: '2026-11-20T09:00:00+00:00',
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.code).toBe('validation_failed');
    const ok = await ana.request('PATCH', `/api/v1/external-disputes/${made.json().id}`, {
      responseDueAt: '2026-11-20T12:00:00+01:00',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().responseDueAt).toBe('2026-11-20T11:00:00.000Z');
  });
});
