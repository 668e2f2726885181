import type { Page } from 'playwright-core';

type Peek = { op: 'get' | 'count' | 'delete'; store: string; key?: string };

/**
 * One request to the page's local replica, made with IndexedDB itself rather than through
 * the app: what the device really holds (a reload or a restart finds exactly this).
 * Undefined when there is no replica or no such store.
 */
function peek(page: Page, p: Peek): Promise<unknown> {
  return page.evaluate(async ({ op, store, key }) => {
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? '');
    const replica = dbs.find((n) => n.startsWith('casedesk:'));
    if (!replica) return undefined;
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(replica);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!idb.objectStoreNames.contains(store)) return undefined;
      const tx = idb.transaction(store, op === 'delete' ? 'readwrite' : 'readonly');
      // A deletion counts once it is committed, not when its request succeeds.
      const committed = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      const s = tx.objectStore(store);
      const q = op === 'get' ? s.get(key!) : op === 'count' ? s.count() : s.delete(key!);
      const result = await new Promise<unknown>((resolve, reject) => {
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
      });
      await committed;
      return result;
    } finally {
      idb.close();
    }
  }, p);
}

/** One record of the replica, by key. */
export const replicaRecord = (page: Page, store: string, key: string): Promise<unknown> =>
  peek(page, { op: 'get', store, key });

/** How many records one store of the replica holds (0 without a replica). */
export const replicaCount = async (page: Page, store: string): Promise<number> =>
  ((await peek(page, { op: 'count', store })) as number | undefined) ?? 0;

/** Takes one record out of the replica, as a device that never held it would be. */
export const dropReplicaRecord = async (page: Page, store: string, key: string): Promise<void> => {
  await peek(page, { op: 'delete', store, key });
};

/** The replicas the page's origin holds (a signed-out device holds none). */
export const replicaNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('casedesk:')),
  );
