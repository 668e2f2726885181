import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import {
  openCaseLoad,
  partyHistory,
  queueCount,
  queuePage,
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
    expect(mine.every((c) => c.assigneeId === ANA.id && c.status !== 'resolved')).toBe(true);
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
