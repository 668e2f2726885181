import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA } from '../db/testing/case-fixtures';
import { enqueueMutation } from './outbox';
import { pullServerChanges } from './pull-server-changes';
import { pushPendingMutations } from './push-pending-mutations';
import { signOut } from './sign-out';
import { createSyncEngine } from './sync-engine';
import { fakeNetwork, newReplica, openCase, serverWith } from './testing/sync-fixtures';

const c1 = openCase(1);
const names: string[] = [];

async function replicaWithOutbox(changes: number) {
  const server = serverWith([c1]);
  const db = newReplica(ANA.id);
  names.push(db.name);
  await pullServerChanges(db, server);
  server.offline = true;
  for (let i = 0; i < changes; i++)
    await enqueueMutation(db, 'case.note', { caseId: c1.id, body: `n${i}` });
  return { db, server };
}

afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('signOut', () => {
  it('refuses while changes are unsent, and says how many', async () => {
    const { db } = await replicaWithOutbox(2);
    expect(await signOut(db)).toEqual({ signedOut: false, unsent: 2, pending: 2, rejected: 0 });
    expect(await Dexie.exists(db.name)).toBe(true);
    expect(await db.outbox.count()).toBe(2);
  });

  it('counts refused changes the agent has not dismissed as unsent too', async () => {
    const { db, server } = await replicaWithOutbox(1);
    server.offline = false;
    const [entry] = await db.outbox.toArray();
    server.refuseIds.set(entry!.id, { code: 'forbidden', message: 'No.' });
    await pushPendingMutations(db, server);
    expect(await signOut(db)).toMatchObject({ signedOut: false, unsent: 1, rejected: 1 });
  });

  it('first tries to send what is unsent, then signs out if that worked', async () => {
    const { db, server } = await replicaWithOutbox(1);
    server.offline = false;
    const engine = createSyncEngine({
      db,
      transport: server,
      network: fakeNetwork(),
      storage: null,
    });
    engine.start();
    expect(await signOut(db, { engine })).toEqual({ signedOut: true });
    expect(server.executed).toHaveLength(1);
    expect(await Dexie.exists(db.name)).toBe(false);
  });

  it('deletes the replica and outbox when forced', async () => {
    const { db } = await replicaWithOutbox(3);
    expect(await signOut(db, { force: true })).toEqual({ signedOut: true });
    expect(await Dexie.exists(db.name)).toBe(false);
  });
});
