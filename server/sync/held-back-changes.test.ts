import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared';
import { openStream } from '../testing/event-stream';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

// Only PostgreSQL has other connections: PGlite runs one transaction at a time.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))(
  'sync while another transaction is open (%s)',
  (kind) => {
    let svc: TestService;
    let base: string;
    let ana: Session;
    beforeAll(async () => {
      svc = await startTestService(kind);
      base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
      ana = await svc.login('ana');
    });
    afterAll(() => svc.close());

    const pull = async (cursor: string) => {
      const res = await ana.get(`/api/v1/sync/pull?limit=5000&cursor=${cursor}`);
      expect(res.statusCode).toBe(200);
      return res.json<PullResponse>();
    };
    const drain = async (cursor: string | null) => {
      let c = cursor;
      for (;;) {
        const res = await ana.get(`/api/v1/sync/pull?limit=5000${c ? `&cursor=${c}` : ''}`);
        const page = res.json<PullResponse>();
        c = page.cursor;
        if (!page.hasMore) return c;
      }
    };

    it('pokes again within a second of an older transaction of its database ending, and the pull delivers', async () => {
      const cursor = await drain(null);
      const stream = openStream(base, ana.token);
      const first = stream.nextPoke(5_000);
      await stream.ready;
      await first;

      // A transaction of the service's own database that has written (so it has an id)
      // and not ended: what commits after it may not be handed out before it ends.
      const other = new pg.Client({ connectionString: svc.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_current_xact_id()');

        const poked = stream.nextPoke(3_000);
        const c = await svc.intake({ language: 'de' });
        await poked;
        const early = await pull(cursor);
        expect(early.changes.some((x) => x.id === c.id)).toBe(false);

        await new Promise((r) => setTimeout(r, 700));
        const again = stream.nextPoke(2_000);
        await other.query('COMMIT');
        expect(await again).toBeLessThan(2_000);
        const late = await pull(cursor);
        expect(late.changes.some((x) => x.entity === 'case' && x.id === c.id)).toBe(true);
      } finally {
        await other.end();
        stream.close();
      }
    });

    it('hands out a change at once while a transaction of another database on the cluster runs', async () => {
      const cursor = await drain(null);
      // A seed, a backup or a report writing in another database: transaction ids are
      // cluster-wide, but it cannot write this database's change log, so it holds nothing back.
      const other = new pg.Client({ connectionString: process.env.CASEDESK_TEST_DATABASE_URL });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_current_xact_id()');
        const c = await svc.intake({ language: 'de' });
        const page = await pull(cursor);
        expect(page.changes.some((x) => x.entity === 'case' && x.id === c.id)).toBe(true);
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
    });
  },
);
