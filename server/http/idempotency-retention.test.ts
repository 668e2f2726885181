import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type Session, type TestService } from '../testing/test-service';
import { ruleSuiteDatabaseKinds } from '../testing/test-databases';
import { sweepIdempotencyKeys } from './idempotency';

/** Makes every key of this caller look `days` older, as if the clock had moved on. */
async function age(svc: TestService, caller: string, days: number) {
  await svc.db.query(
    `UPDATE idempotency_keys
        SET created_at = created_at - make_interval(days => $2),
            kept_until = kept_until - make_interval(days => $2)
      WHERE caller = $1`,
    [caller, days],
  );
}

const statuses = (res: { json(): unknown }) =>
  (res.json() as { results: { status: string }[] }).results.map((r) => r.status);

describe.each(ruleSuiteDatabaseKinds())('how long idempotency keys are kept on %s', (kind) => {
  let svc: TestService;
  let ana: Session;
  let caller: string;
  beforeAll(async () => {
    svc = await startTestService(kind);
    ana = await svc.login('ana');
    caller = `agent:${ana.agent.id}`;
  });
  afterAll(() => svc.close());

  it('answers a claim re-sent by a device after three days offline as duplicate and does not claim again', async () => {
    const c = await svc.intake({ language: 'de' });
    const claim = { id: crypto.randomUUID(), op: 'case.claim', args: { caseId: c.id } };
    const release = { id: crypto.randomUUID(), op: 'case.release', args: { caseId: c.id } };
    expect(statuses(await ana.post('/api/v1/sync/push', { mutations: [claim] }))).toEqual([
      'applied',
    ]);
    expect(statuses(await ana.post('/api/v1/sync/push', { mutations: [release] }))).toEqual([
      'applied',
    ]);

    // The first answer was lost; the device stays offline three days, the sweep runs, and
    // then the device re-sends its outbox.
    await age(svc, caller, 3);
    await sweepIdempotencyKeys(svc.db);
    const replay = await ana.post('/api/v1/sync/push', { mutations: [claim] });
    expect(statuses(replay)).toEqual(['duplicate']);

    const detail = (await ana.get(`/api/v1/cases/${c.id}`)).json<{
      case: { assigneeId: string | null };
      events: { type: string }[];
    }>();
    expect(detail.case.assigneeId).toBeNull();
    expect(detail.events.filter((e) => e.type === 'case.claimed')).toHaveLength(1);
  });

  it('keeps sync mutation ids 30 days and then sweeps them', async () => {
    const c = await svc.intake({ language: 'de' });
    const note = {
      id: crypto.randomUUID(),
      op: 'case.note',
      args: { caseId: c.id, id: crypto.randomUUID(), body: 'kept' },
    };
    await ana.post('/api/v1/sync/push', { mutations: [note] });
    const kept = () =>
      svc.db.query('SELECT 1 FROM idempotency_keys WHERE caller = $1 AND key = $2', [
        caller,
        note.id,
      ]);
    await age(svc, caller, 29);
    await sweepIdempotencyKeys(svc.db);
    expect((await kept()).rows).toHaveLength(1);
    await age(svc, caller, 2);
    await sweepIdempotencyKeys(svc.db);
    expect((await kept()).rows).toHaveLength(0);
  });

  it('keeps a REST Idempotency-Key at least a day and sweeps it within a few', async () => {
    const c = await svc.intake({ language: 'de' });
    const key = crypto.randomUUID();
    const first = await ana.post(
      `/api/v1/cases/${c.id}/notes`,
      { body: 'once' },
      {
        'idempotency-key': key,
      },
    );
    expect(first.statusCode).toBe(201);
    const kept = () =>
      svc.db.query('SELECT 1 FROM idempotency_keys WHERE caller = $1 AND key = $2', [caller, key]);
    await age(svc, caller, 1);
    await sweepIdempotencyKeys(svc.db);
    expect((await kept()).rows).toHaveLength(1);
    await age(svc, caller, 2);
    await sweepIdempotencyKeys(svc.db);
    expect((await kept()).rows).toHaveLength(0);
  });
});
