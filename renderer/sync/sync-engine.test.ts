import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CasedeskDb } from '../db/casedesk-db';
import { readCursor } from '../db/sync-meta';
import { ANA } from '../db/testing/case-fixtures';
import { STORAGE_FULL_MESSAGE, StorageFullError } from './storage';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './sync-engine';
import type { SyncEngineState } from './sync-state';
import type { FakeSyncServer } from './testing/fake-sync-server';
import { fakeNetwork, newReplica, openCase, serverWith } from './testing/sync-fixtures';

const opened: CasedeskDb[] = [];
const engines: SyncEngine[] = [];

function setup(server: FakeSyncServer, opts: Partial<SyncEngineOptions> = {}, name?: string) {
  const db = newReplica(ANA.id, name);
  opened.push(db);
  const states: SyncEngineState[] = [];
  const engine = createSyncEngine({
    db,
    transport: server,
    network: fakeNetwork(),
    storage: null,
    onState: (s) => states.push(s),
    ...opts,
  });
  engines.push(engine);
  return { db, engine, states };
}

/**
 * Lets IndexedDB work until `done` holds: it runs on setImmediate (never faked here), and
 * Dexie defers a few callbacks with setTimeout(0), which fake timers run without moving time.
 */
async function until(done: () => boolean, turns = 2_000): Promise<void> {
  // Node's, which the web typings (rightly) do not know.
  const { setImmediate } = globalThis as unknown as { setImmediate: (f: () => void) => void };
  for (let i = 0; i < turns && !done(); i++) {
    await new Promise<void>((r) => setImmediate(r));
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
  }
  expect(done()).toBe(true);
}

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const e of engines.splice(0)) await e.stop();
  for (const db of opened.splice(0)) await db.delete();
});

