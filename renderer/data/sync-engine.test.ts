import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse } from '../../shared';
import { openReplica, type ReplicaDb } from './replica-db';
import { toLocalCase } from './local-case';
import { enqueueMutation, resetReplica, withdrawHeld } from './replica-writes';
import { PUSH_BYTES, pushBatch } from './push-outbox';
import { SyncEngine, type SyncSnapshot } from './sync-engine';
import { SyncHttpError, type SyncTransport } from './sync-transport';
import { parsePulledPage } from './validate-changes';
import { PushResponseRead } from './read-schemas';
import { ANA, makeCase } from './testing/case-fixtures';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

function fakeTransport(pull: (cursor: string | null) => PullResponse) {
  const pushes: Mutation[][] = [];
  const pulls: (string | null)[] = [];
  const transport: SyncTransport = {
    pull: async (cursor) => {
      pulls.push(cursor);
      return pull(cursor);
    },
    push: async (mutations) => {
      pushes.push(mutations);
      return { results: mutations.map((m) => ({ id: m.id, status: 'applied' as const })) };
    },
    subscribe: () => () => undefined,
  };
  return { transport, pushes, pulls };
}

describe('the sync engine', () => {
  it('splits a push so no request comes near the service’s 1 MiB limit', () => {
    const long = 'x'.repeat(10_000);
    const entries = Array.from({ length: 300 }, (_, i) => ({ id: `m${i}`, args: { body: long } }));
    const first = pushBatch(entries);
    expect(first.length).toBeGreaterThan(1);
    expect(first.length).toBeLessThan(300);
    expect(JSON.stringify(first.map((e) => e.args)).length * 3).toBeLessThanOrEqual(PUSH_BYTES);
    expect(pushBatch(entries.slice(0, 3))).toHaveLength(3);
    expect(
      pushBatch(Array.from({ length: 900 }, (_, i) => ({ id: `s${i}`, args: {} }))),
    ).toHaveLength(500);
  });

  it('sends a long offline day of replies in several requests, in order, each once', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(1, { assigneeId: ANA.id, status: 'open' });
    const { transport, pushes } = fakeTransport(() => ({
      changes: [],
      cursor: 'c1',
      hasMore: false,
    }));
    for (let i = 0; i < 120; i++) {
      await enqueueMutation(db, ANA, 'case.message', {
        caseId: c.id,
        id: crypto.randomUUID(),
        to: 'buyer',
        body: `${i} ${'é'.repeat(9_000)}`,
      });
    }
    const engine = new SyncEngine(db, transport, ANA, () => undefined);
    await engine.sync();
    expect(pushes.length).toBeGreaterThan(1);
    const sent = pushes
      .flat()
      .map((m) => Number(String((m.args as { body: string }).body).split(' ')[0]));
    expect(sent).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(await db.outbox.count()).toBe(0);
  });

  it('holds a reply for its undo time, and what came after it, then sends both in order', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(1, { assigneeId: ANA.id, status: 'open' });
    await db.cases.put(toLocalCase(c, false));
    const { transport, pushes } = fakeTransport(() => ({
      changes: [],
      cursor: 'c1',
      hasMore: false,
    }));
    const reply = { caseId: c.id, id: crypto.randomUUID(), to: 'buyer', body: 'Held reply' };
    await enqueueMutation(db, ANA, 'case.message', reply, new Date(), 300);
    await enqueueMutation(db, ANA, 'case.note', {
      caseId: c.id,
      id: crypto.randomUUID(),
      body: 'After',
    });
    const engine = new SyncEngine(db, transport, ANA, () => undefined);
    await engine.sync();
    expect(pushes.flat()).toHaveLength(0);
    expect(await db.messages.get(reply.id)).toMatchObject({ pending: true });
    // The engine wakes itself when the hold ends.
    await expect
      .poll(() => pushes.flat().map((m) => m.op), { timeout: 3_000 })
      .toEqual(['case.message', 'case.note']);
    engine.stop();
  });

  it('takes a held reply back, with what it showed, but never one already on its way', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(1, { assigneeId: ANA.id, status: 'open' });
    await db.cases.put(toLocalCase(c, false));
    const reply = { caseId: c.id, id: crypto.randomUUID(), to: 'buyer', body: 'Oops' };
    const now = new Date();
    const held = await enqueueMutation(db, ANA, 'case.message', reply, now, 5_000);
    expect(await withdrawHeld(db, held, ANA, new Date(now.getTime() + 6_000))).toBe(false);
    expect(await withdrawHeld(db, held, ANA, new Date(now.getTime() + 1_000))).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.get(reply.id)).toBeUndefined();
    const plain = await enqueueMutation(db, ANA, 'case.message', {
      ...reply,
      id: crypto.randomUUID(),
    });
    expect(await withdrawHeld(db, plain, ANA)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps syncing when the service answers a mutation with a status it does not know, and sends that one again later', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(1, { assigneeId: ANA.id, status: 'open' });
    const { transport, pushes, pulls } = fakeTransport(() => ({
      changes: [],
      cursor: 'c1',
      hasMore: false,
    }));
    let newer = true;
    // As the HTTP transport reads it: a newer service's answer, through the same schema.
    transport.push = async (mutations) => {
      pushes.push(mutations);
      const answer = PushResponseRead.parse({
        results: mutations.map((m, i) => ({
          id: m.id,
          status: newer && i === 0 ? 'deferred' : i === 0 ? 'duplicate' : 'applied',
        })),
      });
      newer = false;
      return answer;
    };
    const ids: string[] = [];
    for (const body of ['first', 'second', 'third'])
      ids.push(
        await enqueueMutation(db, ANA, 'case.note', {
          caseId: c.id,
          id: crypto.randomUUID(),
          body,
        }),
      );
    const engine = new SyncEngine(db, transport, ANA, () => undefined);
    await engine.sync();
    // One push, not a loop; the pull still ran; the two readable answers were recorded.
    expect(pushes).toHaveLength(1);
    expect(pulls.length).toBeGreaterThan(0);
    const left = await db.outbox.toArray();
    expect(left.map((e) => [e.id, e.state])).toEqual([[ids[0], 'pending']]);

    await engine.sync();
    expect(pushes).toHaveLength(2);
    expect(pushes[1]!.map((m) => m.id)).toEqual([ids[0]]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('starts over from a clean replica when the service no longer knows its cursor', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const kept = makeCase(2);
    const gone = makeCase(3);
    await db.meta.put({ key: 'cursor', value: 'stale' });
    await db.cases.put(toLocalCase(gone, false));
    const { transport, pulls } = fakeTransport((cursor) => {
      if (cursor === 'stale')
        throw new SyncHttpError(400, 'The cursor is not one this service gave out.');
      return {
        changes: [{ entity: 'case', id: kept.id, op: 'upsert', data: kept }],
        cursor: 'fresh',
        hasMore: false,
      };
    });
    const engine = new SyncEngine(db, transport, ANA, () => undefined);
    await engine.sync();
    expect(pulls).toEqual(['stale', null]);
    expect(await db.cases.get(gone.id)).toBeUndefined();
    expect(await db.cases.get(kept.id)).toBeDefined();
    expect((await db.meta.get('cursor'))?.value).toBe('fresh');
  });

  it('keeps the outbox when the replica is emptied for a fresh start', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(4);
    await db.cases.put(toLocalCase(c, false));
    await enqueueMutation(db, ANA, 'case.note', {
      caseId: c.id,
      id: crypto.randomUUID(),
      body: 'unsent',
    });
    await resetReplica(db);
    expect(await db.cases.count()).toBe(0);
    expect((await db.outbox.toArray()).map((e) => e.args.body)).toEqual(['unsent']);
  });

  it('stores nothing of a page that is not a sync page (no cursor), and says Sync error', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const good = makeCase(5);
    const page = {
      changes: [{ entity: 'case', id: good.id, op: 'upsert', data: good }],
      hasMore: false,
    };
    const transport: SyncTransport = {
      pull: async () => parsePulledPage(page),
      push: async () => ({ results: [] }),
      subscribe: () => () => undefined,
    };
    const states: { phase: string; error: string | null }[] = [];
    const engine = new SyncEngine(db, transport, ANA, (s) => states.push(s));
    await engine.sync();
    engine.stop();
    expect(await db.cases.count()).toBe(0);
    expect(await db.meta.get('cursor')).toBeUndefined();
    expect(states.at(-1)).toMatchObject({
      phase: 'error',
      error: expect.stringMatching(/sync page this version of Casedesk cannot read/),
    });
  });

  it('waits for a new sign-in when the session ends, then sends what was queued, once', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(6, { assigneeId: ANA.id, status: 'open' });
    await enqueueMutation(db, ANA, 'case.note', { caseId: c.id, id: 'n1', body: 'queued' });
    let pushAttempts = 0;
    const expired: SyncTransport = {
      pull: async () => {
        throw new SyncHttpError(401, 'Missing or expired token.');
      },
      push: async () => {
        pushAttempts++;
        throw new SyncHttpError(401, 'Missing or expired token.');
      },
      subscribe: () => () => undefined,
    };
    const states: { phase: string; needsSignIn: boolean; pending: number }[] = [];
    const engine = new SyncEngine(db, expired, ANA, (s) => states.push(s));
    await engine.sync();
    expect(states.at(-1)).toMatchObject({ phase: 'error', needsSignIn: true, pending: 1 });
    // No retry is scheduled: an expired session does not come back by waiting.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(pushAttempts).toBe(1);

    const fresh = fakeTransport(() => ({ changes: [], cursor: 'c1', hasMore: false }));
    await engine.resume(fresh.transport);
    // The round ends with its report: wait for it, not just for the outbox to empty.
    await expect
      .poll(() => states.at(-1))
      .toMatchObject({ phase: 'in-sync', needsSignIn: false, pending: 0 });
    engine.stop();
    expect(await db.outbox.count()).toBe(0);
    expect(fresh.pushes.flat().map((m) => m.id)).toEqual([expect.any(String)]);
  });

  it('tells a deactivated account from an ended session, keeping what is queued', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(8, { assigneeId: ANA.id, status: 'open' });
    await enqueueMutation(db, ANA, 'case.note', { caseId: c.id, id: 'n2', body: 'unsent' });
    const deactivated: SyncTransport = {
      pull: async () => {
        throw new SyncHttpError(401, 'This account is deactivated.', 'account_deactivated');
      },
      push: async () => {
        throw new SyncHttpError(401, 'This account is deactivated.', 'account_deactivated');
      },
      subscribe: () => () => undefined,
    };
    const states: { needsSignIn: boolean; accountDeactivated: boolean; pending: number }[] = [];
    const engine = new SyncEngine(db, deactivated, ANA, (s) => states.push(s));
    await engine.sync();
    engine.stop();
    expect(states.at(-1)).toMatchObject({
      needsSignIn: true,
      accountDeactivated: true,
      pending: 1,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('pulls on its own now and then when the stream brings no pokes (a buffering proxy)', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const later = makeCase(7);
    let serverHas: PullResponse['changes'] = [];
    const { transport, pulls } = fakeTransport((cursor) => ({
      changes: cursor === 'c2' ? [] : serverHas,
      cursor: serverHas.length ? 'c2' : 'c1',
      hasMore: false,
    }));
    const engine = new SyncEngine(db, transport, ANA, () => undefined, `lock-${Math.random()}`, 50);
    await engine.start();
    await expect.poll(() => pulls.length).toBeGreaterThan(0);
    // A change reaches the server, and no poke arrives: the stream is silent.
    serverHas = [{ entity: 'case', id: later.id, op: 'upsert', data: later }];
    await expect.poll(() => db!.cases.get(later.id), { timeout: 2_000 }).toBeDefined();
    engine.stop();
  });
  it('shows a first sync’s progress page by page, and forgets it once the sync is done', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const cases = Array.from({ length: 5 }, (_, i) => makeCase(i));
    const page = (from: number, to: number) =>
      cases
        .slice(from, to)
        .map((c) => ({ entity: 'case' as const, id: c.id, op: 'upsert' as const, data: c }));
    const { transport } = fakeTransport((cursor) =>
      cursor === null
        ? { changes: page(0, 2), cursor: 'p1', hasMore: true, estimatedCases: 5 }
        : cursor === 'p1'
          ? { changes: page(2, 4), cursor: 'p2', hasMore: true }
          : { changes: page(4, 5), cursor: 'p3', hasMore: false },
    );
    const seen: SyncSnapshot['firstSync'][] = [];
    const engine = new SyncEngine(db, transport, ANA, (s) => seen.push(s.firstSync));
    await engine.sync();
    // Before anything arrived it is a first sync already; each page adds its cases.
    expect(seen[0]).toEqual({ received: 0, expected: null });
    expect(seen).toContainEqual({ received: 2, expected: 5 });
    expect(seen).toContainEqual({ received: 4, expected: 5 });
    expect(seen.at(-1)).toBeNull();
    expect(await db.meta.get('firstSync')).toBeUndefined();
    // A later pull (a catch-up) is no first sync.
    await engine.sync();
    expect(seen.filter((s) => s !== null).length).toBe(seen.indexOf(null));
  });

  it('goes on counting a first sync that a closed window left half done', async () => {
    db = openReplica(`engine-${Math.random()}`);
    const c = makeCase(7);
    await db.meta.bulkPut([
      { key: 'cursor', value: 'p1' },
      { key: 'firstSync', value: { received: 1000, expected: 3000 } },
    ]);
    // One page arrives, then the connection drops: what was received is kept for next time.
    const { transport } = fakeTransport((cursor) => {
      if (cursor === 'p1')
        return {
          changes: [{ entity: 'case', id: c.id, op: 'upsert', data: c }],
          cursor: 'p2',
          hasMore: true,
        };
      throw new TypeError('Failed to fetch');
    });
    const seen: SyncSnapshot['firstSync'][] = [];
    const engine = new SyncEngine(db, transport, ANA, (s) => seen.push(s.firstSync));
    await engine.sync();
    engine.stop();
    expect(seen).toContainEqual({ received: 1001, expected: 3000 });
    expect((await db.meta.get('firstSync'))?.value).toEqual({ received: 1001, expected: 3000 });
  });
});
