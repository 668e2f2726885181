import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import {
  claimDueEvents,
  settleAndClaim,
  type ClaimedEvent,
  type DeliveryOutcome,
} from './delivery-store';
import { enqueueIntegrationEvent, setWebhookEnabled } from './outbox';

const LEASE = 60_000;
const WINDOW = 3_600_000;

const ok = (event: ClaimedEvent): DeliveryOutcome => ({
  event,
  httpStatus: 200,
  error: null,
  retryInMs: 0,
});
const refused = (event: ClaimedEvent, retryInMs = 0): DeliveryOutcome => ({
  event,
  httpStatus: 503,
  error: 'HTTP 503',
  retryInMs,
});

// The outbox rows of a service with no delivery worker: the test plays the workers.
describe.each(testDatabaseKinds())('recording and claiming deliveries on %s', (kind) => {
  let svc: TestService;
  let caseA: string, caseB: string;
  beforeAll(async () => {
    svc = await startTestService(kind);
    [caseA, caseB] = [(await svc.intake()).id, (await svc.intake()).id];
    await setWebhookEnabled(svc.db, true);
  });
  afterAll(async () => {
    await svc.close();
  });
  beforeEach(async () => {
    await svc.db.query('DELETE FROM integration_events');
  });

  /** Enqueues events in commit order, as commands would; returns their ids. */
  async function enqueue(...caseIds: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const caseId of caseIds) {
      const id = await svc.db.transaction((tx) =>
        enqueueIntegrationEvent(tx, { type: 'case.created', caseId, at: new Date(), data: {} }),
      );
      ids.push(id!);
    }
    return ids;
  }

  const turn = (outcomes: DeliveryOutcome[], limit = 10, retryWindowMs = WINDOW) =>
    settleAndClaim(svc.db, {
      outcomes,
      limit,
      leaseMs: LEASE,
      claimToken: randomUUID(),
      retryWindowMs,
    });

  const statusOf = async (id: string) =>
    (
      await svc.db.query<{ status: string; claim_token: string | null; attempts: number }>(
        'SELECT status, claim_token, attempts FROM integration_events WHERE id = $1',
        [id],
      )
    ).rows[0]!;

  it('hands out only the earliest waiting event of each case, however many are asked for', async () => {
    const [a1, b1] = await enqueue(caseA, caseB, caseA, caseB, caseA);
    const { claimed } = await turn([], 100);
    expect(claimed.map((e) => e.id)).toEqual([a1, b1]);
    // Claimed and in flight, they still hold their cases back from a second claimant.
    expect((await turn([], 100)).claimed).toEqual([]);
  });

  it('records a delivery and hands out the case’s next event in the same statement', async () => {
    const [a1, a2, a3] = await enqueue(caseA, caseA, caseA);
    const first = await turn([]);
    expect(first.claimed.map((e) => e.id)).toEqual([a1]);
    const second = await turn([ok(first.claimed[0]!)]);
    expect([...second.recorded.values()]).toEqual(['delivered']);
    expect(second.claimed.map((e) => e.id)).toEqual([a2]);
    const third = await turn([ok(second.claimed[0]!)]);
    expect(third.claimed.map((e) => e.id)).toEqual([a3]);
    expect(await statusOf(a1!)).toMatchObject({ status: 'delivered', claim_token: null });
  });

  it('keeps a case’s later events back while its earlier one failed and waits for a retry', async () => {
    const [a1, , b1] = await enqueue(caseA, caseA, caseB);
    const first = await turn([]);
    expect(first.claimed.map((e) => e.id)).toEqual([a1, b1]);
    const a = first.claimed.find((e) => e.id === a1)!;
    const b = first.claimed.find((e) => e.id === b1)!;
    const second = await turn([refused(a, 60_000), ok(b)]);
    expect(second.recorded.get(a.seq)).toBe('failed');
    expect(second.recorded.get(b.seq)).toBe('delivered');
    expect(second.claimed).toEqual([]);
    expect(await statusOf(a1!)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries a failed event before its case’s later ones once its time has come', async () => {
    const [a1] = await enqueue(caseA, caseA);
    const first = await turn([]);
    const second = await turn([refused(first.claimed[0]!, 0)]);
    // Due at once: the retry itself is handed out, not the event after it.
    expect(second.claimed.map((e) => e.id)).toEqual([]);
    const third = await turn([]);
    expect(third.claimed.map((e) => [e.id, e.attempts])).toEqual([[a1, 2]]);
  });

  it('lets a case’s later events go once its earlier one is dead', async () => {
    const [, a2] = await enqueue(caseA, caseA);
    const first = await turn([]);
    const second = await turn([refused(first.claimed[0]!)], 10, 0);
    expect([...second.recorded.values()]).toEqual(['dead']);
    expect(second.claimed.map((e) => e.id)).toEqual([a2]);
  });

  it('ignores an outcome whose claim was lost, and keeps the case held back by the new claim', async () => {
    const [a1] = await enqueue(caseA, caseA);
    // The first claimant's lease runs out; a second instance claims the event again.
    const [stale] = await claimDueEvents(svc.db, 10, 1, randomUUID());
    await new Promise((r) => setTimeout(r, 20));
    const [current] = await claimDueEvents(svc.db, 10, LEASE, randomUUID());
    expect(current!.id).toBe(a1);
    const late = await turn([ok(stale!)]);
    expect(late.recorded.size).toBe(0);
    // Still in flight with the second instance: the case's next event must wait for it.
    expect(late.claimed).toEqual([]);
    expect(await statusOf(a1!)).toMatchObject({
      status: 'pending',
      claim_token: current!.claimToken,
    });
  });

  it('does not hand an event out again in the statement that records its try', async () => {
    const [a1] = await enqueue(caseA);
    const [stale] = await claimDueEvents(svc.db, 10, 1, randomUUID());
    await new Promise((r) => setTimeout(r, 20));
    // Its lease has run out, so it would be due; the failed try is recorded instead.
    const late = await turn([refused(stale!, 60_000)]);
    expect(late.recorded.get(stale!.seq)).toBe('failed');
    expect(late.claimed).toEqual([]);
    expect(await statusOf(a1!)).toMatchObject({ status: 'failed', claim_token: null });
  });
});
