import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { verifyEventChain } from '../../shared';
import { chainedEvents } from '../case-file/case-file-data';
import type { Database, DatabaseKind } from './database';
import { loadMigrations, migrate } from './migrate';
import { openPglite } from './pglite-database';
import { openPostgres } from './postgres-database';
import { testDatabaseKinds } from '../testing/test-databases';

/** An empty database of `kind`, no migration applied: the test decides how far it goes. */
async function openEmpty(kind: DatabaseKind): Promise<{ db: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const base = process.env.CASEDESK_TEST_DATABASE_URL!;
  const name = `casedesk_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 4);
  return {
    db,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

const CHAIN = 56;

/** A case as the schema before the chain knew it (only its columns without defaults). */
async function storedCase(db: Database, reference: string): Promise<string> {
  const buyer = randomUUID();
  await db.query(
    `INSERT INTO buyers (id, external_id, name, email, language, country, created_at, updated_at)
     VALUES ($1, $2, 'Zoë Łukasiewicz', 'zoe@example.pl', 'pl', 'PL', now(), now())`,
    [buyer, `buyer-${reference}`],
  );
  const id = randomUUID();
  await db.query(
    `INSERT INTO cases (id, reference, status, topic, channel, language, priority, buyer_id,
                        question, ai_answer, contacted_seller_first, created_at, updated_at,
                        first_response_due_at, resolution_due_at, search_text)
     VALUES ($1, $2, 'open', 'item_not_received', 'email', 'pl', 'normal', $3, 'Gdzie?',
             '{"text":"","articleIds":[],"rating":null}', false, now(), now(), now(), now(), $2)`,
    [id, reference, buyer],
  );
  return id;
}

describe.each(testDatabaseKinds())(
  'migration 0056 chaining the history already stored, on %s',
  (kind) => {
    it(
      'gives every stored event its place, link and hash per case, in the order written, and the chain goes on from there',
      { timeout: 120_000 },
      async () => {
        const { db, drop } = await openEmpty(kind);
        try {
          const all = await loadMigrations();
          expect(all.some((m) => m.version === CHAIN)).toBe(true);
          await migrate(
            db,
            all.filter((m) => m.version < CHAIN),
          );
          const agent = randomUUID();
          await db.query(
            `INSERT INTO agents (id, name, email, password_hash, roles, languages,
                               refund_limit_minor, refund_limit_currency)
           VALUES ($1, 'Tess', 'tess@backfill.test', 'x', '{trust_safety}', '{pl}', 0, 'EUR')`,
            [agent],
          );
          const a = await storedCase(db, 'CD-900001');
          const b = await storedCase(db, 'CD-900002');
          // Interleaved across the two cases, times out of step with the order written (the
          // chain follows the order written), microseconds, no actor, nested and non-Latin data.
          const written: { caseId: string; type: string }[] = [
            { caseId: a, type: 'case.created' },
            { caseId: b, type: 'case.created' },
            { caseId: a, type: 'case.claimed' },
            { caseId: a, type: 'note.added' },
            { caseId: b, type: 'message.received' },
            { caseId: a, type: 'case.resolved' },
          ];
          for (const [i, e] of written.entries()) {
            await db.query(
              `INSERT INTO events (id, case_id, type, actor_id, at, data) VALUES ($1, $2, $3, $4, $5, $6)`,
              [
                randomUUID(),
                e.caseId,
                e.type,
                i % 2 === 0 ? agent : null,
                `2026-11-${String(20 - i).padStart(2, '0')}T10:00:00.123456Z`,
                JSON.stringify({
                  n: i,
                  note: 'Zażółć 我的包裹',
                  nested: { z: 1, a: [true, null] },
                }),
              ],
            );
          }

          const ran = await migrate(
            db,
            all.filter((m) => m.version <= CHAIN),
          );
          expect(ran).toEqual([all.find((m) => m.version === CHAIN)!.name]);

          for (const [caseId, types] of [
            [a, ['case.created', 'case.claimed', 'note.added', 'case.resolved']],
            [b, ['case.created', 'message.received']],
          ] as const) {
            const events = await chainedEvents(db, caseId);
            expect(events.map((e) => e.type)).toEqual(types);
            expect(events.map((e) => e.chainIndex)).toEqual(types.map((_, i) => i + 1));
            const verdict = await verifyEventChain(events, caseId);
            expect(verdict).toEqual({ ok: true, length: types.length, head: events.at(-1)!.hash });
            const head = await db.query<{ length: string; hash: string }>(
              'SELECT length::text, hash FROM event_chain_heads WHERE case_id = $1',
              [caseId],
            );
            expect(head.rows[0]).toEqual({
              length: String(types.length),
              hash: verdict.ok && verdict.head,
            });
          }

          // The rest of the migrations run over it, and a new event continues each chain.
          await migrate(db, all);
          await db.query(
            `INSERT INTO events (id, case_id, type, actor_id, at, data)
           VALUES ($1, $2, 'case.reopened', $3, now(), '{}')`,
            [randomUUID(), a, agent],
          );
          const after = await chainedEvents(db, a);
          expect(after.map((e) => e.chainIndex)).toEqual([1, 2, 3, 4, 5]);
          expect((await verifyEventChain(after, a)).ok).toBe(true);
          // Altered in the stored history, the chain no longer verifies.
          const tampered = after.map((e, i) => (i === 1 ? { ...e, type: 'case.released' } : e));
          expect((await verifyEventChain(tampered, a)).ok).toBe(false);
        } finally {
          await drop();
        }
      },
    );
  },
);
