import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { openPostgres } from '../db/postgres-database';
import type { Database } from '../db/database';
import { startTestService, type Session, type TestService } from '../testing/test-service';
import { testDatabaseKinds } from '../testing/test-databases';
import { openStream } from '../testing/event-stream';

describe.each(testDatabaseKinds())('sync stream on %s', (kind) => {
  let svc: TestService;
  let base: string;
  let ana: Session, marco: Session;
  beforeAll(async () => {
    svc = await startTestService(kind);
    base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
    [ana, marco] = await Promise.all([svc.login('ana'), svc.login('marco')]);
  });
  afterAll(() => svc.close());

  it('pokes on connect and within a second of a change the caller may see', async () => {
    const s = openStream(base, ana.token);
    const first = s.nextPoke(2000);
    await s.ready;
    await first;
    expect(JSON.parse(s.pokes[0]!.data)).toHaveProperty('cursor');
    const next = s.nextPoke(1000);
    await svc.intake({ language: 'de' });
    expect(await next).toBeLessThan(1000);
    s.close();
  });

  it('does not poke for changes the caller may not see', async () => {
    const s = openStream(base, marco.token);
    const first = s.nextPoke(2000);
    await s.ready;
    await first;
    await svc.intake({ language: 'de' });
    await new Promise((r) => setTimeout(r, 400));
    expect(s.pokes).toHaveLength(1);
    await svc.intake({ language: 'it' });
    await s.nextPoke(1000);
    s.close();
  });

  it('refuses a stream without a valid token', async () => {
    const res = await fetch(`${base}/api/v1/sync/stream?token=nope`);
    expect(res.status).toBe(401);
  });
});

// Two service instances need one database server: PGlite lives inside a single process.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))(
  'sync stream across instances on %s',
  (kind) => {
    let svc: TestService;
    let lena: Session;
    beforeAll(async () => {
      svc = await startTestService(kind);
      lena = await svc.login('lena');
    });
    afterAll(() => svc.close());

    it('pokes streams on another instance sharing the database within a second', async () => {
      const otherDb: Database = await openPostgres(svc.url!);
      const other: FastifyInstance = buildApp({ db: otherDb, intakeKey: null });
      const otherBase = await other.listen({ port: 0, host: '127.0.0.1' });
      try {
        const s = openStream(otherBase, lena.token);
        const first = s.nextPoke(2000);
        await s.ready;
        await first;
        const next = s.nextPoke(1000);
        await svc.intake({ language: 'pl', channel: 'chat' });
        const ms = await next;
        expect(ms).toBeLessThan(1000);
        s.close();
      } finally {
        await other.close();
        await otherDb.close();
      }
    });
  },
);