describe('the sync engine', () => {
  it('pulls the replica on start and publishes each phase', async () => {
    const server = serverWith([openCase(1), openCase(2)]);
    const { db, engine, states } = setup(server);
    engine.start();
    await engine.syncNow();
    expect(await db.cases.count()).toBe(2);
    expect(engine.getState()).toMatchObject({ phase: 'in-sync', online: true, pending: 0 });
    expect(engine.getState().lastSyncAt).not.toBeNull();
    const phases = states.map((s) => s.phase);
    expect(phases.indexOf('pushing')).toBeLessThan(phases.indexOf('pulling'));
    expect(phases.indexOf('pulling')).toBeLessThan(phases.lastIndexOf('in-sync'));
  });

  it('pulls again on every poke', async () => {
    const server = serverWith([openCase(1)]);
    const { db, engine } = setup(server);
    engine.start();
    await engine.syncNow();
    server.put('case', openCase(2) as never);
    server.poke();
    await until(() => engine.getState().phase === 'in-sync' && server.calls.pull >= 2);
    await engine.syncNow();
    expect(await db.cases.count()).toBe(2);
  });

  it('keeps changes made offline and sends them when the online event comes', async () => {
    const server = serverWith([openCase(1)]);
    const network = fakeNetwork();
    const { engine } = setup(server, { network });
    engine.start();
    await engine.syncNow();
    network.set(false);
    expect(engine.getState()).toMatchObject({ phase: 'offline', online: false });
    await engine.enqueue('case.note', { caseId: openCase(1).id, body: 'On the train' });
    await engine.syncNow();
    expect(engine.getState()).toMatchObject({ phase: 'offline', pending: 1 });
    expect(server.calls.push).toBe(0);

    network.set(true);
    await until(() => server.executed.length === 1 && engine.getState().pending === 0);
  });

  it('retries an unreachable server with capped, jittered exponential backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = serverWith([openCase(1)]);
    server.offline = true;
    const backoff = { baseMs: 1_000, maxMs: 8_000, random: () => 0.5 };
    const { engine } = setup(server, { backoff });
    engine.start();
    await until(() => engine.getState().retryAt !== null);
    expect(engine.getState()).toMatchObject({ phase: 'offline', online: false });

    // Half the ceiling plus half of it times the jitter (0.5): 0.75 × 1 s, 2 s, 4 s, 8 s, 8 s.
    for (const delay of [750, 1_500, 3_000, 6_000, 6_000]) {
      const pulls = server.calls.pull;
      const retryAt = engine.getState().retryAt;
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(server.calls.pull).toBe(pulls);
      await vi.advanceTimersByTimeAsync(1);
      await until(() => server.calls.pull === pulls + 1 && engine.getState().retryAt !== retryAt);
    }

    // A poke proves the server is back: no waiting out the backoff.
    server.offline = false;
    server.poke();
    await until(() => engine.getState().phase === 'in-sync');
    expect(engine.getState().retryAt).toBeNull();
  });

  it('never runs two syncs at once, even with two windows on one database', async () => {
    const c = openCase(1);
    const server = serverWith([c]);
    server.delay = () => new Promise((r) => setTimeout(r, 1 + Math.random() * 3));
    const name = `shared-${crypto.randomUUID()}`;
    const a = setup(server, {}, name);
    const b = setup(server, {}, name);
    a.engine.start();
    b.engine.start();
    const writes = [];
    for (let i = 0; i < 6; i++) {
      writes.push(a.engine.enqueue('case.note', { caseId: c.id, body: `a${i}` }));
      writes.push(b.engine.enqueue('case.note', { caseId: c.id, body: `b${i}` }));
    }
    await Promise.all(writes);
    await Promise.all([a.engine.syncNow(), b.engine.syncNow(), a.engine.syncNow()]);
    await until(() => a.engine.getState().pending === 0 && b.engine.getState().pending === 0);
    expect(server.maxInFlight).toBe(1);
    expect(server.executed).toHaveLength(12);
  });

  it('stops between pull batches when stopped', async () => {
    const server = serverWith([openCase(1), openCase(2), openCase(3)]);
    let release!: () => void;
    server.delay = () => new Promise<void>((r) => (release = r));
    const { db, engine } = setup(server, { pullLimit: 1 });
    engine.start();
    await until(() => server.calls.pull === 1);
    const stopped = engine.stop();
    release();
    await stopped;
    expect(server.calls.pull).toBe(1);
    expect(await readCursor(db)).toBe('1:1');
  });

  it('publishes a refused change with the server’s reason until it is dismissed', async () => {
    const c = openCase(1);
    const server = serverWith([c]);
    server.changeCase(c.id, { assigneeId: 'agent-marco', status: 'open' });
    const { engine } = setup(server);
    const { mutationId } = await engine.enqueue('case.claim', { caseId: c.id });
    engine.start();
    await engine.syncNow();
    expect(engine.getState().rejected).toMatchObject([
      { id: mutationId, op: 'case.claim', error: { code: 'already_assigned' } },
    ]);
    await engine.dismissRejected(mutationId);
    expect(engine.getState().rejected).toEqual([]);
  });

  it('reports a full disk as a storage warning and loses no queued change', async () => {
    const c = openCase(1);
    const server = serverWith([c]);
    server.offline = true;
    const { db, engine } = setup(server);
    await engine.enqueue('case.note', { caseId: c.id, body: 'kept' });
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(
      new DOMException('full', 'QuotaExceededError'),
    );
    await expect(
      engine.enqueue('case.note', { caseId: c.id, body: 'lost?' }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(engine.getState()).toMatchObject({ storageWarning: STORAGE_FULL_MESSAGE, pending: 1 });
    expect(await db.outbox.count()).toBe(1);
  });

  it('reports a full disk during a pull, keeps the cursor, and recovers', async () => {
    const server = serverWith([openCase(1)]);
    const { db, engine } = setup(server, { backoff: { baseMs: 5, maxMs: 5, random: () => 0 } });
    vi.spyOn(db.cases, 'bulkPut').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    engine.start();
    await until(() => engine.getState().storageWarning !== null);
    expect(engine.getState().phase).toBe('error');
    expect(await readCursor(db)).toBeNull();
    await until(() => engine.getState().phase === 'in-sync');
    expect(engine.getState().storageWarning).toBeNull();
    expect(await db.cases.count()).toBe(1);
  });

  it('asks for persistent storage on start', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    const { engine } = setup(serverWith([]), { storage });
    engine.start();
    await until(() => engine.getState().persistentStorage === true);
    expect(storage.persist).toHaveBeenCalledOnce();
  });
});
