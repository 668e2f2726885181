import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Case, Language } from '../../shared';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { openPostgres } from '../db/postgres-database';
import { createAccount } from '../testing/accounts';
import { testDatabaseKinds } from '../testing/test-databases';
import {
  TEST_INTAKE_KEY,
  escalation,
  startTestService,
  type Session,
  type TestService,
} from '../testing/test-service';

/** Four agents, 20 places among them, in two languages that overlap. */
const TEAM: { name: string; languages: Language[]; capacity: number }[] = [
  { name: 'Nl Only', languages: ['nl'], capacity: 5 },
  { name: 'De Only', languages: ['de'], capacity: 5 },
  { name: 'Nl And De', languages: ['nl', 'de'], capacity: 6 },
  { name: 'Three Languages', languages: ['nl', 'de', 'en'], capacity: 4 },
];

describe.each(testDatabaseKinds())(
  'automatic assignment under concurrent intakes on %s',
  (kind) => {
    let svc: TestService;
    let lena: Session;
    // On PostgreSQL a second service instance on the same database takes half the intakes.
    let second: { app: FastifyInstance; db: Database } | null = null;
    const team = new Map<string, { languages: Language[]; capacity: number }>();

    beforeAll(async () => {
      svc = await startTestService(kind);
      lena = await svc.login('lena');
      // The demo agents are not at work: only the team below is routed to.
      for (const t of TEAM) {
        const s = await createAccount(svc, { name: t.name, languages: t.languages });
        const res = await lena.request('PATCH', `/api/v1/agents/${s.agent.id}`, {
          capacity: t.capacity,
        });
        expect(res.statusCode).toBe(200);
        await s.post('/api/v1/me/presence', { available: false, channels: [] });
        team.set(s.agent.id, { languages: t.languages, capacity: t.capacity });
      }
      for (const l of ['nl', 'de']) {
        await lena.request('PUT', `/api/v1/routing/languages/${l}`, { autoAssign: true });
      }
      if (kind === 'postgres') {
        const db = await openPostgres(svc.url!, 24);
        const app = buildApp({ db, intakeKey: TEST_INTAKE_KEY });
        await app.ready();
        second = { app, db };
      }
    }, 300_000);
    afterAll(async () => {
      await second?.app.close();
      await second?.db.close();
      await svc?.close();
    });

    it('never exceeds a capacity and never assigns outside the languages with 50 intakes at once', async () => {
      const apps = second ? [svc.app, second.app] : [svc.app];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          apps[i % apps.length]!.inject({
            method: 'POST',
            url: '/api/v1/intake/escalations',
            headers: { 'x-intake-key': TEST_INTAKE_KEY },
            payload: escalation({ language: i % 2 ? 'nl' : 'de' }),
          }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
      const cases = results.map((r) => r.json<Case>());

      // What the service stored, not only what it answered.
      const stored = await svc.db.query<{
        assignee_id: string | null;
        language: Language;
        status: string;
      }>('SELECT assignee_id, language, status FROM cases');
      expect(stored.rows).toHaveLength(50);
      const load = new Map<string, number>();
      for (const c of stored.rows) {
        if (c.assignee_id === null) {
          expect(c.status).toBe('new');
          continue;
        }
        expect(c.status).toBe('open');
        const who = team.get(c.assignee_id);
        expect(who, 'assigned to someone outside the routed team').toBeDefined();
        expect(who!.languages).toContain(c.language);
        load.set(c.assignee_id, (load.get(c.assignee_id) ?? 0) + 1);
      }
      for (const [id, n] of load) expect(n).toBeLessThanOrEqual(team.get(id)!.capacity);
      // Demand (25 a language) exceeds every place, so all 20 places are filled, no more.
      expect([...load.values()].reduce((a, b) => a + b, 0)).toBe(20);
      // The answers agree with the database, and every unassigned case says why.
      expect(cases.filter((c) => c.assigneeId !== null)).toHaveLength(20);
      const notRouted = await svc.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE type = 'case.not_routed'`,
      );
      expect(notRouted.rows[0]!.n).toBe(30);
    }, 120_000);
  },
);
