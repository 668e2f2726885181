import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  disputeResponseDueAt,
  resumeClocks,
  sellerAnswerDueAt,
  type Case,
  type CaseEvent,
} from '../../shared';
import {
  escalation,
  startTestService,
  TEST_INTAKE_KEY,
  type Session,
  type TestService,
} from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';

const dispute = {
  body: 'De Geschillencommissie',
  reference: 'GC-2026-7001',
  // Monday 7 December 2026: 20 working days in the Netherlands end on 6 January 2027.
  filedAt: '2026-12-07T10:00:00+01:00',
  status: 'filed',
  notes: '',
} as const;

describe.each(testDatabaseKinds())('deadlines owned by the service on %s', (kind) => {
  let svc: TestService;
  let ana: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    ana = await svc.login('ana');
  });
  afterAll(() => svc.close());

  const anasCase = async (): Promise<Case> => {
    const c = await svc.intake();
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    return c;
  };
  const detail = async (c: Case) => (await ana.get(`/api/v1/cases/${c.id}`)).json();

  describe('external disputes', () => {
    it("computes the response date, 20 working days after filing in the body's country, when none is given", async () => {
      const c = await anasCase();
      const res = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, dispute);
      expect(res.statusCode).toBe(201);
      expect(res.json().responseDueAt).toBe('2027-01-06T22:59:59.999Z');
      const d = await detail(c);
      expect(d.externalDisputes[0].responseDueAt).toBe('2027-01-06T22:59:59.999Z');
      expect(d.events.at(-1)).toMatchObject({
        type: 'dispute.created',
        data: { responseDueAt: '2027-01-06T22:59:59.999Z', responseDueBy: 'rule' },
      });
      // An English body counts English bank holidays: Boxing Day's substitute Monday 28.
      const uk = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
        ...dispute,
        body: 'Consumer Ombudsman (UK)',
        responseDueAt: null,
      });
      expect(uk.json().responseDueAt).toBe(
        disputeResponseDueAt('Consumer Ombudsman (UK)', new Date(dispute.filedAt)).toISOString(),
      );
      expect(uk.json().responseDueAt).toBe('2027-01-07T23:59:59.999Z');
    });

    it('keeps a date the body set, and brings back the rule when it is cleared', async () => {
      const c = await anasCase();
      const res = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
        ...dispute,
        responseDueAt: '2026-12-21T17:00:00+01:00',
      });
      expect(res.json().responseDueAt).toBe('2026-12-21T16:00:00.000Z');
      const cleared = await ana.request('PATCH', `/api/v1/external-disputes/${res.json().id}`, {
        responseDueAt: null,
      });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().responseDueAt).toBe('2027-01-06T22:59:59.999Z');
    });

    it('refuses a response date before filing with a clear message and stores nothing', async () => {
      const c = await anasCase();
      const before = await detail(c);
      const res = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
        ...dispute,
        responseDueAt: '2026-12-06T10:00:00Z',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        message: 'The response cannot be due before the filing date.',
        details: { fields: [{ path: 'body.responseDueAt' }] },
      });
      const after = await detail(c);
      expect(after.externalDisputes).toEqual([]);
      expect(after.events).toHaveLength(before.events.length);
      expect(after.case.version).toBe(before.case.version);
      expect(after.case.externalDispute).toBe(false);
      const rows = await svc.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM external_disputes WHERE case_id = $1',
        [c.id],
      );
      expect(rows.rows[0]!.n).toBe(0);
    });
  });

  describe('SLA clocks', () => {
    const status = (c: Case, from: string, to: string) =>
      ana.post(`/api/v1/cases/${c.id}/status`, { from, to });
    const lastEvent = async (c: Case, type: string): Promise<CaseEvent> =>
      (await detail(c)).events.filter((e: CaseEvent) => e.type === type).at(-1);
    /** A pause that began a week ago: a week always holds at least three working days. */
    const pausedAWeekAgo = (c: Case) =>
      svc.db.query(`UPDATE cases SET clock_paused_at = now() - interval '7 days' WHERE id = $1`, [
        c.id,
      ]);

    it('pause while the case waits on the buyer, and move both due times by the pause when the buyer answers', async () => {
      const c = await anasCase();
      const paused = await status(c, 'open', 'pending_buyer');
      expect(paused.statusCode).toBe(200);
      expect(paused.json().clockPausedAt).toEqual(expect.any(String));
      expect(paused.json().resolutionDueAt).toBe(c.resolutionDueAt);
      expect((await lastEvent(c, 'case.status_changed')).data.clock).toEqual({
        paused: true,
        pausedAt: paused.json().clockPausedAt,
      });
      await pausedAWeekAgo(c);
      const before = (await detail(c)).case as Case;

      // The buyer answers from the help center: the case is open again, its clocks run.
      const answer = await svc.app.inject({
        method: 'POST',
        url: '/api/v1/intake/messages',
        headers: { 'x-intake-key': TEST_INTAKE_KEY, 'content-type': 'application/json' },
        payload: JSON.stringify({
          caseReference: c.reference,
          from: 'buyer',
          externalUserId: c.buyer.externalId,
          body: 'Here are the photos you asked for.',
        }),
      });
      expect(answer.statusCode).toBe(201);
      const after = (await detail(c)).case as Case;
      expect(after.status).toBe('open');
      expect(after.clockPausedAt).toBeNull();
      const resumed = await lastEvent(c, 'case.status_changed');
      const clock = resumed.data.clock as Record<string, unknown>;
      expect(clock).toMatchObject({ resumed: true, pausedAt: before.clockPausedAt });
      expect(clock.pausedBusinessMinutes).toBeGreaterThanOrEqual(3 * 8 * 60);
      const expected = resumeClocks(
        {
          firstResponseDueAt: new Date(before.firstResponseDueAt),
          resolutionDueAt: new Date(before.resolutionDueAt),
          firstRespondedAt: null,
          clockPausedAt: new Date(before.clockPausedAt!),
        },
        c.language,
        new Date(resumed.at),
      );
      expect(after.resolutionDueAt).toBe(expected.resolutionDueAt.toISOString());
      expect(after.firstResponseDueAt).toBe(expected.firstResponseDueAt.toISOString());
      expect(Date.parse(after.resolutionDueAt)).toBeGreaterThan(
        Date.parse(before.resolutionDueAt) + 3 * 24 * 3_600_000,
      );
      expect(clock.resolutionDueAt).toEqual({
        from: before.resolutionDueAt,
        to: after.resolutionDueAt,
      });
    });

    it('stay paused from waiting on the buyer to waiting on the seller, and resume on resolving', async () => {
      const c = await anasCase();
      const first = (await status(c, 'open', 'pending_buyer')).json() as Case;
      const second = (await status(c, 'pending_buyer', 'pending_seller')).json() as Case;
      expect(second.clockPausedAt).toBe(first.clockPausedAt);
      await pausedAWeekAgo(c);
      const resolved = await ana.post(`/api/v1/cases/${c.id}/resolve`, { summary: 'Settled.' });
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json().clockPausedAt).toBeNull();
      expect(resolved.json().sellerAnswerDueAt).toBeNull();
      expect(Date.parse(resolved.json().resolutionDueAt)).toBeGreaterThan(
        Date.parse(c.resolutionDueAt),
      );
      expect((await lastEvent(c, 'case.resolved')).data.clock).toMatchObject({ resumed: true });
    });

    it("sets the seller's answer deadline when the case begins waiting on the seller, and clears it when it is worked again", async () => {
      const c = await anasCase();
      const waiting = await status(c, 'open', 'pending_seller');
      const since = await lastEvent(c, 'case.status_changed');
      const due = sellerAnswerDueAt(new Date(since.at), c.language).toISOString();
      expect(waiting.json().sellerAnswerDueAt).toBe(due);
      expect(since.data.clock).toMatchObject({ paused: true, sellerAnswerDueAt: due });
      // Synced clients read the same field.
      const pulled = (await ana.get('/api/v1/sync/pull?limit=5000')).json();
      const synced = pulled.changes.find(
        (ch: { entity: string; id: string }) => ch.entity === 'case' && ch.id === c.id,
      );
      expect(synced.data.sellerAnswerDueAt).toBe(due);
      expect(synced.data.clockPausedAt).toEqual(expect.any(String));
      const worked = await status(c, 'pending_seller', 'open');
      expect(worked.json()).toMatchObject({ sellerAnswerDueAt: null, clockPausedAt: null });
    });
  });

  describe('reporting windows', () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const reported = (
      topic: 'not_as_described' | 'item_not_received',
      shipped: number,
      delivered?: number,
    ) => {
      const e = escalation();
      return svc.intake({
        topic,
        order: {
          ...e.order!,
          shippingStatus: delivered === undefined ? 'shipped' : 'delivered',
          shippedAt: daysAgo(shipped),
          ...(delivered === undefined ? {} : { deliveredAt: daysAgo(delivered) }),
        },
      });
    };

    it('rank a claim reported in its window ahead of one reported late or too early', async () => {
      expect((await reported('not_as_described', 6, 3)).priority).toBe('normal');
      expect((await reported('not_as_described', 33, 30)).priority).toBe('low');
      expect((await reported('item_not_received', 2)).priority).toBe('low');
      expect((await reported('item_not_received', 25)).priority).toBe('normal');
    });
  });
});
