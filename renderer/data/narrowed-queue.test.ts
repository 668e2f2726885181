import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../shared';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import { laterCount, queueCount, queuePage, quickCount, type QueueQuery } from './replica-reads';

const NO_FILTERS = { status: '', language: '', channel: '', topic: '', priority: '' };
const team = (filters: Partial<QueueQuery['filters']>): QueueQuery => ({
  view: 'team',
  filters: { ...NO_FILTERS, ...filters },
  search: '',
  sort: { key: 'sla', direction: 'asc' },
});

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 1);
const dayOf = (i: number) => new Date(START + (i % 10) * DAY).toISOString().slice(0, 10);

/** 300 cases over ten days; every third resolved, most answered a day after creation. */
async function replica(): Promise<ReplicaDb> {
  db = openReplica(`narrowed-test-${Math.random()}`);
  const cases = Array.from({ length: 300 }, (_, i) => {
    const created = START + (i % 10) * DAY + (i % 7) * 3_600_000;
    const resolved = i % 3 === 0;
    return makeCase(i, {
      createdAt: new Date(created).toISOString(),
      firstRespondedAt: i % 4 === 0 ? null : new Date(created + DAY).toISOString(),
      ...(resolved
        ? { status: 'resolved' as const, resolvedAt: new Date(created + 2 * DAY).toISOString() }
        : {}),
    });
  });
  await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
  return db;
}

async function everyPage(r: ReplicaDb, q: QueueQuery): Promise<string[]> {
  const first = await queuePage(r, q, ANA, 0, 7);
  const rest = await queuePage(r, q, ANA, 7, 1000);
  return [...first, ...rest].map((c) => c.id);
}

/** Counts the requests that read `cases` (queries and cursors), from here on. */
function spyOnCaseReads(r: ReplicaDb): { reads: number } {
  const spy = { reads: 0 };
  r.use({
    stack: 'dbcore',
    name: 'CaseReadSpy',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'cases') return table;
        return {
          ...table,
          query: (req) => ((spy.reads += 1), table.query(req)),
          openCursor: (req) => ((spy.reads += 1), table.openCursor(req)),
          getMany: (req) => ((spy.reads += 1), table.getMany(req)),
        };
      },
    }),
  });
  return spy;
}

