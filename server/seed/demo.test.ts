import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, LANGUAGES, ESCALATION_TOPICS, CASE_STATUSES, PRIORITIES } from '../../shared';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite-database';
import { AI_ANSWERS, QUESTIONS } from './demo-phrases';
import { seedDemoIfEmpty } from './demo';

const NOW = new Date('2026-11-24T10:00:00Z');

async function freshSeeded(seedNumber = 1): Promise<Database> {
  const db = await openPglite();
  await migrate(db);
  await seedDemoIfEmpty(db, { seedNumber, now: NOW });
  return db;
}

const values = async (db: Database, sql: string) =>
  (await db.query<{ v: string }>(sql)).rows.map((r) => r.v);
const count = async (db: Database, sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;

describe('the demo seed', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshSeeded();
  }, 120_000);
  afterAll(() => db.close());

  it('creates the six accounts and at least 300 cases', async () => {
    expect(await values(db, 'SELECT email AS v FROM agents ORDER BY email')).toEqual([
      'admin@demo.casedesk',
      'ana@demo.casedesk',
      'lena@demo.casedesk',
      'marco@demo.casedesk',
      'tess@demo.casedesk',
      'tom@demo.casedesk',
    ]);
    expect(await count(db, 'SELECT count(*)::int AS n FROM cases')).toBeGreaterThanOrEqual(300);
  });

  it('covers every language, channel, topic, status and priority, within the phone rule', async () => {
    expect(new Set(await values(db, 'SELECT DISTINCT language AS v FROM cases'))).toEqual(
      new Set(LANGUAGES),
    );
    expect(new Set(await values(db, 'SELECT DISTINCT channel AS v FROM cases'))).toEqual(
      new Set(CHANNELS),
    );
    // Complaints come only from restricted people (issue 17), not from the seed.
    expect(new Set(await values(db, 'SELECT DISTINCT topic AS v FROM cases'))).toEqual(
      new Set(ESCALATION_TOPICS),
    );
    expect(new Set(await values(db, 'SELECT DISTINCT status AS v FROM cases'))).toEqual(
      new Set(CASE_STATUSES),
    );
    expect(new Set(await values(db, 'SELECT DISTINCT priority AS v FROM cases'))).toEqual(
      new Set(PRIORITIES),
    );
    expect(
      await count(
        db,
        `SELECT count(*)::int AS n FROM cases WHERE channel = 'phone' AND language IN ('zh','pt','pl')`,
      ),
    ).toBe(0);
  });

  it("writes each buyer's question in the case's language", async () => {
    const rows = await db.query<{
      language: keyof typeof QUESTIONS;
      topic: string;
      question: string;
    }>('SELECT language, topic, question FROM cases');
    for (const r of rows.rows) {
      const template = QUESTIONS[r.language][r.topic as keyof (typeof QUESTIONS)['en']];
      expect(r.question.startsWith(template.split('{lot}')[0]!)).toBe(true);
    }
  });

  it("gives each case the AI answer for its topic, in the case's language", async () => {
    const rows = await db.query<{
      language: keyof typeof AI_ANSWERS;
      topic: keyof (typeof AI_ANSWERS)['en'];
      text: string;
    }>(`SELECT language, topic, ai_answer->>'text' AS text FROM cases`);
    for (const r of rows.rows) expect(r.text).toBe(AI_ANSWERS[r.language][r.topic]);
    expect(new Set(rows.rows.map((r) => r.text)).size).toBe(
      Object.values(AI_ANSWERS).flatMap((byTopic) => Object.values(byTopic)).length,
    );
  });

  it('prices orders mostly in EUR and also in GBP, USD and CHF', async () => {
    const rows = await db.query<{ currency: string; n: number }>(
      'SELECT currency, count(*)::int AS n FROM orders GROUP BY 1',
    );
    const by = Object.fromEntries(rows.rows.map((r) => [r.currency, r.n]));
    for (const c of ['GBP', 'USD', 'CHF']) expect(by[c]).toBeGreaterThan(0);
    expect(by.EUR).toBeGreaterThan(Math.max(by.GBP!, by.USD!, by.CHF!));
    expect(
      await count(db, 'SELECT count(*)::int AS n FROM cases WHERE order_id IS NULL'),
    ).toBeGreaterThan(0);
  });

  it('has repeat buyers and sellers with clusters of counterfeit complaints', async () => {
    expect(
      await count(
        db,
        'SELECT count(*)::int AS n FROM (SELECT buyer_id FROM cases GROUP BY 1 HAVING count(*) >= 3) x',
      ),
    ).toBeGreaterThan(5);
    const cluster = await count(
      db,
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM cases c JOIN orders o ON o.id = c.order_id
        WHERE c.topic = 'counterfeit_suspected' GROUP BY o.seller_id) x`,
    );
    expect(cluster).toBeGreaterThanOrEqual(6);
  });

  it('has pending approvals, executed and rejected actions, restrictions, a cancellation and disputes', async () => {
    const kinds = await values(db, `SELECT DISTINCT type || ':' || status AS v FROM actions`);
    for (const k of [
      'refund:executed',
      'refund:pending_approval',
      'refund:rejected',
      'restrict_account:pending_approval',
      'restrict_account:executed',
      'law_enforcement_referral:pending_approval',
      'cancel_order:executed',
    ]) {
      expect(kinds).toContain(k);
    }
    expect(await count(db, 'SELECT count(*)::int AS n FROM account_restrictions')).toBeGreaterThan(
      0,
    );
    expect(
      await count(db, `SELECT count(*)::int AS n FROM orders WHERE status = 'cancelled'`),
    ).toBeGreaterThan(0);
    expect(await values(db, 'SELECT DISTINCT body AS v FROM external_disputes')).toContain(
      'De Geschillencommissie',
    );
  });

  it('gives every demo agent who works cases (all but the admin) cases, leaves unassigned cases in every language and some clocks overdue', async () => {
    expect(await count(db, 'SELECT count(DISTINCT assignee_id)::int AS n FROM cases')).toBe(5);
    expect(
      await count(
        db,
        'SELECT count(DISTINCT language)::int AS n FROM cases WHERE assignee_id IS NULL',
      ),
    ).toBe(9);
    expect(
      await count(
        db,
        `SELECT count(*)::int AS n FROM cases WHERE status <> 'resolved' AND first_responded_at IS NULL AND first_response_due_at < '${NOW.toISOString()}'`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(db, `SELECT count(*)::int AS n FROM messages WHERE direction = 'from'`),
    ).toBeGreaterThan(0);
    expect(
      await count(db, `SELECT count(*)::int AS n FROM notes WHERE body LIKE 'T&S advice%'`),
    ).toBeGreaterThan(0);
  });

  it("puts nothing after its now, and every case's history in order (issue 10, defect 11)", async () => {
    const times = `
      SELECT 'event' AS what, at AS t FROM events
      UNION ALL SELECT 'message', created_at FROM messages
      UNION ALL SELECT 'note', created_at FROM notes
      UNION ALL SELECT 'action', created_at FROM actions
      UNION ALL SELECT 'decision', decided_at FROM actions WHERE decided_at IS NOT NULL
      UNION ALL SELECT 'dispute', created_at FROM external_disputes
      UNION ALL SELECT 'dispute filed', filed_at FROM external_disputes
      UNION ALL SELECT 'case', created_at FROM cases
      UNION ALL SELECT 'case change', updated_at FROM cases
      UNION ALL SELECT 'shipped', shipped_at FROM orders WHERE shipped_at IS NOT NULL
      UNION ALL SELECT 'delivered', delivered_at FROM orders WHERE delivered_at IS NOT NULL
      UNION ALL SELECT 'ordered', ordered_at FROM orders`;
    const future = await db.query<{ what: string; n: number }>(
      `SELECT what, count(*)::int AS n FROM (${times}) x WHERE t > $1 GROUP BY what ORDER BY what`,
      [NOW],
    );
    expect(future.rows).toEqual([]);
    // In the order they were written, each case's events never go back in time, and
    // nothing on a case is older than the case.
    const backwards = await count(
      db,
      `SELECT count(*)::int AS n FROM (
         SELECT at < lag(at) OVER (PARTITION BY case_id ORDER BY seq) AS back FROM events) e
        WHERE back`,
    );
    expect(backwards).toBe(0);
    const beforeCase = await count(
      db,
      `SELECT count(*)::int AS n FROM cases c
        WHERE EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.at < c.created_at)
           OR EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.created_at < c.created_at)
           OR EXISTS (SELECT 1 FROM orders o WHERE o.id = c.order_id
                       AND (o.shipped_at > c.created_at OR o.delivered_at > c.created_at
                            OR o.shipped_at < o.ordered_at OR o.delivered_at < o.shipped_at))`,
    );
    expect(beforeCase).toBe(0);
  });

  it('leaves a database that already has agents alone', async () => {
    expect(await seedDemoIfEmpty(db, { seedNumber: 1, now: NOW })).toBeNull();
  });

  it('is deterministic for a seed number', async () => {
    const other = await freshSeeded(1);
    const q = `SELECT c.reference || c.topic || c.language || c.status || c.channel || coalesce(o.amount_paid_minor::text, '-') AS v
                 FROM cases c LEFT JOIN orders o ON o.id = c.order_id ORDER BY c.reference`;
    expect(await values(other, q)).toEqual(await values(db, q));
    await other.close();
  }, 120_000);
});
