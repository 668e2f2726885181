import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CaseEvent,
  IntegrationEventEnvelope,
  INTEGRATION_EVENT_DATA,
  PullResponse,
  type SyncChange,
} from '../../shared';
import { buildApp } from '../app';
import { openPostgres } from '../db/postgres-database';
import {
  TEST_INTAKE_KEY,
  escalation,
  startTestService,
  type TestService,
} from '../testing/test-service';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-databases';
import { WebhookReceiver, waitFor } from '../testing/webhook-receiver';
import { claimDueEvents } from './delivery-store';
import { DeliveryWorker } from './delivery-worker';
import { enqueueIntegrationEvent, setWebhookEnabled } from './outbox';
import type { IntegrationOptions } from './register-integration';
import { verifySignature } from './webhook-signature';

const SECRET = 'whsec_test_0123456789abcdef';

function integration(receiver: WebhookReceiver, over: Partial<IntegrationOptions> = {}) {
  return {
    webhook: { url: receiver.url, secrets: [SECRET] },
    key: 'integration-key-0123456789',
    retryBaseMs: 20,
    ...over,
    worker: { pollMs: 50, ...over.worker },
  } satisfies IntegrationOptions;
}

async function outbox(svc: TestService) {
  const res = await svc.db.query<{ id: string; type: string; status: string; attempts: number }>(
    'SELECT id, type, status, attempts FROM integration_events ORDER BY seq',
  );
  return res.rows;
}