describe('the queue narrowed by a dashboard bar', () => {
  it('reads every case once for a day’s count and pages, and again once a case changes', async () => {
    const r = await replica();
    r.close();
    const spy = spyOnCaseReads(r);
    await r.open();
    const q = team({ periodOf: 'created', periodFrom: dayOf(3), periodTo: dayOf(3) });
    const want = async () =>
      (await r.cases.toArray())
        .filter((c) => ANA.languages.includes(c.language) && c.createdAt.startsWith(dayOf(3)))
        .map((c) => c.id)
        .sort();
    const before = await want();
    expect(before.length).toBeGreaterThan(3);

    spy.reads = 0;
    expect(await laterCount(r, q, ANA)).toEqual({ n: before.length, exact: true });
    const afterCount = spy.reads;
    expect(afterCount).toBeGreaterThan(0);
    expect((await everyPage(r, q)).sort()).toEqual(before);
    expect(spy.reads).toBe(afterCount);

    // A new case created that day, in one of Ana's languages: counted and shown at once.
    const extra = toLocalCase(
      makeCase(1000, { createdAt: `${dayOf(3)}T12:00:00.000Z`, language: ANA.languages[0]! }),
      false,
    );
    await r.cases.put(extra);
    const after = await want();
    expect(after).toEqual([...before, extra.id].sort());
    expect(await laterCount(r, q, ANA)).toEqual({ n: after.length, exact: true });
    expect((await everyPage(r, q)).sort()).toEqual(after);
    // A case leaving the day (its creation time corrected): gone from the view.
    await r.cases.update(extra.id, { createdAt: `${dayOf(4)}T12:00:00.000Z` });
    expect((await everyPage(r, q)).sort()).toEqual(before);
  });

  it('finds a day’s cases among thousands, as testing every case would', async () => {
    db = openReplica(`narrowed-many-${Math.random()}`);
    const cases = Array.from({ length: 4_500 }, (_, i) =>
      makeCase(i, { createdAt: new Date(START + (i % 10) * DAY + i * 1000).toISOString() }),
    );
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const want = (await db.cases.toArray())
      .filter((c) => ANA.languages.includes(c.language) && c.createdAt.startsWith(dayOf(7)))
      .map((c) => c.id)
      .sort();
    expect(want.length).toBeGreaterThan(100);
    const q = team({ periodOf: 'created', periodFrom: dayOf(7), periodTo: dayOf(7) });
    expect((await queuePage(db, q, ANA, 0, 10_000)).map((c) => c.id).sort()).toEqual(want);
  });

  it('shows exactly one agent’s open cases of the team queue, counted once the rows show', async () => {
    const r = await replica();
    const want = (await r.cases.toArray())
      .filter((c) => c.open === 1 && c.assigneeId === LENA.id && ANA.languages.includes(c.language))
      .sort((a, b) => (a.slaDueAt < b.slaDueAt ? -1 : 1))
      .map((c) => c.id);
    expect(want.length).toBeGreaterThan(3);
    const q = team({ assignee: LENA.id });
    expect(await everyPage(r, q)).toEqual(want);
    expect(await quickCount(r, q, ANA)).toBeNull();
    expect(await queueCount(r, q, ANA)).toBe(want.length);
    expect(await laterCount(r, q, ANA)).toEqual({ n: want.length, exact: true });
  });

  it('shows the cases first answered, created or resolved on the chosen days, open or resolved', async () => {
    const r = await replica();
    const cases = await r.cases.toArray();
    const within = (at: string | null, from: string, to: string) =>
      !!at && at.slice(0, 10) >= from && at.slice(0, 10) <= to;
    const checks = [
      { periodOf: 'responded', at: (c: (typeof cases)[0]) => c.firstRespondedAt },
      { periodOf: 'created', at: (c: (typeof cases)[0]) => c.createdAt },
      { periodOf: 'resolved', at: (c: (typeof cases)[0]) => c.resolvedAt },
    ] as const;
    for (const { periodOf, at } of checks) {
      const [from, to] = [dayOf(3), dayOf(4)];
      const want = cases
        .filter((c) => ANA.languages.includes(c.language) && within(at(c), from, to))
        .map((c) => c.id)
        .sort();
      expect(want.length, periodOf).toBeGreaterThan(3);
      const q = team({ periodOf, periodFrom: from, periodTo: to });
      expect((await everyPage(r, q)).sort(), periodOf).toEqual(want);
      expect(await queueCount(r, q, ANA), periodOf).toBe(want.length);
    }
    // First answered on one day: resolved cases are among them, the other filters still apply.
    const q = team({ periodOf: 'responded', periodFrom: dayOf(2), periodTo: dayOf(2) });
    const found = await queuePage(r, q, ANA, 0, 1000);
    expect(found.some((c) => c.status === 'resolved')).toBe(true);
    const email = await queuePage(
      r,
      { ...q, filters: { ...q.filters, channel: 'email' } },
      ANA,
      0,
      1000,
    );
    expect(email.map((c) => c.id).sort()).toEqual(
      found
        .filter((c) => c.channel === 'email')
        .map((c) => c.id)
        .sort(),
    );
  });

  it('shows the cases with a refund executed, or a restriction taking effect, on the chosen days', async () => {
    const r = await replica();
    const cases = (await r.cases.toArray()).filter((c) => ANA.languages.includes(c.language));
    const refund = (id: string, caseId: string, at: string, status: Action['status']): Action =>
      ({
        id,
        caseId,
        type: 'refund',
        amount: { amount: 10_00, currency: 'EUR' },
        reason: 'Damaged.',
        status,
        proposedBy: ANA.id,
        approvedBy: LENA.id,
        rejectedBy: null,
        rejectionReason: null,
        createdAt: at,
        decidedAt: at,
        effectiveAt: status === 'executed' ? at : null,
      }) as Action;
    const inWeek = `${dayOf(2)}T10:00:00.000Z`;
    const later = `${dayOf(9)}T10:00:00.000Z`;
    await r.actions.bulkPut([
      refund('a1', cases[0]!.id, inWeek, 'executed'),
      refund('a2', cases[1]!.id, inWeek, 'executed'),
      refund('a3', cases[1]!.id, inWeek, 'executed'),
      refund('a4', cases[2]!.id, inWeek, 'pending_approval'),
      refund('a5', cases[3]!.id, later, 'executed'),
      { ...refund('a6', cases[4]!.id, inWeek, 'executed'), type: 'restrict_account' } as Action,
    ]);
    const q = team({ periodOf: 'refunded', periodFrom: dayOf(0), periodTo: dayOf(6) });
    expect((await everyPage(r, q)).sort()).toEqual([cases[0]!.id, cases[1]!.id].sort());
    expect(await queueCount(r, q, ANA)).toBe(2);
    const restricted = team({ periodOf: 'restricted', periodFrom: dayOf(0), periodTo: dayOf(6) });
    expect(await everyPage(r, restricted)).toEqual([cases[4]!.id]);
  });
});
