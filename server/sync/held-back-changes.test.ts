import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared';
import { openStream } from '../testing/event-stream';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

// Only PostgreSQL has other connections: PGlite runs one transaction at a time.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))(
  'sync while another transaction is open on the cluster (%s)',
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

    it('pokes again within a second of the other transaction ending, and the pull delivers', async () => {
      const cursor = await drain(null);
      const stream = openStream(base, ana.token);
      const first = stream.nextPoke(5_000);
      await stream.ready;
      await first;

      // A transaction in another database of the same cluster (a backup, a seed, a report):
      // it holds back what pulls may hand out, cluster-wide.
      const other = new pg.Client({ connectionString: process.env.CASEDESK_TEST_DATABASE_URL });
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
  },
);
