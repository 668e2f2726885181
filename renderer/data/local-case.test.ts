import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sellerAnswerClock, slaClock } from '../format';
import { readSignalKeys } from './desk-signals';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import { ANA, makeCase } from './testing/case-fixtures';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const now = new Date('2026-12-02T10:00:00Z');

describe('a paused clock on the replica', () => {
  it('sorts after every running clock, and is never "due within 30 minutes"', async () => {
    db = openReplica(`paused-${Math.random()}`);
    const running = makeCase(1, {
      assigneeId: ANA.id,
      status: 'open',
      firstRespondedAt: null,
      firstResponseDueAt: '2026-12-09T10:00:00.000Z',
    });
    const paused = makeCase(2, {
      assigneeId: ANA.id,
      status: 'pending_buyer',
      firstRespondedAt: null,
      firstResponseDueAt: '2026-12-02T10:10:00.000Z',
      clockPausedAt: '2026-12-02T09:00:00.000Z',
    });
    await db.cases.bulkPut([running, paused].map((c) => toLocalCase(c, false)));
    const order = await db.cases
      .where('[assigneeKey+open+slaDueAt]')
      .between([ANA.id, 1, ''], [ANA.id, 1, '\uffff'])
      .primaryKeys();
    expect(order).toEqual([running.id, paused.id]);
    const { keys } = await readSignalKeys(db, ANA, now);
    expect(keys.slaAtRisk).toEqual([]);
    expect(slaClock(paused, now)).toMatchObject({ state: 'paused', label: 'paused' });
    expect(slaClock(running, now)?.state).toBe('ok');
  });

  it("shows the seller's answer clock from the service's field, not from the history", () => {
    const c = makeCase(3, {
      status: 'pending_seller',
      clockPausedAt: '2026-11-26T10:00:00.000Z',
      sellerAnswerDueAt: '2026-12-01T10:00:00.000Z',
    });
    expect(sellerAnswerClock(c, now)).toMatchObject({
      state: 'overdue',
      dueAt: '2026-12-01T10:00:00.000Z',
    });
    expect(sellerAnswerClock({ ...c, sellerAnswerDueAt: null }, now)).toBeNull();
    expect(sellerAnswerClock({ ...c, status: 'open' }, now)).toBeNull();
  });
});
