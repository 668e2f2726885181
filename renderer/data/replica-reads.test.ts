import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toCase, toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import {
  openCaseLoad,
  partyHistory,
  queueCount,
  queuePage,
  quickCount,
  type QueueQuery,
} from './replica-reads';
import type { Action } from '../../shared';

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

async function replicaOf(n: number): Promise<ReplicaDb> {
  db = openReplica(`search-test-${Math.random()}`);
  const cases = Array.from({ length: n }, (_, i) =>
    makeCase(i, {
      buyer: { ...makeCase(i).buyer, name: i === 7 ? 'Jörg Van der Berg' : `Buyer ${i}` },
      order: {
        ...makeCase(i).order!,
        lotTitle: i === 7 ? 'Art Deco bronze lamp' : `Lot number ${i}`,
      },
    }),
  );
  await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
  return db;
}

describe('searching the local queue', () => {
  it('finds a case by the start of any word of the buyer, the lot title, the email or the reference', async () => {
    const r = await replicaOf(300);
    for (const typed of [
      'jörg',
      'van der',
      'BRONZE lam',
      'deco',
      'buyer7@ex',
      'cd-100007',
      '100007',
    ]) {
      const rows = await queuePage(r, query({ view: 'team', search: typed }), LENA, 0, 50);
      expect(
        rows.map((c) => c.reference),
        typed,
      ).toContain('CD-100007');
    }
  });

  it('needs every typed word to match, and keeps the view and the filters', async () => {
    const r = await replicaOf(300);
    expect(await queueCount(r, query({ search: 'bronze chair' }), LENA)).toBe(0);
    const c7 = (await r.cases.get('case-000007'))!;
    const other = c7.language === 'en' ? 'fr' : 'en';
    expect(
      await queueCount(
        r,
        query({ search: 'bronze', filters: { ...NO_FILTERS, language: other } }),
        LENA,
      ),
    ).toBe(0);
    const mine = await queuePage(r, query({ view: 'mine', search: 'buyer' }), ANA, 0, 500);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.assigneeId === ANA.id)).toBe(true);
  });

  it('finds a resolved case by its reference, after the open ones', async () => {
    const r = await replicaOf(300);
    const all = await r.cases.toArray();
    const done = all.find(
      (c) =>
        c.status === 'resolved' && c.assigneeId === ANA.id && ANA.languages.includes(c.language),
    )!;
    for (const view of ['mine', 'team'] as const) {
      const found = await queuePage(r, query({ view, search: done.reference }), ANA, 0, 10);
      expect(found.map((c) => c.id)).toEqual([done.id]);
    }
    const word = await queuePage(r, query({ view: 'mine', search: 'buyer' }), ANA, 0, 500);
    const firstResolved = word.findIndex((c) => c.status === 'resolved');
    expect(firstResolved).toBeGreaterThan(0);
    expect(word.slice(firstResolved).every((c) => c.status === 'resolved')).toBe(true);
  });

  it('shows the resolved cases of My cases and of the team queue when filtered to Resolved, newest first, counted', async () => {
    const r = await replicaOf(400);
    const all = (await r.cases.toArray()).filter((c) => c.status === 'resolved');
    const resolved = { ...NO_FILTERS, status: 'resolved' };
    const expected = {
      mine: all.filter((c) => c.assigneeId === ANA.id),
      team: all.filter((c) => ANA.languages.includes(c.language)),
    };
    for (const view of ['mine', 'team'] as const) {
      const q = query({ view, filters: resolved });
      const want = expected[view]
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
        .map((c) => c.id);
      expect(want.length, view).toBeGreaterThan(3);
      expect(await queueCount(r, q, ANA), view).toBe(want.length);
      const first = await queuePage(r, q, ANA, 0, 3);
      const rest = await queuePage(r, q, ANA, 3, 500);
      expect(
        [...first, ...rest].map((c) => c.id),
        view,
      ).toEqual(want);
    }
    // With a second filter the cases are read one by one: the same answer, counted later.
    const dutch = query({ view: 'mine', filters: { ...resolved, language: 'nl' } });
    const nl = expected.mine.filter((c) => c.language === 'nl').map((c) => c.id);
    expect((await queuePage(r, dutch, ANA, 0, 500)).map((c) => c.id).sort()).toEqual(nl.sort());
    expect(await queueCount(r, dutch, ANA)).toBe(nl.length);
    // A case resolved now moves from the open queue to the resolved one at once.
    const open = (await queuePage(r, query({ view: 'mine' }), ANA, 0, 1))[0]!;
    await r.cases.put(
      toLocalCase(
        { ...toCase(open), status: 'resolved', updatedAt: '2099-01-01T00:00:00.000Z' },
        false,
      ),
    );
    const now = await queuePage(r, query({ view: 'mine', filters: resolved }), ANA, 0, 1);
    expect(now.map((c) => c.id)).toEqual([open.id]);
    expect(await queueCount(r, query({ view: 'mine', filters: resolved }), ANA)).toBe(
      expected.mine.length + 1,
    );
  });

  it('counts and pages search results in the order of the chosen sort', async () => {
    const r = await replicaOf(400);
    const q = query({ search: 'lot number' });
    const total = await queueCount(r, q, LENA);
    expect(total).toBeGreaterThan(100);
    const first = await queuePage(r, q, LENA, 0, 50);
    const second = await queuePage(r, q, LENA, 50, 50);
    const due = [...first, ...second].map((c) => c.slaDueAt);
    expect(due).toEqual([...due].sort());
    expect(new Set([...first, ...second].map((c) => c.id)).size).toBe(100);
    const byRef = await queuePage(
      r,
      { ...q, sort: { key: 'reference', direction: 'desc' } },
      LENA,
      0,
      5,
    );
    const refs = byRef.map((c) => c.reference);
    expect(refs).toEqual([...refs].sort().reverse());
  });

  it('brings a replica written before the search index and the sparse flags up to date', async () => {
    const name = `search-upgrade-${Math.random()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    old.version(2).stores({
      cases:
        'id, reference, updatedAt, buyerId, sellerId, [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt]',
      messages: 'id, caseId',
      notes: 'id, caseId',
      actions: 'id, caseId, [caseId+status]',
      disputes: 'id, caseId',
      events: 'id, caseId',
      agents: 'id',
      meta: 'key',
      outbox: '++seq, &id, caseId, state',
    });
    const { searchTokens: _drop, ...current } = toLocalCase(makeCase(3), false);
    // How version 2 wrote a case: every flag 0 or 1, and the flat search text.
    const legacy = { ...current, tsQueue: 0, approvals: 0, disputed: 0, search: 'cd-3 buyer 3' };
    await old.table('cases').put(legacy);
    await old.table('outbox').put({
      id: 'm1',
      op: 'case.note',
      args: {},
      caseId: legacy.id,
      state: 'pending',
      attempts: 0,
      createdAt: '',
    });
    old.close();

    db = openReplica(name);
    expect(
      (await queuePage(db, query({ search: 'buyer 3' }), LENA, 0, 5)).map((c) => c.id),
    ).toContain(legacy.id);
    const stored = (await db.cases.get(legacy.id)) as unknown as Record<string, unknown>;
    expect(stored).not.toHaveProperty('search');
    expect(stored).not.toHaveProperty('tsQueue');
    expect(stored.open).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('a replica from before resolved cases could be found', () => {
  it('finds its resolved cases under the Resolved filter once opened, and counts them', async () => {
    const name = `resolved-upgrade-${Math.random()}`;
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    // Version 9 as it was: resolved cases in no index but the id, updatedAt and history ones.
    old.version(9).stores({
      cases:
        'id, reference, updatedAt, [buyerId+createdAt], [sellerId+createdAt], [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [open+status+language+slaDueAt], [open+priority+language+slaDueAt], [open+topic+language+slaDueAt], [open+channel+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], *searchTokens',
      messages: 'id, caseId',
      notes: 'id, caseId',
      actions: 'id, caseId, [caseId+status], status, [type+status]',
      disputes: 'id, caseId',
      events: 'id, caseId',
      agents: 'id',
      meta: 'key',
      outbox: '++seq, &id, caseId, state',
      setAside: 'key, caseId',
      counts: 'key',
    });
    const resolved = Array.from({ length: 40 }, (_, i) =>
      makeCase(i, { status: 'resolved', assigneeId: ANA.id, language: 'de' }),
    ).map((c) => {
      const { closedBy: _b, closedIn: _i, ...asBefore } = toLocalCase(c, false);
      return asBefore;
    });
    await old.table('cases').bulkPut(resolved);
    await old.table('counts').put({ key: '#ready', n: 1 });
    old.close();

    db = openReplica(name);
    const q = query({ view: 'mine', filters: { ...NO_FILTERS, status: 'resolved' } });
    expect(await queueCount(db, q, ANA)).toBe(40);
    expect(await quickCount(db, q, ANA)).toBe(40);
    expect((await queuePage(db, q, ANA, 0, 100)).length).toBe(40);
  });
});

const newestBuyer = (cases: ReturnType<typeof makeCase>[]) => cases[59]!.buyer;

describe('a case and its parties', () => {
  it('counts all of a seller’s cases, lists the latest 50, and finds a restriction decided on an old one', async () => {
    db = openReplica(`parties-${Math.random()}`);
    const seller = { ...makeCase(0).order!.seller, id: 'seller-big' };
    const cases = Array.from({ length: 60 }, (_, i) =>
      makeCase(i, {
        order: { ...makeCase(i).order!, seller },
        status: i % 6 === 0 ? 'open' : 'resolved',
        topic: i % 10 === 0 ? 'counterfeit_suspected' : 'item_not_received',
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      }),
    );
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const restriction: Action = {
      id: 'restriction-1',
      caseId: cases[0]!.id,
      type: 'restrict_account',
      subject: 'seller',
      restriction: 'block_selling',
      until: null,
      statementOfReasons: {
        facts: 'Counterfeits.',
        ground: 'Terms of use.',
        groundType: 'contractual',
        automated: false,
        redress: 'Appeal.',
      },
      status: 'executed',
      proposedBy: ANA.id,
      approvedBy: LENA.id,
      rejectedBy: null,
      rejectionReason: null,
      createdAt: cases[0]!.createdAt,
      decidedAt: cases[0]!.createdAt,
    };
    // A restriction of another seller, decided on a case this buyer also had with them.
    const elsewhere = makeCase(61, { buyer: newestBuyer(cases) });
    await db.cases.put(toLocalCase(elsewhere, false));
    await db.actions.bulkPut([
      restriction,
      { ...restriction, id: 'restriction-2', caseId: elsewhere.id },
    ]);

    const newest = cases[59]!;
    const d = await partyHistory(db, toLocalCase(newest, false));
    expect(d.sellerCounts).toEqual({ cases: 60, open: 10, counterfeit: 6 });
    expect(d.sellerCases).toHaveLength(50);
    expect(d.sellerCases[0]!.id).toBe(cases[58]!.id);
    expect(d.sellerCases.map((c) => c.id)).not.toContain(newest.id);
    expect(d.restrictionActions.map((a) => a.id)).toEqual(['restriction-1']);
  });
});

describe('the load of each agent', () => {
  it('counts the open cases each agent holds, leaving out resolved and unassigned ones', async () => {
    db = openReplica(`load-test-${Math.random()}`);
    const cases = Array.from({ length: 200 }, (_, i) => makeCase(i));
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const expected = (id: string) =>
      cases.filter((c) => c.assigneeId === id && c.status !== 'resolved').length;
    const load = await openCaseLoad(db, [ANA.id, LENA.id, 'agent-marco', 'agent-nobody']);
    expect(expected(ANA.id)).toBeGreaterThan(0);
    expect(cases.some((c) => c.assigneeId === ANA.id && c.status === 'resolved')).toBe(true);
    expect(Object.fromEntries(load)).toEqual({
      [ANA.id]: expected(ANA.id),
      [LENA.id]: expected(LENA.id),
      'agent-marco': expected('agent-marco'),
      'agent-nobody': 0,
    });
  });
});
