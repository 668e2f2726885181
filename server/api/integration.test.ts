import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Case } from '../../shared';
import { WebhookReceiver, waitFor } from '../testing/webhook-receiver';
import {
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';

const KEY = 'integration-key-0123456789';
const eur = (amount: number) => ({ amount, currency: 'EUR' as const });

describe.each(ruleSuiteDatabaseKinds())('the marketplace integration on %s', (kind) => {
  const receiver = new WebhookReceiver();
  let svc: TestService;
  let ana: Session, lena: Session, tess: Session, tom: Session;
  beforeAll(async () => {
    await receiver.up();
    svc = await startTestService(kind, {
      integration: {
        webhook: { url: receiver.url, secrets: ['s3cret-for-tests'] },
        key: KEY,
        retryBaseMs: 20,
        worker: { pollMs: 50 },
      },
    });
    [ana, lena, tess, tom] = await Promise.all([
      svc.login('ana'),
      svc.login('lena'),
      svc.login('tess'),
      svc.login('tom'),
    ]);
  });
  afterAll(async () => {
    await svc.close();
    await receiver.down();
  });

  const result = (actionId: string, body: unknown, key = KEY, headers = {}) =>
    svc.app.inject({
      method: 'POST',
      url: `/api/v1/integration/actions/${actionId}/result`,
      headers: { 'x-integration-key': key, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(body),
    });
  const patchOrder = (externalId: string, body: unknown, key = KEY) =>
    svc.app.inject({
      method: 'PATCH',
      url: `/api/v1/integration/orders/${encodeURIComponent(externalId)}`,
      headers: { 'x-integration-key': key, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const detail = async (c: Case) => (await lena.get(`/api/v1/cases/${c.id}`)).json();

  async function anasCase(overrides = {}): Promise<Case> {
    const c = await svc.intake(overrides);
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    return c;
  }
  async function refund(c: Case, amount: number, who: Session = ana): Promise<Action> {
    const res = await who.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'refund',
      amount: eur(amount),
      reason: 'Damaged in transit',
    });
    expect(res.statusCode).toBe(201);
    return res.json<Action>();
  }

  it('requests a refund within the limit from the marketplace and keeps its amount reserved', async () => {
    const c = await anasCase();
    const a = await refund(c, 40_00);
    expect(a.status).toBe('requested');
    const d = await detail(c);
    expect(d.case.order.refundedAmount).toEqual(eur(0));
    expect(d.case.order.refundable).toEqual(eur(60_00));
    expect(d.events.at(-1)).toMatchObject({ type: 'action.requested' });
    const sent = await waitFor(() =>
      receiver.ofType('refund.requested').find((r) => (r.body.data.action as Action).id === a.id),
    );
    expect(sent.body.data.action).toMatchObject({ amount: eur(40_00) });
  });

  it('counts the money refunded once the marketplace reports it executed, and answers a repeat the same', async () => {
    const c = await anasCase();
    const a = await refund(c, 30_00);
    const res = await result(a.id, { status: 'executed', externalRef: 'pay_123' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'executed', externalRef: 'pay_123' });
    const d = await detail(c);
    expect(d.case.order.refundedAmount).toEqual(eur(30_00));
    expect(d.case.order.refundable).toEqual(eur(70_00));
    expect(d.events.at(-1)).toMatchObject({ type: 'action.executed', actorId: null });

    const again = await result(a.id, { status: 'executed', externalRef: 'pay_123' });
    expect(again.statusCode).toBe(200);
    expect((await detail(c)).case.order.refundedAmount).toEqual(eur(30_00));

    const conflicting = await result(a.id, { status: 'failed', reason: 'Card expired' });
    expect(conflicting.statusCode).toBe(409);
    expect(conflicting.json().error.code).toBe('action_not_pending');
    expect((await detail(c)).case.order.refundedAmount).toEqual(eur(30_00));
  });

  it('releases the reservation and reopens a resolved case when the marketplace reports a failure', async () => {
    const c = await anasCase();
    const a = await refund(c, 50_00);
    // A requested action does not hold up resolving.
    const resolved = await ana.post(`/api/v1/cases/${c.id}/resolve`, { summary: 'Refunded' });
    expect(resolved.statusCode).toBe(200);
    const res = await result(a.id, { status: 'failed', reason: 'The card was closed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', failureReason: 'The card was closed' });
    const d = await detail(c);
    expect(d.case.status).toBe('open');
    expect(d.case.assigneeId).toBe(ana.agent.id);
    expect(d.case.order.refundable).toEqual(eur(100_00));
    expect(d.case.order.refundedAmount).toEqual(eur(0));
    expect(d.events.at(-1)).toMatchObject({
      type: 'action.failed',
      data: { reason: 'The card was closed', caseFrom: 'resolved', caseTo: 'open' },
    });
    // Replayed: the same answer; nothing moves again.
    expect(
      (await result(a.id, { status: 'failed', reason: 'The card was closed' })).statusCode,
    ).toBe(200);
    expect((await result(a.id, { status: 'executed' })).json().error.code).toBe(
      'action_not_pending',
    );
    expect(
      (await detail(c)).events.filter((e: { type: string }) => e.type === 'action.failed'),
    ).toHaveLength(1);
  });

  it('refuses a second cancellation while one is with the marketplace, and cancels on its word', async () => {
    const c = await anasCase();
    const cancel = () =>
      ana.post(`/api/v1/cases/${c.id}/actions`, { type: 'cancel_order', reason: 'Buyer asked' });
    const first = await cancel();
    expect(first.json()).toMatchObject({ status: 'requested' });
    expect((await detail(c)).case.order.status).toBe('active');
    const second = await cancel();
    expect(second.statusCode).toBe(422);
    expect(second.json().error.code).toBe('order_cancelled');
    await result(first.json().id, { status: 'executed' });
    expect((await detail(c)).case.order.status).toBe('cancelled');
  });

  it('requests an approved refund above the limit, with the approver named', async () => {
    const e = escalation();
    const c = await anasCase({ order: { ...e.order!, amountPaid: eur(900_00) } });
    const a = await refund(c, 800_00);
    expect(a.status).toBe('pending_approval');
    const approved = await lena.post(`/api/v1/actions/${a.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'requested', approvedBy: lena.agent.id });
    expect((await detail(c)).case.order.refundable).toEqual(eur(100_00));
    await result(a.id, { status: 'executed' });
    expect((await detail(c)).case.order.refundedAmount).toEqual(eur(800_00));
  });

  it('puts a restriction in force only when the marketplace has carried it out', async () => {
    const c = await anasCase();
    const proposed = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'seller',
      restriction: 'block_selling',
      until: null,
      statementOfReasons: {
        facts: 'Counterfeit goods sold.',
        ground: 'Terms §7',
        groundType: 'contractual',
        automated: false,
        redress: 'Internal complaint within 6 months.',
      },
    });
    const approved = await tess.post(`/api/v1/actions/${proposed.json().id}/approve`);
    expect(approved.json().status).toBe('requested');
    const restrictions = async () =>
      (
        await svc.db.query('SELECT 1 FROM account_restrictions WHERE action_id = $1', [
          proposed.json().id,
        ])
      ).rows.length;
    expect(await restrictions()).toBe(0);
    await result(proposed.json().id, { status: 'executed', externalRef: 'acct-77' });
    expect(await restrictions()).toBe(1);
    void tom;
  });

  it('refuses results without the right key, for unknown actions, and with bad bodies — changing nothing', async () => {
    const c = await anasCase();
    const a = await refund(c, 10_00);
    expect((await result(a.id, { status: 'executed' }, 'wrong-key-0123456789')).statusCode).toBe(
      401,
    );
    expect(
      (await result('00000000-0000-4000-8000-000000000000', { status: 'executed' })).statusCode,
    ).toBe(404);
    expect((await result('not-a-uuid', { status: 'executed' })).statusCode).toBe(404);
    const bad = await result(a.id, { status: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await result(a.id, { status: 'executed', extra: 1 })).statusCode).toBe(400);
    const agentToken = await ana.post(`/api/v1/integration/actions/${a.id}/result`, {
      status: 'executed',
    });
    expect(agentToken.statusCode).toBe(401);
    expect((await detail(c)).actions[0].status).toBe('requested');
  });

  it('replays a result sent again with the same Idempotency-Key', async () => {
    const c = await anasCase();
    const a = await refund(c, 10_00);
    const first = await result(a.id, { status: 'executed' }, KEY, { 'idempotency-key': 'r-1' });
    const again = await result(a.id, { status: 'executed' }, KEY, { 'idempotency-key': 'r-1' });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const reused = await result(a.id, { status: 'failed' }, KEY, { 'idempotency-key': 'r-1' });
    expect(reused.json().error.code).toBe('idempotency_key_reused');
  });

  it('records order facts on every case of the order and never moves shipping backwards', async () => {
    const e = escalation();
    const one = await anasCase({ order: e.order, buyer: e.buyer });
    const two = await anasCase({ order: e.order, buyer: e.buyer });
    const res = await patchOrder(e.order!.externalId, {
      shippingStatus: 'delivered',
      deliveredAt: '2026-11-20T10:00:00+01:00',
      payoutStatus: 'held',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().order).toMatchObject({
      shippingStatus: 'delivered',
      deliveredAt: '2026-11-20T09:00:00.000Z',
      payoutStatus: 'held',
      status: 'active',
    });
    for (const c of [one, two]) {
      const d = await detail(c);
      expect(d.case.order.shippingStatus).toBe('delivered');
      expect(d.events.at(-1)).toMatchObject({
        type: 'order.updated',
        data: { changes: { shippingStatus: { from: 'shipped', to: 'delivered' } } },
      });
    }
    const late = await patchOrder(e.order!.externalId, { shippingStatus: 'shipped' });
    expect(late.json().order.shippingStatus).toBe('delivered');
    expect(
      (await detail(one)).events.filter((x: { type: string }) => x.type === 'order.updated'),
    ).toHaveLength(1);

    expect((await patchOrder('no-such-order', { payoutStatus: 'released' })).statusCode).toBe(404);
    expect((await patchOrder(e.order!.externalId, {})).statusCode).toBe(400);
    expect((await patchOrder(e.order!.externalId, { status: 'active' })).statusCode).toBe(400);
    expect(
      (await patchOrder(e.order!.externalId, { payoutStatus: 'released' }, 'nope-nope-nope-nope'))
        .statusCode,
    ).toBe(401);
  });

  it('keeps a cancelled order cancelled whatever the marketplace reports about shipping', async () => {
    const e = escalation();
    const c = await anasCase({ order: { ...e.order!, shippingStatus: 'not_shipped' } });
    const cancel = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'cancel_order',
      reason: 'x',
    });
    await result(cancel.json().id, { status: 'executed' });
    const res = await patchOrder(e.order!.externalId, { shippingStatus: 'shipped' });
    expect(res.json().order).toMatchObject({ status: 'cancelled', shippingStatus: 'shipped' });
  });
});
