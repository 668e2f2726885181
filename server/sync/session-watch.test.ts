import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openPostgres } from '../db/postgres-database';
import { revokeAgentSessions } from '../services/session-revocation';
import { openStream, within } from '../testing/event-stream';
import { testDatabaseKinds } from '../testing/test-databases';
import { startTestService, type Session, type TestService } from '../testing/test-service';

/** The contract: a logged-out, revoked or expired session's streams close within 5 s. */
const LIMIT_MS = 5_000;

async function openedStream(base: string, s: Session) {
  const stream = openStream(base, s.token);
  const first = stream.nextPoke(5_000);
  await stream.ready;
  await first;
  return stream;
}

describe.each(testDatabaseKinds())('event streams end with their session on %s', (kind) => {
  let svc: TestService;
  let base: string;
  beforeAll(async () => {
    svc = await startTestService(kind);
    base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => svc.close());

  it('closes the streams of a token within 5 s of its logout, and only those', async () => {
    const [ana, anaElsewhere] = [await svc.login('ana'), await svc.login('ana')];
    const stream = await openedStream(base, ana);
    const other = await openedStream(base, anaElsewhere);
    const t0 = Date.now();
    expect((await ana.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const at = await within(stream.ended, LIMIT_MS, 'stream closed after logout');
    expect(at - t0).toBeLessThan(LIMIT_MS);
    expect(stream.events).toContain('session_ended');
    // The same agent's other session keeps its stream, and its pokes.
    const next = other.nextPoke(3_000);
    await svc.intake({ language: 'de' });
    await next;
    other.close();
  });

  it('closes a stream within 5 s once its session expires', async () => {
    const tess = await svc.login('tess');
    const stream = await openedStream(base, tess);
    const t0 = Date.now();
    await svc.db.query(`UPDATE sessions SET expires_at = now() WHERE agent_id = $1`, [
      tess.agent.id,
    ]);
    const at = await within(stream.ended, LIMIT_MS, 'stream closed after expiry');
    expect(at - t0).toBeLessThan(LIMIT_MS);
  });

  it('closes every stream of an agent whose sessions are revoked', async () => {
    const [a, b] = [await svc.login('marco'), await svc.login('marco')];
    const lena = await svc.login('lena');
    const streams = [await openedStream(base, a), await openedStream(base, b)];
    const bystander = await openedStream(base, lena);
    const t0 = Date.now();
    await svc.db.transaction((tx) => revokeAgentSessions(tx, a.agent.id));
    for (const s of streams) {
      expect((await within(s.ended, LIMIT_MS, 'stream closed after revocation')) - t0).toBeLessThan(
        LIMIT_MS,
      );
    }
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    let bystanderEnded = false;
    void bystander.ended.then(() => (bystanderEnded = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(bystanderEnded).toBe(false);
    bystander.close();
  });
});

// Two instances need one database server: PGlite lives inside a single process.
describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))(
  'event streams end with their session across instances on %s',
  (kind) => {
    let svc: TestService;
    beforeAll(async () => {
      svc = await startTestService(kind);
    });
    afterAll(() => svc.close());

    it('closes a stream on another instance within 5 s of a logout here', async () => {
      const otherDb = await openPostgres(svc.url!);
      const other = buildApp({ db: otherDb, intakeKey: null });
      const otherBase = await other.listen({ port: 0, host: '127.0.0.1' });
      try {
        const tom = await svc.login('tom');
        const stream = await openedStream(otherBase, tom);
        const t0 = Date.now();
        expect((await tom.post('/api/v1/auth/logout')).statusCode).toBe(204);
        const at = await within(stream.ended, LIMIT_MS, 'stream on the other instance closed');
        expect(at - t0).toBeLessThan(LIMIT_MS);
      } finally {
        await other.close();
        await otherDb.close();
      }
    });
  },
);
