import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readInbox } from '../data/inbox';
import { openReplica, type ReplicaDb } from '../data/replica-db';
import { toLocalCase } from '../data/local-case';
import { ANA, LENA, makeCase } from '../data/testing/case-fixtures';
import { watchDeskSignals } from './desk-signal-thunks';
import { makeStore } from './store';
import { memoryPlatform } from './testing/memory-platform';

let db: ReplicaDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

describe('the desk-signals watcher', () => {
  it('keeps the Notifications list in the store from its own read of the replica, and empties it when stopped', async () => {
    db = openReplica(`desk-watch-${Math.random()}`);
    const store = makeStore({
      platform: memoryPlatform().platform,
      serverUrl: 'http://127.0.0.1:9',
    });
    const c = makeCase(3, { assigneeId: ANA.id, status: 'open' });
    await db.cases.put(toLocalCase(c, false));
    await db.agents.put({ ...LENA, capacity: 10 } as never);
    const stop = store.dispatch(watchDeskSignals(db, ANA));
    await db.events.put({
      id: 'ev-answer',
      caseId: c.id,
      type: 'message.received',
      actorId: null,
      at: new Date().toISOString(),
      data: { from: 'buyer' },
    });
    await until(() => store.getState().inbox.read.items.length === 1);
    expect(store.getState().inbox.read).toEqual(await readInbox(db, ANA, new Date()));
    expect(store.getState().inbox.read.unread).toBe(1);
    // Read in the list: the same watcher's next read says so.
    await db.inboxRead.put({ id: 'ev-answer', at: new Date().toISOString() });
    await until(() => store.getState().inbox.read.unread === 0);
    stop();
    expect(store.getState().inbox.read.items).toEqual([]);
  });
});
