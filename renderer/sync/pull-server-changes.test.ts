import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CasedeskDb } from '../db/casedesk-db';
import { readCursor } from '../db/sync-meta';
import { ANA } from '../db/testing/case-fixtures';
import { enqueueMutation } from './outbox';
import { pullServerChanges } from './pull-server-changes';
import { newReplica, openCase, serverWith } from './testing/sync-fixtures';

const opened: CasedeskDb[] = [];
function replica() {
  const db = newReplica(ANA.id);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('pullServerChanges', () => {
  it('pulls batch after batch until the server has no more', async () => {
    const server = serverWith([1, 2, 3, 4, 5].map((i) => openCase(i)));
    const db = replica();
    expect(await pullServerChanges(db, server, { limit: 2 })).toEqual({ changes: 6 });
    expect(server.calls.pull).toBe(3);
    expect(await db.cases.count()).toBe(5);
    expect(await db.agents.count()).toBe(1);
    expect(await readCursor(db)).toBe('1:6');
  });

  it('continues from the stored cursor', async () => {
    const server = serverWith([openCase(1)]);
    const db = replica();
    await pullServerChanges(db, server);
    server.put('case', openCase(2) as never);
    expect(await pullServerChanges(db, server)).toEqual({ changes: 1 });
  });

  it('starts over when the server no longer knows the cursor, keeping pending changes', async () => {
    const [a, b] = [openCase(1), openCase(2)];
    const server = serverWith([a, b]);
    const db = replica();
    await pullServerChanges(db, server);
    const { entityId } = await enqueueMutation(db, 'case.note', { caseId: a.id, body: 'Keep me' });
    server.forgetCursors();
    // The restored server has lost case b without ever telling this client.
    server.store.case.delete(b.id);

    await pullServerChanges(db, server);
    expect((await db.cases.toArray()).map((c) => c.id)).toEqual([a.id]);
    expect(await db.notes.get(entityId!)).toMatchObject({ body: 'Keep me', pending: true });
    expect(await db.outbox.count()).toBe(1);
    expect(await readCursor(db)).toMatch(/^2:/);
  });
});
