import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, IntakeRequest } from '../../shared';
import {
  escalation,
  startTestService,
  TEST_INTAKE_KEY,
  type Session,
  type TestService,
} from '../testing/test-service';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';

interface Detail {
  case: Case;
  events: { type: string; actorId: string | null; data: Record<string, unknown> }[];
}

/** Issue 10, defect 12: what a later escalation may and may not change. */
describe.each(ruleSuiteDatabaseKinds())('a later escalation about known parties on %s', (kind) => {
  let svc: TestService;
  let ana: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    ana = await svc.login('ana');
  });
  afterAll(() => svc.close());

  const detail = async (c: Case) => (await ana.get(`/api/v1/cases/${c.id}`)).json<Detail>();
  const eventsOf = async (c: Case, type: string) =>
    (await detail(c)).events.filter((e) => e.type === type);
  /** The same buyer and order again, with some of the order's facts replaced. */
  const again = (e: IntakeRequest, order: Partial<NonNullable<IntakeRequest['order']>> = {}) =>
    escalation({ buyer: e.buyer, order: { ...e.order!, ...order } });

  it('keeps a delivered order delivered when a later escalation says shipped, and records nothing', async () => {
    const e = escalation({
      order: {
        ...escalation().order!,
        shippingStatus: 'delivered',
        deliveredAt: '2026-11-05T10:00:00Z',
      },
    });
    const first = await svc.intake(e);
    const second = await svc.intake(
      again(e, { shippingStatus: 'shipped', deliveredAt: undefined, trackingNumber: 'OTHER' }),
    );
    expect(second.order?.shippingStatus).toBe('delivered');
    expect(second.order?.deliveredAt).toBe('2026-11-05T10:00:00.000Z');
    expect(second.order?.trackingNumber).toBe(e.order!.trackingNumber);
    expect(await eventsOf(first, 'order.updated')).toEqual([]);
  });

  it('leaves a cancelled order cancelled and its refunds as they are', async () => {
    const e = escalation({
      order: { ...escalation().order!, shippingStatus: 'not_shipped', shippedAt: undefined },
    });
    const c = await svc.intake(e);
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const refund = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'refund',
      amount: { amount: 20_00, currency: 'EUR' },
      reason: 'Partial refund',
    });
    expect(refund.json().status).toBe('executed');
    const cancel = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'cancel_order',
      reason: 'Buyer changed mind',
    });
    expect(cancel.json().status).toBe('executed');

    const later = await svc.intake(
      again(e, {
        shippingStatus: 'delivered',
        shippedAt: '2026-11-03T10:00:00Z',
        deliveredAt: '2026-11-06T10:00:00Z',
        amountPaid: { amount: 500_00, currency: 'EUR' },
      }),
    );
    for (const order of [later.order!, (await detail(c)).case.order!]) {
      expect(order.status).toBe('cancelled');
      expect(order.shippingStatus).toBe('not_shipped');
      expect(order.amountPaid).toEqual({ amount: 100_00, currency: 'EUR' });
      expect(order.refundedAmount).toEqual({ amount: 20_00, currency: 'EUR' });
    }
    // What it did add (dates it lacked) is recorded on the case that shows the order.
    const [updated] = await eventsOf(c, 'order.updated');
    expect(updated?.data).toMatchObject({
      source: 'intake',
      orderExternalId: e.order!.externalId,
      changes: {
        shippedAt: { from: null, to: '2026-11-03T10:00:00.000Z' },
        deliveredAt: { from: null, to: '2026-11-06T10:00:00.000Z' },
      },
    });
    expect(Object.keys(updated!.data.changes as object)).not.toContain('shippingStatus');
  });

  it('records every change to a known buyer, seller and order as an event on each case that shows it', async () => {
    const e = escalation({
      order: {
        ...escalation().order!,
        shippingStatus: 'not_shipped',
        shippedAt: undefined,
        trackingNumber: undefined,
      },
    });
    const first = await svc.intake(e);
    // The same buyer's other order, from another seller.
    const other = await svc.intake(escalation({ buyer: e.buyer }));
    const before = (await detail(first)).case.version;

    const newEmail = `moved-${Date.now()}@example.com`;
    const third = await svc.intake(
      escalation({
        buyer: { ...e.buyer, email: newEmail },
        order: {
          ...e.order!,
          shippingStatus: 'shipped',
          shippedAt: '2026-11-04T08:00:00+01:00',
          trackingNumber: 'TRK-NEW',
          seller: { ...e.order!.seller, name: 'Renamed Gallery' },
        },
      }),
    );
    expect(third.buyer.email).toBe(newEmail);
    expect(third.order?.shippingStatus).toBe('shipped');
    expect(third.order?.seller.name).toBe('Renamed Gallery');

    const d = await detail(first);
    expect(d.case.version).toBeGreaterThan(before);
    expect(d.case.buyer.email).toBe(newEmail);
    const byType = (t: string) => d.events.filter((x) => x.type === t);
    expect(byType('buyer.updated')).toHaveLength(1);
    expect(byType('buyer.updated')[0]).toMatchObject({
      actorId: null,
      data: {
        source: 'intake',
        buyerExternalId: e.buyer.externalId,
        changes: { email: { from: e.buyer.email, to: newEmail } },
      },
    });
    expect(byType('seller.updated')[0]?.data).toMatchObject({
      sellerExternalId: e.order!.seller.externalId,
      changes: { name: { from: e.order!.seller.name, to: 'Renamed Gallery' } },
    });
    expect(byType('order.updated')[0]?.data).toMatchObject({
      changes: {
        shippingStatus: { from: 'not_shipped', to: 'shipped' },
        shippedAt: { from: null, to: '2026-11-04T07:00:00.000Z' },
        trackingNumber: { from: null, to: 'TRK-NEW' },
      },
    });
    // The buyer's other case shows the buyer, not this order or its seller.
    const o = await detail(other);
    expect(o.events.map((x) => x.type).filter((t) => t.endsWith('.updated'))).toEqual([
      'buyer.updated',
    ]);
    // The new case is opened with the facts as they now stand; it needs no update event.
    expect((await detail(third)).events.map((x) => x.type)).toEqual(['case.created']);
  });

  it('writes no event when a later escalation changes nothing', async () => {
    const e = escalation();
    const first = await svc.intake(e);
    await svc.intake(again(e));
    expect((await detail(first)).events.map((x) => x.type)).toEqual(['case.created']);
  });

  it('refuses an escalation naming another seller for a known order with 422 order_buyer_mismatch, storing nothing', async () => {
    const e = escalation();
    const first = await svc.intake(e);
    const count = async () =>
      (
        await svc.db.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM buyers)
                + (SELECT count(*) FROM sellers) + (SELECT count(*) FROM events) AS n`,
        )
      ).rows[0]!.n;
    const rows = await count();
    const other = {
      ...e,
      buyer: { ...e.buyer, name: 'Renamed Buyer' },
      order: {
        ...e.order!,
        trackingNumber: 'X',
        seller: { externalId: `other-seller-${Date.now()}`, name: 'Someone Else', country: 'FR' },
      },
    };
    const res = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': TEST_INTAKE_KEY },
      payload: other,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'order_buyer_mismatch',
      details: { fields: [{ path: 'order.seller.externalId' }] },
    });
    expect(await count()).toBe(rows);
    const d = await detail(first);
    expect(d.case.order?.seller.externalId).toBe(e.order!.seller.externalId);
    expect(d.case.buyer.name).toBe(e.buyer.name);
    const seller = await svc.db.query('SELECT 1 FROM sellers WHERE external_id = $1', [
      other.order.seller.externalId,
    ]);
    expect(seller.rows).toEqual([]);
  });

  it('refuses an escalation naming another buyer for a known order with 422 order_buyer_mismatch, storing nothing', async () => {
    const e = escalation();
    const first = await svc.intake(e);
    const count = async () =>
      (
        await svc.db.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM buyers)
                + (SELECT count(*) FROM sellers) + (SELECT count(*) FROM events) AS n`,
        )
      ).rows[0]!.n;
    const rows = await count();
    const intruder = escalation({
      order: { ...e.order!, shippingStatus: 'delivered', trackingNumber: 'X' },
    });
    const res = await svc.app.inject({
      method: 'POST',
      url: '/api/v1/intake/escalations',
      headers: { 'x-intake-key': TEST_INTAKE_KEY, 'idempotency-key': `mismatch-${Date.now()}` },
      payload: intruder,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('order_buyer_mismatch');
    expect(await count()).toBe(rows);
    const d = await detail(first);
    expect(d.case.order?.shippingStatus).toBe('shipped');
    expect(d.case.buyer.email).toBe(e.buyer.email);
    const buyer = await svc.db.query('SELECT 1 FROM buyers WHERE external_id = $1', [
      intruder.buyer.externalId,
    ]);
    expect(buyer.rows).toEqual([]);
  });
});
