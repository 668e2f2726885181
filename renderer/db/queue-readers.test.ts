import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../shared';
import { CasedeskDb } from './casedesk-db';
import { toLocalCase } from './local-case';
import { countCases, queuePage } from './queue-readers';
import type { QueueFilter, QueueSort, QueueView } from './queue-query';
import { NO_DEADLINE } from './replica-types';
import { ANA, makeCase } from './testing/case-fixtures';
import { countCaseReads } from './testing/count-reads';

const N = 20_000;
const PAGE = 50;
const cases: Case[] = Array.from({ length: N }, (_, i) => makeCase(i));
/** Every 97th case has a refund awaiting approval. */
const awaiting = new Set(cases.filter((_, i) => i % 97 === 0).map((c) => c.id));

// The queue semantics written out plainly, independent of the index plans under test.
const open = (c: Case) => c.status !== 'resolved';
const SCOPE: Record<QueueView, (c: Case) => boolean> = {
  mine: (c) => c.assigneeId === ANA.id,
  unassigned: (c) => c.assigneeId === null,
  team: () => true,
  trust_safety: (c) =>
    c.status === 'ts_review' || ['counterfeit_suspected', 'fraud_suspected'].includes(c.topic),
  approvals: (c) => awaiting.has(c.id),
  disputes: (c) => c.externalDispute,
  all: () => true,
};
/** Views show open work, except disputes and all; a status filter replaces "open". */
const wanted = (f: QueueFilter) => (c: Case) =>
  SCOPE[f.view](c) &&
  (f.status ? c.status === f.status : f.view === 'disputes' || f.view === 'all' || open(c)) &&
  (!f.language || c.language === f.language) &&
  (!f.channel || c.channel === f.channel);

const due = (c: Case) =>
  c.status === 'resolved'
    ? NO_DEADLINE
    : c.firstRespondedAt
      ? c.resolutionDueAt
      : c.firstResponseDueAt;
const byDueThenId = (a: Case, b: Case) =>
  due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a.id < b.id ? -1 : 1;

function expected(f: QueueFilter, offset = 0, sort = byDueThenId): string[] {
  return cases
    .filter(wanted(f))
    .sort(sort)
    .slice(offset, offset + PAGE)
    .map((c) => c.id);
}

let db: CasedeskDb;
let counter: { reads: number };

beforeAll(async () => {
  db = new CasedeskDb(ANA.id, `queue-test-${crypto.randomUUID()}`);
  counter = countCaseReads(db);
  await db.cases.bulkPut(cases.map((c) => toLocalCase(c)));
  const refund = { type: 'refund', amount: { amount: 500, currency: 'EUR' }, reason: 'Late' };
  await db.actions.bulkPut(
    [...awaiting].map((caseId, i) => ({
      ...refund,
      id: `action-${i}`,
      caseId,
      status: 'pending_approval' as const,
      proposedBy: ANA.id,
      approvedBy: null,
      rejectedBy: null,
      rejectionReason: null,
      createdAt: '2026-11-02T10:00:00.000Z',
      decidedAt: null,
    })) as never,
  );
}, 120_000);

afterAll(async () => {
  await db.delete();
});

async function page(filter: QueueFilter, offset = 0, sort?: QueueSort) {
  counter.reads = 0;
  const rows = await queuePage(db, { filter, offset, limit: PAGE, ...(sort ? { sort } : {}) });
  return { ids: rows.map((r) => r.id), reads: counter.reads };
}

describe('queuePage', () => {
  const views: QueueView[] = ['mine', 'unassigned', 'team', 'trust_safety', 'disputes', 'all'];

  it.each(views)('returns the %s view by SLA due time, reading about one page', async (view) => {
    const { ids, reads } = await page({ view });
    expect(ids).toEqual(expected({ view }));
    expect(ids.length).toBe(PAGE);
    expect(reads).toBeLessThanOrEqual(PAGE);
  });

  it('returns the approvals view from the few cases with a pending approval', async () => {
    const { ids, reads } = await page({ view: 'approvals' });
    expect(ids).toEqual(expected({ view: 'approvals' }));
    expect(reads).toBeLessThanOrEqual(awaiting.size);
  });

  it('returns a deep page of a large view without reading the pages before it', async () => {
    const { ids, reads } = await page({ view: 'team' }, 1_000);
    expect(ids).toEqual(expected({ view: 'team' }, 1_000));
    expect(reads).toBeLessThan(N / 10);
  });

  it('combines a view with filters through the narrowest index', async () => {
    const filter: QueueFilter = { view: 'unassigned', language: 'nl', channel: 'chat' };
    const { ids, reads } = await page(filter);
    expect(ids).toEqual(expected(filter));
    expect(reads).toBeLessThan(N / 10);
  });

  it('lets a status filter reach resolved cases within the view', async () => {
    const filter: QueueFilter = { view: 'mine', status: 'resolved' };
    const { ids } = await page(filter);
    expect(ids).toEqual(expected(filter));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('sorts by SLA descending by walking the same index backwards', async () => {
    const { ids, reads } = await page({ view: 'team' }, 0, { key: 'sla', direction: 'desc' });
    const desc = (a: Case, b: Case) => byDueThenId(b, a);
    expect(ids).toEqual(expected({ view: 'team' }, 0, desc));
    expect(reads).toBeLessThanOrEqual(PAGE);
  });

  it('sorts a large view by last update through the updatedAt index', async () => {
    const sort: QueueSort = { key: 'updated', direction: 'desc' };
    const { ids, reads } = await page({ view: 'team' }, 0, sort);
    const byUpdated = (a: Case, b: Case) =>
      a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1;
    expect(ids).toEqual(expected({ view: 'team' }, 0, byUpdated));
    expect(reads).toBeLessThan(N / 10);
  });

  it('sorts a small view by reference in memory', async () => {
    const sort: QueueSort = { key: 'reference', direction: 'asc' };
    const filter: QueueFilter = { view: 'disputes', language: 'de' };
    const { ids } = await page(filter, 0, sort);
    const byRef = (a: Case, b: Case) => (a.reference < b.reference ? -1 : 1);
    expect(ids).toEqual(expected(filter, 0, byRef));
  });

  it('finds cases by words of the buyer name through the token index', async () => {
    const { ids, reads } = await page({ view: 'all', search: 'buyer 1234' });
    const names = ids.map((id) => cases.find((c) => c.id === id)!.buyer.name);
    expect(names).toContain('Buyer 1234');
    expect(names.every((n) => n.startsWith('Buyer 1234'))).toBe(true);
    expect(reads).toBeLessThan(20);
  });

  it('finds a case by its reference, whole or by its number', async () => {
    expect((await page({ view: 'all', search: 'CD-104321' })).ids).toEqual(['case-004321']);
    expect((await page({ view: 'all', search: '104321' })).ids).toEqual(['case-004321']);
  });
});

describe('countCases', () => {
  it.each(['mine', 'unassigned', 'team', 'trust_safety', 'approvals', 'disputes'] as const)(
    'counts the %s view',
    async (view) => {
      expect(await countCases(db, { view })).toBe(cases.filter(wanted({ view })).length);
    },
  );

  it('counts a filtered view without loading the cases when one index covers it', async () => {
    counter.reads = 0;
    const n = await countCases(db, { view: 'team', language: 'fr' });
    expect(n).toBe(cases.filter((c) => open(c) && c.language === 'fr').length);
    expect(counter.reads).toBe(0);
  });
});
