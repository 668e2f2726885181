import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import { openReplica, type LocalCase, type ReplicaDb } from './replica-db';
import { laterCount, queueCount, queuePage, type QueueQuery } from './replica-reads';
import { matchesSearch, searchWords } from './search-words';
import type { Agent } from '../../shared';

const NO_FILTERS = { status: '', language: '', channel: '', topic: '', priority: '' };
const query = (over: Partial<QueueQuery>): QueueQuery => ({
  view: 'team',
  filters: NO_FILTERS,
  search: '',
  sort: { key: 'sla', direction: 'asc' },
  ...over,
});

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** The search the plain way: every case tested, sorted as the view's index orders it. */
function brute(cases: LocalCase[], q: QueueQuery, me: Agent): string[] {
  const inView = (c: LocalCase) =>
    q.view === 'team'
      ? c.open === 1 && me.languages.includes(c.language)
      : c.open === 1 && c.assigneeKey === (q.view === 'mine' ? me.id : '');
  const dir = q.sort.direction === 'desc' ? -1 : 1;
  return cases
    .filter((c) => inView(c) && matchesSearch(c.searchTokens, searchWords(q.search)))
    .sort(
      (a, b) =>
        dir * (a.slaDueAt < b.slaDueAt ? -1 : a.slaDueAt > b.slaDueAt ? 1 : a.id < b.id ? -1 : 1),
    )
    .map((c) => c.id);
}

// Over a thousand cases per word, so the words' keys are intersected instead of their
// cases read: slow on fake-indexeddb, and on a loaded machine.
describe('searching common words from keys', { timeout: 180_000 }, () => {
  it('pages and counts exactly what testing every case gives, in both SLA directions', async () => {
    db = openReplica(`key-search-${Math.random()}`);
    const cases = Array.from({ length: 1_500 }, (_, i) =>
      toLocalCase(
        makeCase(i, {
          order: {
            ...makeCase(i).order!,
            lotTitle: [i % 4 ? 'brass' : '', i % 5 ? 'deco' : '', `lot ${i}`].join(' '),
          },
        }),
        false,
      ),
    );
    await db.cases.bulkPut(cases);
    for (const [search, me, view] of [
      ['brass', LENA, 'team'],
      ['brass deco', LENA, 'team'],
      ['deco bra', LENA, 'unassigned'],
      ['brass', ANA, 'mine'],
    ] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const q = query({ view, search, sort: { key: 'sla', direction } });
        const want = brute(cases, q, me);
        const label = `${view} "${search}" ${direction}`;
        const pages = [
          ...(await queuePage(db, q, me, 0, 60)),
          ...(await queuePage(db, q, me, 60, 60)),
        ];
        expect(
          pages.map((c) => c.id),
          label,
        ).toEqual(want.slice(0, 120));
        expect(await queueCount(db, q, me), label).toBe(want.length);
        expect(await laterCount(db, q, me), label).toEqual({ n: want.length, exact: true });
      }
    }
    // Enough cases for the key path in the views searched above.
    expect(cases.filter((c) => c.searchTokens.includes('brass')).length).toBeGreaterThan(1_000);
    expect(brute(cases, query({ search: 'brass deco' }), LENA).length).toBeGreaterThan(120);
  });
});
