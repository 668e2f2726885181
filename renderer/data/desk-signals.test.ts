import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import { describeSignals, mergeKeys, SUMMARY_OVER, type SignalKeys } from './desk-signals';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const keys = (assignedToMe: string[]): SignalKeys => ({
  assignedToMe,
  approvalWaiting: [],
  slaAtRisk: [],
  changeRejected: [],
});

describe('desk notifications after a sync', () => {
  it('summarise many cases newly assigned at once (a first sync, a catch-up) in one', async () => {
    db = openReplica(`signals-${Math.random()}`);
    const cases = Array.from({ length: 30 }, (_, i) =>
      makeCase(i, { assigneeId: ANA.id, status: 'open' }),
    );
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const ids = cases.map((c) => c.id);

    const many = await describeSignals(db, keys(ids));
    expect(many.assignedToMe).toHaveLength(1);
    expect(many.assignedToMe[0]).toMatchObject({ caseReference: null });
    expect(many.assignedToMe[0]!.detail).toBe(
      '30 cases are assigned to you, among them CD-100000, CD-100001, CD-100002.',
    );

    const few = await describeSignals(db, keys(ids.slice(0, SUMMARY_OVER)));
    expect(few.assignedToMe.map((s) => s.caseReference)).toEqual([
      'CD-100000',
      'CD-100001',
      'CD-100002',
    ]);
  });

  it('gather news from several sync pages, each key once', () => {
    expect(mergeKeys(keys(['a', 'b']), keys(['b', 'c'])).assignedToMe).toEqual(['a', 'b', 'c']);
  });
});