describe.each(testDatabaseKinds())('webhook delivery on %s', (kind) => {
  const receiver = new WebhookReceiver();
  let svc: TestService;
  beforeAll(async () => {
    await receiver.up();
    svc = await startTestService(kind, { integration: integration(receiver) });
  });
  afterAll(async () => {
    await svc.close();
    await receiver.down();
  });
  afterEach(() => {
    receiver.answer = () => 200;
  });

  it('delivers a new case signed with the secret, with its reference and external ids only', async () => {
    const e = escalation();
    const c = await svc.intake(e);
    const d = await waitFor(
      () =>
        receiver.received.find(
          (r) => r.body.type === 'case.created' && (r.body.data.case as { id: string }).id === c.id,
        ),
      5_000,
      'case.created',
    );
    expect(verifySignature(d.signature, d.rawBody, [SECRET])).toMatchObject({ ok: true });
    expect(verifySignature(d.signature, d.rawBody, ['another secret'])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(d.signature, `${d.rawBody} `, [SECRET])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(d.eventId).toBe(d.body.id);
    expect(IntegrationEventEnvelope.parse(d.body)).toBeTruthy();
    expect(INTEGRATION_EVENT_DATA['case.created'].parse(d.body.data)).toMatchObject({
      case: { reference: c.reference, channel: 'email', language: 'de' },
      buyer: { externalId: e.buyer.externalId },
      order: { externalId: e.order!.externalId, lotId: e.order!.lotId },
      seller: { externalId: e.order!.seller.externalId },
    });
    // The receiver needs ids, not the buyer's name, email or words.
    expect(d.rawBody).not.toContain(e.buyer.email);
    expect(d.rawBody).not.toContain(e.buyer.name);
    expect(d.rawBody).not.toContain(e.question);
  });

  it('redelivers an event answered with 500 under the same id, and not again after a 200', async () => {
    const seen = new Map<string, number>();
    receiver.answer = (d) => {
      const n = (seen.get(d.eventId) ?? 0) + 1;
      seen.set(d.eventId, n);
      return n === 1 ? 500 : 200;
    };
    const c = await svc.intake();
    const mine = () =>
      receiver.received.filter((r) => (r.body.data.case as { id: string }).id === c.id);
    await waitFor(() => mine().some((r) => r.answered === 200), 5_000, 'the redelivery');
    await new Promise((r) => setTimeout(r, 300));
    const got = mine();
    expect(got.map((r) => r.answered)).toEqual([500, 200]);
    expect(got[0]!.eventId).toBe(got[1]!.eventId);
    expect(got[0]!.rawBody).toBe(got[1]!.rawBody);
    const row = (await outbox(svc)).find((r) => r.id === got[0]!.eventId)!;
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('loses nothing while the receiver is down and keeps each case in order', async () => {
    await receiver.down();
    const lena = await svc.login('lena');
    const cases = [];
    for (let i = 0; i < 3; i++) {
      const c = await svc.intake({ channel: 'chat' });
      await lena.post(`/api/v1/cases/${c.id}/claim`);
      await lena.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: `Hallo ${i}` });
      await lena.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'refund',
        amount: { amount: 10_00 + i, currency: 'EUR' },
        reason: 'Damaged',
      });
      await lena.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: `Erstattet ${i}` });
      await lena.post(`/api/v1/cases/${c.id}/resolve`, { summary: 'Refunded' });
      cases.push(c);
    }
    // Tries fail meanwhile (connection refused) and are scheduled again.
    await waitFor(
      async () => (await outbox(svc)).some((r) => r.status === 'failed'),
      5_000,
      'a failed try',
    );
    await new Promise((r) => setTimeout(r, 300));
    await receiver.up();
    const expected = [
      'case.created',
      'message.created',
      'refund.requested',
      'message.created',
      'case.resolved',
    ];
    for (const c of cases) {
      const ofCase = () =>
        receiver.acknowledged().filter((r) => (r.body.data.case as { id: string }).id === c.id);
      await waitFor(() => ofCase().length >= expected.length, 10_000, `events of ${c.reference}`);
      expect(ofCase().map((r) => r.body.type)).toEqual(expected);
      // Per case, each delivery began after the previous one of the case was acknowledged.
      const all = receiver.received.filter((r) => (r.body.data.case as { id: string }).id === c.id);
      const firstTry = new Map<string, number>();
      for (const r of all) if (!firstTry.has(r.eventId)) firstTry.set(r.eventId, all.indexOf(r));
      expect([...firstTry.keys()]).toEqual(ofCase().map((r) => r.eventId));
    }
    const rows = await waitFor(
      async () => {
        const all = await outbox(svc);
        return all.every((r) => r.status === 'delivered') && all;
      },
      5_000,
      'every event recorded as delivered',
    );
    expect(new Set(receiver.acknowledged().map((r) => r.eventId))).toEqual(
      new Set(rows.map((r) => r.id)),
    );
  });

  it('hands chat replies to the help center but not replies on email cases', async () => {
    const lena = await svc.login('lena');
    const email = await svc.intake({ channel: 'email' });
    const chat = await svc.intake({ channel: 'chat' });
    for (const c of [email, chat]) {
      await lena.post(`/api/v1/cases/${c.id}/claim`);
      await lena.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: 'Wir kümmern uns.' });
      await lena.post(`/api/v1/cases/${c.id}/messages`, { to: 'seller', body: 'Bitte melden.' });
    }
    const msg = await waitFor(
      () =>
        receiver
          .ofType('message.created')
          .find((r) => (r.body.data.case as { id: string }).id === chat.id),
      5_000,
    );
    expect(INTEGRATION_EVENT_DATA['message.created'].parse(msg.body.data).message).toMatchObject({
      to: 'buyer',
      body: 'Wir kümmern uns.',
    });
    await new Promise((r) => setTimeout(r, 200));
    const messages = receiver
      .ofType('message.created')
      .map((r) => r.body.data.case as { id: string });
    expect(messages.filter((m) => m.id === email.id)).toHaveLength(0);
    expect(messages.filter((m) => m.id === chat.id)).toHaveLength(1);
  });

  it('names a chat reply’s files in message.created, and lets the marketplace fetch only those', async () => {
    const lena = await svc.login('lena');
    const chat = await svc.intake({ channel: 'chat' });
    await lena.post(`/api/v1/cases/${chat.id}/claim`);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = async () => {
      const res = await svc.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${chat.id}/attachments?filename=label.png`,
        headers: {
          authorization: `Bearer ${lena.token}`,
          'content-type': 'application/octet-stream',
        },
        payload: png,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; sha256: string }>();
    };
    const sent = await upload();
    const draft = await upload();
    const reply = await lena.post(`/api/v1/cases/${chat.id}/messages`, {
      to: 'buyer',
      body: 'Hier ist das Versandetikett.',
      attachmentIds: [sent.id],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const msg = await waitFor(
      () =>
        receiver
          .ofType('message.created')
          .find((r) => (r.body.data.case as { id: string }).id === chat.id),
      5_000,
    );
    const data = INTEGRATION_EVENT_DATA['message.created'].parse(msg.body.data);
    expect(data.message.attachments).toEqual([
      expect.objectContaining({
        id: sent.id,
        messageId: reply.json<{ id: string }>().id,
        filename: 'label.png',
        contentType: 'image/png',
        size: png.length,
        sha256: sent.sha256,
      }),
    ]);

    const fetchFile = (id: string, key = 'integration-key-0123456789') =>
      svc.app.inject({
        method: 'GET',
        url: `/api/v1/integration/attachments/${id}`,
        headers: { 'x-integration-key': key },
      });
    const got = await fetchFile(sent.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(png)).toBe(true);
    expect(got.headers['content-disposition']).toMatch(/^attachment/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect((await fetchFile(sent.id, 'wrong-key-0123456789')).statusCode).toBe(401);
    // An upload not sent with a message is the agent's draft, not the marketplace's.
    expect((await fetchFile(draft.id)).statusCode).toBe(404);
    expect((await fetchFile('not-a-uuid')).statusCode).toBe(404);
  });

  it('sends a refund above the limit only once it is approved', async () => {
    const ana = await svc.login('ana');
    const lena = await svc.login('lena');
    const e = escalation();
    const c = await svc.intake({
      order: { ...e.order!, amountPaid: { amount: 900_00, currency: 'EUR' } },
    });
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const proposed = (
      await ana.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'refund',
        amount: { amount: 800_00, currency: 'EUR' },
        reason: 'Counterfeit',
      })
    ).json<{ id: string }>();
    await new Promise((r) => setTimeout(r, 200));
    const refunds = () =>
      receiver
        .ofType('refund.requested')
        .filter((r) => (r.body.data.action as { id: string }).id === proposed.id);
    expect(refunds()).toHaveLength(0);
    await lena.post(`/api/v1/actions/${proposed.id}/approve`);
    const d = await waitFor(() => refunds()[0], 5_000);
    expect(INTEGRATION_EVENT_DATA['refund.requested'].parse(d.body.data).action).toMatchObject({
      amount: { amount: 800_00, currency: 'EUR' },
      proposedBy: ana.agent.id,
      approvedBy: lena.agent.id,
    });
  });

  it('writes nothing to the outbox when a change is refused', async () => {
    const ana = await svc.login('ana');
    const c = await svc.intake();
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const before = (await outbox(svc)).length;
    const res = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'refund',
      amount: { amount: 999_00, currency: 'EUR' },
      reason: 'Too much',
    });
    expect(res.statusCode).toBe(422);
    expect((await outbox(svc)).length).toBe(before);
  });

  it('gives up on an event after the retry window (dead), and then sends the case’s later events', async () => {
    const quiet = new WebhookReceiver();
    await quiet.up();
    const other = await startTestService(kind, {
      integration: integration(quiet, { worker: { retryWindowMs: 300, pollMs: 50 } }),
    });
    try {
      quiet.answer = (d) => (d.body.type === 'case.created' ? 500 : 200);
      const lena = await other.login('lena');
      const c = await other.intake({ channel: 'chat' });
      await lena.post(`/api/v1/cases/${c.id}/claim`);
      await lena.post(`/api/v1/cases/${c.id}/messages`, { to: 'buyer', body: 'Hallo' });
      await waitFor(
        async () => (await outbox(other)).some((r) => r.status === 'dead'),
        5_000,
        'dead',
      );
      const msg = await waitFor(
        () => quiet.ofType('message.created').find((r) => r.answered === 200),
        5_000,
      );
      expect(msg.body.data.case).toMatchObject({ id: c.id });
      const rows = await waitFor(async () => {
        const all = await outbox(other);
        return all.find((r) => r.type === 'message.created')?.status === 'delivered' && all;
      });
      expect(rows.find((r) => r.type === 'case.created')).toMatchObject({ status: 'dead' });
      expect(rows.find((r) => r.type === 'message.created')).toMatchObject({ status: 'delivered' });
      // The lead's desk learns of it through sync: an event on the case, naming the delivery.
      const dead = rows.find((r) => r.type === 'case.created')!;
      const pulled = async () => {
        const changes: SyncChange[] = [];
        let cursor = '';
        for (;;) {
          const page = PullResponse.parse(
            (await lena.get(`/api/v1/sync/pull?limit=1000${cursor && `&cursor=${cursor}`}`)).json(),
          );
          changes.push(...page.changes);
          cursor = page.cursor;
          if (!page.hasMore) return changes;
        }
      };
      const told = await waitFor(async () =>
        (await pulled())
          .filter((ch) => ch.entity === 'event')
          .map((ch) => CaseEvent.parse(ch.data))
          .find((e) => e.type === 'delivery.dead'),
      );
      expect(told).toMatchObject({
        caseId: c.id,
        actorId: null,
        data: {
          eventId: dead.id,
          eventType: 'case.created',
          lastHttpStatus: 500,
          lastError: 'HTTP 500',
        },
      });
      expect(told.data.attempts).toBe(dead.attempts);
      // Once: the later, delivered event told nothing.
      const all = await other.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE type = 'delivery.dead'`,
      );
      expect(all.rows[0]!.n).toBe(1);
    } finally {
      await other.close();
      await quiet.down();
    }
    // A second service starts here: PGlite alone takes seconds to open on a loaded machine.
  }, 60_000);
});

