import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Case } from '../../shared';
import {
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { ruleTestOn } from '../testing/rule-tests';
import { testDatabaseKinds } from '../testing/test-databases';

const eur = (amount: number) => ({ amount, currency: 'EUR' as const });

const sor = {
  facts: 'Three buyers received counterfeit watches from this seller.',
  ground: 'Terms of use §7: sale of counterfeit goods.',
  groundType: 'contractual',
  automated: false,
  redress: 'Internal complaint within 6 months; out-of-court settlement; court.',
} as const;

describe.each(testDatabaseKinds())('resolution actions on %s', (kind) => {
  let svc: TestService;
  let ana: Session, tess: Session, tom: Session, lena: Session, marco: Session;
  // Refusals and four-eyes rules, one request at a time: PGlite only. Amounts summed in SQL,
  // rates, races, replays and dates stay on both databases.
  const ruleIt = ruleTestOn(kind);
  beforeAll(async () => {
    svc = await startTestService(kind);
    [ana, tess, tom, lena, marco] = await Promise.all([
      svc.login('ana'),
      svc.login('tess'),
      svc.login('tom'),
      svc.login('lena'),
      svc.login('marco'),
    ]);
  });
  afterAll(() => svc.close());

  /** A German case claimed by Ana, on an order of `paid` EUR cents. */
  async function anasCase(
    paid = 100_00,
    shippingStatus: 'shipped' | 'delivered' | 'not_shipped' = 'shipped',
  ): Promise<Case> {
    const e = escalation();
    const c = await svc.intake({ order: { ...e.order!, amountPaid: eur(paid), shippingStatus } });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    return c;
  }
  const refund = (
    s: Session,
    c: Case,
    amount: number,
    headers: Record<string, string> = {},
    currency = 'EUR',
  ) =>
    s.post(
      `/api/v1/cases/${c.id}/actions`,
      { type: 'refund', amount: { amount, currency }, reason: 'Item damaged' },
      headers,
    );
  const detail = async (c: Case) => (await lena.get(`/api/v1/cases/${c.id}`)).json();

  describe('refunds', () => {
    it('executes a refund within the limit and lowers what is refundable', async () => {
      const c = await anasCase();
      const res = await refund(ana, c, 40_00);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        type: 'refund',
        status: 'executed',
        amount: eur(40_00),
        proposedBy: ana.agent.id,
        caseId: c.id,
      });
      const d = await detail(c);
      expect(d.case.order.refundedAmount).toEqual(eur(40_00));
      expect(d.case.order.refundable).toEqual(eur(60_00));
      expect(d.actions).toHaveLength(1);
    });

    it('refuses a refund above what is still refundable', async () => {
      const c = await anasCase();
      await refund(ana, c, 70_00);
      const res = await refund(ana, c, 30_01);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('refund_exceeds_refundable');
      expect((await refund(ana, c, 30_00)).statusCode).toBe(201);
      expect((await detail(c)).case.order.refundable).toEqual(eur(0));
    });

    ruleIt('refuses another currency', async () => {
      const c = await anasCase();
      const res = await refund(ana, c, 10_00, {}, 'GBP');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('currency_mismatch');
    });

    ruleIt('refuses refunds and cancellations on a case without an order', async () => {
      const c = await svc.intake({ order: null, topic: 'account_access' });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      expect((await refund(ana, c, 1_00)).json().error.code).toBe('no_order');
      const cancel = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'x',
      });
      expect(cancel.statusCode).toBe(422);
      expect(cancel.json().error.code).toBe('no_order');
    });

    it('parks a refund above the agent limit for approval and reserves its amount', async () => {
      const c = await anasCase(1000_00);
      const res = await refund(ana, c, 300_00);
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe('pending_approval');
      let d = await detail(c);
      expect(d.case.order.refundable).toEqual(eur(700_00));
      expect(d.case.order.refundedAmount).toEqual(eur(0));
      const self = await ana.post(`/api/v1/actions/${res.json().id}/approve`);
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('four_eyes_violation');
      const agent = await marco.post(`/api/v1/actions/${res.json().id}/approve`);
      expect(agent.statusCode).toBe(404); // Marco cannot see a German case at all.
      const ok = await lena.post(`/api/v1/actions/${res.json().id}/approve`);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'executed', approvedBy: lena.agent.id });
      d = await detail(c);
      expect(d.case.order.refundedAmount).toEqual(eur(300_00));
      expect(d.case.order.refundable).toEqual(eur(700_00));
      const twice = await tess.post(`/api/v1/actions/${res.json().id}/approve`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('action_not_pending');
    });

    it('compares limits in EUR through the rate table', async () => {
      const e = escalation();
      const c = await svc.intake({
        order: { ...e.order!, amountPaid: { amount: 1000_00, currency: 'GBP' } },
      });
      await ana.post(`/api/v1/cases/${c.id}/claim`);
      // 220 GBP is about 257 EUR: above Ana's 250 EUR.
      const res = await refund(ana, c, 220_00, {}, 'GBP');
      expect(res.json().status).toBe('pending_approval');
      const small = await refund(ana, c, 200_00, {}, 'GBP');
      expect(small.json().status).toBe('executed');
    });

    it('releases the reservation when a refund is rejected or withdrawn', async () => {
      const c = await anasCase(1000_00);
      const a = (await refund(ana, c, 600_00)).json<Action>();
      const reject = await tess.post(`/api/v1/actions/${a.id}/reject`, {
        reason: 'Seller already refunded.',
      });
      expect(reject.statusCode).toBe(200);
      expect(reject.json()).toMatchObject({ status: 'rejected', rejectedBy: tess.agent.id });
      expect((await detail(c)).case.order.refundable).toEqual(eur(1000_00));
      const b = (await refund(ana, c, 900_00)).json<Action>();
      expect((await tess.post(`/api/v1/actions/${b.id}/withdraw`)).statusCode).toBe(403);
      const w = await ana.post(`/api/v1/actions/${b.id}/withdraw`);
      expect(w.statusCode).toBe(200);
      expect(w.json().status).toBe('withdrawn');
      expect((await detail(c)).case.order.refundable).toEqual(eur(1000_00));
      expect((await ana.post(`/api/v1/actions/${b.id}/withdraw`)).json().error.code).toBe(
        'action_not_pending',
      );
    });

    it('shares one refundable amount between two cases on the same order', async () => {
      const e = escalation();
      const c1 = await svc.intake(e);
      const c2 = await svc.intake({ ...escalation(), buyer: e.buyer, order: e.order });
      await ana.post(`/api/v1/cases/${c1.id}/claim`);
      await ana.post(`/api/v1/cases/${c2.id}/claim`);
      expect((await refund(ana, c1, 80_00)).statusCode).toBe(201);
      expect((await refund(ana, c2, 30_00)).json().error.code).toBe('refund_exceeds_refundable');
      expect((await detail(c2)).case.order.refundable).toEqual(eur(20_00));
    });

    it('gives exactly one success among 20 simultaneous refunds of 60% each', async () => {
      const c = await anasCase(100_00);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          refund(ana, c, 60_00, { 'idempotency-key': `race-${c.id}-${i}` }),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((s) => s === 201)).toHaveLength(1);
      expect(codes.filter((s) => s === 422)).toHaveLength(19);
      const d = await detail(c);
      expect(d.case.order.refundedAmount).toEqual(eur(60_00));
      expect(d.actions).toHaveLength(1);
    });

    it('gives exactly one pending reservation among 20 simultaneous large refunds', async () => {
      const c = await anasCase(1000_00);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          refund(ana, c, 600_00, { 'idempotency-key': `big-${c.id}-${i}` }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect((await detail(c)).case.order.refundable).toEqual(eur(400_00));
    });

    it('replays a retried refund and moves no more money', async () => {
      const c = await anasCase(100_00);
      const key = { 'idempotency-key': `retry-${c.id}` };
      const first = await refund(ana, c, 25_00, key);
      const retries = await Promise.all([refund(ana, c, 25_00, key), refund(ana, c, 25_00, key)]);
      for (const r of retries) {
        expect(r.statusCode).toBe(201);
        expect(r.json()).toEqual(first.json());
      }
      const d = await detail(c);
      expect(d.case.order.refundedAmount).toEqual(eur(25_00));
      expect(d.actions).toHaveLength(1);
      const different = await refund(ana, c, 26_00, key);
      expect(different.statusCode).toBe(409);
      expect(different.json().error.code).toBe('idempotency_key_reused');
    });

    it('replays a refused request too, and treats the same key on another route as reuse', async () => {
      const c = await anasCase(100_00);
      const key = { 'idempotency-key': `refused-${c.id}` };
      const first = await refund(ana, c, 500_00, key);
      expect(first.statusCode).toBe(422);
      const again = await refund(ana, c, 500_00, key);
      expect(again.statusCode).toBe(422);
      expect(again.json()).toEqual(first.json());
      const elsewhere = await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'x' }, key);
      expect(elsewhere.statusCode).toBe(409);
      expect(elsewhere.json().error.code).toBe('idempotency_key_reused');
    });

    ruleIt('scopes idempotency keys to the caller', async () => {
      const c = await anasCase(100_00);
      const key = { 'idempotency-key': `shared-${c.id}` };
      expect((await ana.post(`/api/v1/cases/${c.id}/notes`, { body: 'a' }, key)).statusCode).toBe(
        201,
      );
      expect((await tess.post(`/api/v1/cases/${c.id}/notes`, { body: 'a' }, key)).statusCode).toBe(
        201,
      );
      expect((await detail(c)).notes).toHaveLength(2);
    });

    ruleIt('refuses an idempotency key that is too long', async () => {
      const c = await anasCase();
      const res = await ana.post(
        `/api/v1/cases/${c.id}/notes`,
        { body: 'a' },
        { 'idempotency-key': 'k'.repeat(256) },
      );
      expect(res.statusCode).toBe(400);
    });
  });

  describe('cancellations', () => {
    it('cancels an undelivered order once', async () => {
      const c = await anasCase(100_00, 'not_shipped');
      const res = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'Buyer changed mind',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe('executed');
      expect((await detail(c)).case.order.status).toBe('cancelled');
      const again = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'again',
      });
      expect(again.json().error.code).toBe('order_cancelled');
    });

    ruleIt('refuses to cancel a delivered order', async () => {
      const c = await anasCase(100_00, 'delivered');
      const res = await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'cancel_order',
        reason: 'x',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('order_delivered');
    });
  });

  describe('restrictions and referrals (four eyes, T&S only)', () => {
    const restrict = (s: Session, c: Case) =>
      s.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'restrict_account',
        subject: 'seller',
        restriction: 'block_selling',
        until: null,
        statementOfReasons: sor,
      });

    it('keeps a restriction pending until another T&S reviewer approves it', async () => {
      const c = await anasCase();
      const proposed = await restrict(ana, c);
      expect(proposed.statusCode).toBe(201);
      expect(proposed.json()).toMatchObject({
        status: 'pending_approval',
        statementOfReasons: sor,
      });
      const id = proposed.json().id;
      expect((await lena.post(`/api/v1/actions/${id}/approve`)).json().error.code).toBe(
        'forbidden',
      );
      const pending = await ana.post(`/api/v1/cases/${c.id}/resolve`, { summary: 'done' });
      expect(pending.statusCode).toBe(409);
      expect(pending.json().error.code).toBe('pending_approvals');
      const ok = await tess.post(`/api/v1/actions/${id}/approve`);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().status).toBe('executed');
      const d = await detail(c);
      expect(d.context.sellerRestrictions).toHaveLength(1);
      expect(d.context.sellerRestrictions[0]).toMatchObject({
        restriction: 'block_selling',
        actionId: id,
      });
      expect(
        (await ana.post(`/api/v1/cases/${c.id}/resolve`, { summary: 'done' })).statusCode,
      ).toBe(200);
    });

    ruleIt(
      'keeps the reviewer’s approval comment on the case and refuses a malformed one',
      async () => {
        const c = await anasCase();
        const id = (await restrict(ana, c)).json().id;
        for (const body of [
          { comment: 42 },
          { comment: 'ok', extra: 1 },
          { comment: 'x'.repeat(5000) },
        ]) {
          const bad = await tess.post(`/api/v1/actions/${id}/approve`, body);
          expect(bad.statusCode).toBe(400);
        }
        expect((await detail(c)).actions.find((a: Action) => a.id === id).status).toBe(
          'pending_approval',
        );
        const ok = await tess.post(`/api/v1/actions/${id}/approve`, {
          comment: ' Proof checked. ',
        });
        expect(ok.statusCode).toBe(200);
        const approved = (await detail(c)).events.filter(
          (e: { type: string }) => e.type === 'action.approved',
        );
        expect(approved).toHaveLength(1);
        expect(approved[0].data).toMatchObject({ actionId: id, comment: 'Proof checked.' });
      },
    );

    ruleIt('never lets a T&S reviewer approve their own proposal', async () => {
      const c = await svc.intake({ language: 'en' });
      await tess.post(`/api/v1/cases/${c.id}/claim`);
      const p = (await restrict(tess, c)).json();
      const self = await tess.post(`/api/v1/actions/${p.id}/approve`);
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('four_eyes_violation');
      const selfReject = await tess.post(`/api/v1/actions/${p.id}/reject`, { reason: 'x' });
      expect(selfReject.json().error.code).toBe('four_eyes_violation');
      expect((await tom.post(`/api/v1/actions/${p.id}/approve`)).statusCode).toBe(200);
    });

    ruleIt('keeps law-enforcement referrals pending even for T&S and leads', async () => {
      const c = await anasCase();
      const res = await lena.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'law_enforcement_referral',
        category: 'counterfeit',
        authority: 'Politie Eenheid Amsterdam',
        summary: 'Counterfeit watches sold repeatedly.',
        evidence: ['order screenshots', 'expert report'],
      });
      expect(res.json().status).toBe('pending_approval');
      expect((await ana.post(`/api/v1/actions/${res.json().id}/approve`)).statusCode).toBe(403);
      expect((await tom.post(`/api/v1/actions/${res.json().id}/approve`)).json().status).toBe(
        'executed',
      );
    });

    ruleIt(
      'refuses incomplete statements of reasons, unknown action types and unknown fields',
      async () => {
        const c = await anasCase();
        const cases = [
          {
            type: 'restrict_account',
            subject: 'buyer',
            restriction: 'suspend',
            until: null,
            statementOfReasons: { ...sor, facts: undefined },
          },
          { type: 'teleport', reason: 'x' },
          { type: 'refund', amount: eur(1_00), reason: 'x', bonus: true },
          { type: 'refund', amount: { amount: -5, currency: 'EUR' }, reason: 'x' },
          { type: 'refund', amount: { amount: 1.5, currency: 'EUR' }, reason: 'x' },
          { type: 'refund', amount: eur(1_00), reason: 'x'.repeat(2001) },
        ];
        for (const body of cases) {
          const res = await ana.post(`/api/v1/cases/${c.id}/actions`, body);
          expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
          expect(res.json().error.code).toBe('validation_failed');
        }
        expect((await detail(c)).actions).toHaveLength(0);
      },
    );
  });

  describe('external disputes', () => {
    it('records a dispute on a resolved case, flags the case and updates it later', async () => {
      const c = await anasCase();
      await ana.post(`/api/v1/cases/${c.id}/resolve`, {
        summary: 'Refused refund: item as described.',
      });
      const res = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
        body: 'De Geschillencommissie',
        reference: 'GC-2026-0042',
        filedAt: '2026-11-20T09:00:00+01:00',
        status: 'filed',
        notes: 'Buyer filed for binding advice.',
        responseDueAt: '2026-12-18T17:00:00+01:00',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        caseId: c.id,
        filedAt: '2026-11-20T08:00:00.000Z',
        status: 'filed',
        outcome: null,
      });
      expect((await detail(c)).case.externalDispute).toBe(true);
      const patched = await ana.request('PATCH', `/api/v1/external-disputes/${res.json().id}`, {
        status: 'decided',
        outcome: 'Claim rejected.',
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        status: 'decided',
        outcome: 'Claim rejected.',
        notes: 'Buyer filed for binding advice.',
      });
      const d = await detail(c);
      expect(d.externalDisputes).toHaveLength(1);
      expect(d.events.at(-1).type).toBe('dispute.updated');
      const empty = await ana.request('PATCH', `/api/v1/external-disputes/${res.json().id}`, {});
      expect(empty.statusCode).toBe(400);
      const unknown = await ana.request('PATCH', `/api/v1/external-disputes/${res.json().id}`, {
        body: 'other',
      });
      expect(unknown.statusCode).toBe(400);
      const hidden = await marco.request('PATCH', `/api/v1/external-disputes/${res.json().id}`, {
        notes: 'x',
      });
      expect(hidden.statusCode).toBe(404);
    });
  });
});
