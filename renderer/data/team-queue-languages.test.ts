import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, LENA, makeCase } from './testing/case-fixtures';
import { toLocalCase } from './local-case';
import { openReplica, type ReplicaDb } from './replica-db';
import { queueCount, queuePage, type QueueQuery } from './replica-reads';
import type { Agent } from '../../shared';

const NO_FILTERS = { status: '', language: '', channel: '', topic: '', priority: '' };
const team = (filters = NO_FILTERS): QueueQuery => ({
  view: 'team',
  filters,
  search: '',
  sort: { key: 'sla', direction: 'asc' },
});

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/**
 * The dashboard and the service's queue health count the languages the viewer sees: every
 * language for leads and T&S. The team queue shows the same cases, so its count and the
 * dashboard's agree — also for a lead who speaks only some of them.
 */
describe('the team queue’s languages', () => {
  const lead: Agent = { ...LENA, languages: ['de', 'en'] };

  it('holds every language’s open cases for a lead who speaks two, and the agent’s own for an agent', async () => {
    db = openReplica(`team-languages-${Math.random()}`);
    const cases = Array.from({ length: 300 }, (_, i) => makeCase(i));
    await db.cases.bulkPut(cases.map((c) => toLocalCase(c, false)));
    const open = cases.filter((c) => c.status !== 'resolved');
    expect(new Set(open.map((c) => c.language)).size).toBeGreaterThan(3);

    const leadSees = await queuePage(db, team(), lead, 0, 1_000);
    expect(leadSees.map((c) => c.id).sort()).toEqual(open.map((c) => c.id).sort());
    expect(await queueCount(db, team(), lead)).toBe(open.length);
    const polish = { ...NO_FILTERS, language: 'pl' };
    const openPolish = open.filter((c) => c.language === 'pl');
    expect(openPolish.length).toBeGreaterThan(0);
    expect(await queueCount(db, team(polish), lead)).toBe(openPolish.length);

    const anas = open.filter((c) => ANA.languages.includes(c.language));
    expect(await queueCount(db, team(), ANA)).toBe(anas.length);
    expect(await queueCount(db, team(polish), ANA)).toBe(0);
  });
});