describe.each(testDatabaseKinds())('an instance killed mid-delivery on %s', (kind) => {
  it('leaves its event to another instance once the claim’s lease runs out', async () => {
    const receiver = await new WebhookReceiver().up();
    const { db, drop } = await openTestDatabase(kind);
    let worker: DeliveryWorker | null = null;
    try {
      await setWebhookEnabled(db, true);
      const id = await db.transaction((tx) =>
        enqueueIntegrationEvent(tx, { type: 'ping', caseId: null, at: new Date() }),
      );
      // The instance that dies: it claimed the event (committed), then was killed while
      // sending, so it never recorded anything.
      const lease = 600;
      const [claim] = await claimDueEvents(db, 10, lease, randomUUID());
      expect(claim?.id).toBe(id);
      const claimedAt = Date.now();
      worker = new DeliveryWorker({
        db,
        target: { url: receiver.url, secrets: [SECRET] },
        retryBaseMs: 20,
        pollMs: 50,
      });
      await worker.start();
      const got = await waitFor(() => receiver.acknowledged().find((r) => r.eventId === id), 5_000);
      // Not before the lease ran out: one instance at a time per event.
      expect(got.receivedAt - claimedAt).toBeGreaterThanOrEqual(lease - 50);
      await waitFor(async () => {
        const r = await db.query<{ status: string; attempts: number }>(
          'SELECT status, attempts FROM integration_events WHERE id = $1',
          [id],
        );
        return r.rows[0]?.status === 'delivered' && r.rows[0];
      });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await worker?.stop();
      await drop();
      await receiver.down();
    }
  });
});

