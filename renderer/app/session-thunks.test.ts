import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { replicaName } from '../data/replica-db';
import { ANA, makeCase } from '../data/testing/case-fixtures';
import { makeStore, type AppStore } from './store';
import {
  SIGNED_OUT_ELSEWHERE,
  openCaseByReference,
  openPendingCaseLink,
  signOut,
  startApp,
  writeMutation,
} from './session-thunks';
import { memoryPlatform } from './testing/memory-platform';
import { oneCaseTransport } from './testing/one-case-transport';

const aCase = makeCase(1, { assigneeId: ANA.id });

const oneCaseService = oneCaseTransport(aCase);

const stores: AppStore[] = [];
function openWindow(host: ReturnType<typeof memoryPlatform>) {
  const store = makeStore({
    platform: host.platform,
    serverUrl: 'http://127.0.0.1:9',
    transport: oneCaseService,
  });
  stores.push(store);
  return store;
}

async function replicaExists(): Promise<boolean> {
  const name = replicaName(ANA.id, 'standalone');
  return (await indexedDB.databases()).some((d) => d.name === name);
}

afterEach(async () => {
  for (const s of stores.splice(0)) {
    const c = s.extra.connection.get();
    c?.engine.stop();
    c?.db.close();
    c?.sessions.close();
  }
  await new Promise((r) => setTimeout(r, 0));
  for (const d of await indexedDB.databases()) indexedDB.deleteDatabase(d.name!);
});

describe('the session thunks', () => {
  it('opens the saved session at once and fills the replica from the service', async () => {
    const host = memoryPlatform();
    await host.platform.saveSession({ token: 't', agent: ANA });
    const store = openWindow(host);
    await store.dispatch(startApp());

    expect(store.getState().session.status).toBe('signed_in');
    expect(store.getState().host.info?.serverId).toBe('standalone');
    const db = store.extra.connection.get()!.db;
    await expect.poll(() => db.cases.count()).toBe(1);
  });

  it('keeps everything when the agent declines to lose unsent changes, and removes it all when they agree', async () => {
    const host = memoryPlatform();
    await host.platform.saveSession({ token: 't', agent: ANA });
    const store = openWindow(host);
    await store.dispatch(startApp());
    await store.dispatch(writeMutation('case.note', { caseId: aCase.id, body: 'Unsent' }));

    const asked: number[] = [];
    await store.dispatch(signOut((n) => (asked.push(n), false)));
    expect(asked).toEqual([1]);
    expect(store.getState().session.status).toBe('signed_in');
    expect(await store.extra.connection.get()!.db.outbox.count()).toBe(1);

    await store.dispatch(signOut(() => true));
    expect(store.getState().session.status).toBe('signed_out');
    expect(store.extra.connection.get()).toBeNull();
    expect(host.savedSession()).toBeNull();
    expect(await replicaExists()).toBe(false);
  });

  it('signs the other window out, with the reason, when one window signs out', async () => {
    const host = memoryPlatform();
    await host.platform.saveSession({ token: 't', agent: ANA });
    const first = openWindow(host);
    const second = openWindow(host);
    await first.dispatch(startApp());
    await second.dispatch(startApp());

    await first.dispatch(signOut(() => true));
    await expect.poll(() => second.getState().session.status).toBe('signed_out');
    expect(second.getState().session.error).toBe(SIGNED_OUT_ELSEWHERE);
    expect(second.extra.connection.get()).toBeNull();
    expect(await replicaExists()).toBe(false);
  });

  it('says so when a deep link names a case this computer does not have', async () => {
    const host = memoryPlatform();
    await host.platform.saveSession({ token: 't', agent: ANA });
    const store = openWindow(host);
    await store.dispatch(startApp());
    await expect.poll(() => store.extra.connection.get()!.db.cases.count()).toBe(1);

    await store.dispatch(openCaseByReference(aCase.reference));
    expect(store.getState().ui.openCaseId).toBe(aCase.id);
    await store.dispatch(openCaseByReference('CD-999999'));
    expect(store.getState().host.notice).toBe(
      'Case CD-999999 is not in your queue on this computer.',
    );
  });

  it('opens the case of the link that started the app once signed in, waiting for the first pull', async () => {
    const host = memoryPlatform();
    host.startedWithLink(aCase.reference.toLowerCase());
    await host.platform.saveSession({ token: 't', agent: ANA });
    const store = openWindow(host);
    await store.dispatch(startApp());
    await store.dispatch(openPendingCaseLink());
    expect(store.getState().ui.openCaseId).toBe(aCase.id);
    expect(await host.platform.takePendingCase()).toBeNull();
  });

  it('keeps a link that comes while nobody is signed in, and opens it after sign-in', async () => {
    const host = memoryPlatform();
    const store = openWindow(host);
    await store.dispatch(startApp());
    expect(store.getState().session.status).toBe('signed_out');
    await store.dispatch(openCaseByReference(aCase.reference));
    expect(store.getState().host.heldCase).toBe(aCase.reference);

    await host.platform.saveSession({ token: 't', agent: ANA });
    await store.dispatch(startApp());
    await store.dispatch(openPendingCaseLink());
    expect(store.getState().ui.openCaseId).toBe(aCase.id);
    expect(store.getState().host.heldCase).toBeNull();
  });

  it('tells the person to reload when a newer Casedesk upgrades the replica in another tab', async () => {
    const host = memoryPlatform();
    await host.platform.saveSession({ token: 't', agent: ANA });
    const store = openWindow(host);
    await store.dispatch(startApp());
    const name = replicaName(ANA.id, 'standalone');
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 10_000);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    newer.close();
    expect(store.getState().host.notice).toBe(
      'Casedesk was updated in another window: reload this one to go on.',
    );
    expect(store.getState().session.status).toBe('signed_in');
  });
});
