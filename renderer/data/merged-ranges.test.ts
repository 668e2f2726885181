import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import { queueCount, queuePage, type QueueQuery } from './replica-reads';
import type { Agent } from '../../shared';
import type { LocalCase } from './replica-db';

const NO_FILTERS = { status: '', language: '', channel: '', topic: '', priority: '' };

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** The team queue the plain way: every case tested, sorted by due time (ties by id). */
function expected(cases: LocalCase[], q: QueueQuery, me: Agent): string[] {
  const f = q.filters;
  const dir = q.sort.direction === 'desc' ? -1 : 1;
  return cases
    .filter(
      (c) =>
        c.status !== 'resolved' &&
        me.languages.includes(c.language) &&
        (!f.status || c.status === f.status) &&
        (!f.language || c.language === f.language) &&
        (!f.channel || c.channel === f.channel) &&
        (!f.topic || c.topic === f.topic) &&
        (!f.priority || c.priority === f.priority),
    )
    .sort((a, b) => {
      const [x, y] = a.slaDueAt === b.slaDueAt ? [a.id, b.id] : [a.slaDueAt, b.slaDueAt];
      return dir * (x < y ? -1 : 1);
    })
    .map((c) => c.reference);
}

describe('the team queue read from several index ranges at once', () => {
  it('counts and pages exactly what testing every case would, in SLA order, for each filter', async () => {
    db = openReplica(`merged-test-${Math.random()}`);
    const cases = Array.from({ length: 600 }, (_, i) => toLocalCase(makeCase(i), false));
    // Ties on the due time across languages must still come out in one stable order.
    for (const c of cases.slice(0, 40)) if (c.open) c.slaDueAt = cases[1]!.slaDueAt;
    await db.cases.bulkPut(cases);
    const filterSets = [
      {},
      { status: 'pending_seller' },
      { priority: 'urgent' },
      { topic: cases[3]!.topic },
      { channel: 'chat' },
      { language: 'nl' },
      { language: 'nl', status: 'open' },
      { language: 'it' },
      { status: 'new', channel: 'email' },
    ];
    let checked = 0;
    for (const me of [ANA, LENA]) {
      for (const filters of filterSets) {
        for (const direction of ['asc', 'desc'] as const) {
          const q: QueueQuery = {
            view: 'team',
            filters: { ...NO_FILTERS, ...filters },
            search: '',
            sort: { key: 'sla', direction },
          };
          const want = expected(cases, q, me);
          const label = `${me.name} ${JSON.stringify(filters)} ${direction}`;
          expect(await queueCount(db, q, me), label).toBe(want.length);
          for (const [offset, limit] of [
            [0, 25],
            [10, 7],
            [want.length - 3, 10],
          ] as const) {
            const page = await queuePage(db, q, me, Math.max(0, offset), limit);
            expect(
              page.map((c) => c.reference),
              `${label} @${offset}`,
            ).toEqual(want.slice(Math.max(0, offset), Math.max(0, offset) + limit));
          }
          checked += want.length;
        }
      }
    }
    // The fixture has members for the filters, or the comparison proves little.
    expect(checked).toBeGreaterThan(1000);
    // 144 reads of fake-indexeddb: seconds alone, far more on a loaded shared machine.
  }, 120_000);
});