describe.each(testDatabaseKinds())('a delivery worker under load on %s', (kind) => {
  it('sends many cases’ events at once over a few kept-alive connections, one at a time per case and in order', async () => {
    const receiver = await new WebhookReceiver().up();
    const svc = await startTestService(kind);
    let worker: DeliveryWorker | null = null;
    try {
      const cases: string[] = [];
      for (let i = 0; i < 8; i++) cases.push((await svc.intake()).id);
      await setWebhookEnabled(svc.db, true);
      const perCase = 6;
      const expected = new Map<string, string[]>(cases.map((c) => [c, []]));
      for (let round = 0; round < perCase; round++) {
        await svc.db.transaction(async (tx) => {
          for (const caseId of cases) {
            const id = await enqueueIntegrationEvent(tx, {
              type: 'case.created',
              caseId,
              at: new Date(),
              data: { round },
            });
            expected.get(caseId)!.push(id!);
          }
        });
      }
      let now = 0;
      let most = 0;
      const perCaseNow = new Map<string, number>();
      let overlapInCase = 0;
      receiver.answer = async (d) => {
        const c = (d.body.data.case as { id: string }).id;
        now++;
        most = Math.max(most, now);
        perCaseNow.set(c, (perCaseNow.get(c) ?? 0) + 1);
        if (perCaseNow.get(c)! > 1) overlapInCase++;
        await new Promise((r) => setTimeout(r, 15));
        now--;
        perCaseNow.set(c, perCaseNow.get(c)! - 1);
        return 200;
      };
      worker = new DeliveryWorker({
        db: svc.db,
        target: { url: receiver.url, secrets: [SECRET] },
        retryBaseMs: 20,
        pollMs: 50,
        maxInFlight: 4,
      });
      await worker.start();
      const total = cases.length * perCase;
      await waitFor(() => receiver.acknowledged().length >= total, 20_000, `${total} deliveries`);
      expect(overlapInCase).toBe(0);
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(4);
      for (const [c, ids] of expected) {
        const got = receiver.received
          .filter((r) => (r.body.data.case as { id: string }).id === c)
          .map((r) => r.eventId);
        expect(got).toEqual(ids);
      }
      // Kept alive: no more connections than deliveries at once.
      expect(receiver.connections).toBeLessThanOrEqual(4);
      await waitFor(async () => {
        const rows = await outbox(svc);
        return rows.every((r) => r.status === 'delivered' && r.attempts === 1) && rows;
      });
    } finally {
      await worker?.stop();
      await svc.close();
      await receiver.down();
    }
  });
});

