import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CasedeskDb } from '../db/casedesk-db';
import { ANA } from '../db/testing/case-fixtures';
import { dismissRejected, enqueueMutation, retryRejected } from './outbox';
import { pullServerChanges } from './pull-server-changes';
import { pushPendingMutations } from './push-pending-mutations';
import { StorageFullError } from './storage';
import { newReplica, openCase, serverWith } from './testing/sync-fixtures';

const c1 = openCase(1);
const opened: CasedeskDb[] = [];

async function replicaOf(server = serverWith([c1]), name?: string) {
  const db = newReplica(ANA.id, name);
  opened.push(db);
  await pullServerChanges(db, server);
  return { db, server };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('enqueueMutation', () => {
  it('shows a claim at once, marked pending, with the server version kept underneath', async () => {
    const { db } = await replicaOf();
    await enqueueMutation(db, 'case.claim', { caseId: c1.id });
    const shown = await db.cases.get(c1.id);
    expect(shown).toMatchObject({
      assigneeId: ANA.id,
      status: 'open',
      assigneeKey: ANA.id,
      pending: true,
    });
    expect(shown?.base).toMatchObject({ assigneeId: null, status: 'new' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('shows a note at once as pending, under a client id the server will keep', async () => {
    const { db } = await replicaOf();
    const { entityId } = await enqueueMutation(db, 'case.note', {
      caseId: c1.id,
      body: 'Called the seller',
    });
    expect(entityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.notes.get(entityId!)).toMatchObject({
      caseId: c1.id,
      authorId: ANA.id,
      body: 'Called the seller',
      pending: true,
      base: null,
    });
  });

  it('refuses invalid args before writing anything', async () => {
    const { db } = await replicaOf();
    await expect(
      enqueueMutation(db, 'case.note', { caseId: c1.id, body: '   ' }),
    ).rejects.toThrow();
    await expect(
      enqueueMutation(db, 'case.claim', { caseId: c1.id, extra: 1 } as never),
    ).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps queued changes across a reload and sends each exactly once', async () => {
    const { db, server } = await replicaOf();
    server.offline = true;
    await enqueueMutation(db, 'case.claim', { caseId: c1.id });
    await enqueueMutation(db, 'case.note', { caseId: c1.id, body: 'Asked for photos' });
    await enqueueMutation(db, 'case.message', { caseId: c1.id, to: 'buyer', body: 'Hello' });
    await expect(pushPendingMutations(db, server)).rejects.toThrow('Failed to fetch');
    db.close();

    const reopened = newReplica(ANA.id, db.name);
    opened.push(reopened);
    expect(await reopened.outbox.count()).toBe(3);
    server.offline = false;
    await pushPendingMutations(reopened, server);
    await pushPendingMutations(reopened, server);
    expect(server.executed.map((m) => m.op)).toEqual(['case.claim', 'case.note', 'case.message']);
    expect(await reopened.outbox.count()).toBe(0);
  });

  it('turns a full disk into a clear error and writes nothing', async () => {
    const { db } = await replicaOf();
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    await expect(enqueueMutation(db, 'case.claim', { caseId: c1.id })).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await db.outbox.count()).toBe(0);
    expect((await db.cases.get(c1.id))?.assigneeId).toBeNull();
  });
});

describe('refused changes', () => {
  async function refusedNote() {
    const { db, server } = await replicaOf();
    const { mutationId, entityId } = await enqueueMutation(db, 'case.note', {
      caseId: c1.id,
      body: 'x1',
    });
    server.refuseIds.set(mutationId, { code: 'forbidden', message: 'Not allowed.' });
    await pushPendingMutations(db, server);
    return { db, server, mutationId, entityId: entityId! };
  }

  it('stay until the agent dismisses them', async () => {
    const { db, mutationId } = await refusedNote();
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['rejected']);
    expect(await dismissRejected(db, mutationId)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('can be sent again, edited, under a new mutation id', async () => {
    const { db, server, mutationId, entityId } = await refusedNote();
    const retried = await retryRejected(db, mutationId, {
      caseId: c1.id,
      id: entityId,
      body: 'x2',
    });
    expect(retried?.mutationId).not.toBe(mutationId);
    expect(await db.notes.get(entityId)).toMatchObject({ body: 'x2', pending: true });
    await pushPendingMutations(db, server);
    expect(server.executed.map((m) => m.args)).toEqual([
      { caseId: c1.id, id: entityId, body: 'x2' },
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('cannot be dismissed while still pending', async () => {
    const { db } = await replicaOf();
    const { mutationId } = await enqueueMutation(db, 'case.claim', { caseId: c1.id });
    expect(await dismissRejected(db, mutationId)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });
});