describe('without a webhook', () => {
  it('enqueues nothing and executes refunds at once', async () => {
    const svc = await startTestService('pglite');
    try {
      const lena = await svc.login('lena');
      const c = await svc.intake();
      await lena.post(`/api/v1/cases/${c.id}/claim`);
      const res = await lena.post(`/api/v1/cases/${c.id}/actions`, {
        type: 'refund',
        amount: { amount: 10_00, currency: 'EUR' },
        reason: 'Damaged',
      });
      expect(res.json()).toMatchObject({ status: 'executed' });
      expect(await outbox(svc)).toEqual([]);
    } finally {
      await svc.close();
    }
  });
});

describe.skipIf(!process.env.CASEDESK_TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  it('never deliver an acknowledged event twice, and deliver them all', async () => {
    const receiver = await new WebhookReceiver().up();
    // A little latency, so both instances have deliveries in flight at once.
    receiver.answer = () => new Promise((r) => setTimeout(() => r(200), 5));
    const a = await startTestService('postgres', { integration: integration(receiver) });
    const dbB = await openPostgres(a.url!);
    const b = buildApp({ db: dbB, intakeKey: TEST_INTAKE_KEY, integration: integration(receiver) });
    await b.ready();
    try {
      const n = 120;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          (i % 2 ? a.app : b).inject({
            method: 'POST',
            url: '/api/v1/intake/escalations',
            headers: { 'x-intake-key': TEST_INTAKE_KEY },
            payload: escalation(),
          }),
        ),
      );
      await waitFor(() => receiver.acknowledged().length >= n, 20_000, `${n} deliveries`);
      await new Promise((r) => setTimeout(r, 300));
      const ids = receiver.acknowledged().map((r) => r.eventId);
      expect(new Set(ids).size).toBe(n);
      expect(ids).toHaveLength(n);
      expect(receiver.received).toHaveLength(n);
    } finally {
      await b.close();
      await dbB.close();
      await a.close();
      await receiver.down();
    }
  });
});
