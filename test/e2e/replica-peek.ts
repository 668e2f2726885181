import type { Page } from 'playwright-core';

/**
 * One record of the page's local replica, read with IndexedDB itself rather than through the
 * app: what the device really holds (a reload or a restart finds exactly this).
 */
export function replicaRecord(page: Page, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    async ([name, id]) => {
      const dbs = (await indexedDB.databases()).map((d) => d.name ?? '');
      const replica = dbs.find((n) => n.startsWith('casedesk:'));
      if (!replica) return undefined;
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(replica);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!idb.objectStoreNames.contains(name)) return undefined;
        return await new Promise<unknown>((resolve, reject) => {
          const q = idb.transaction(name).objectStore(name).get(id);
          q.onsuccess = () => resolve(q.result);
          q.onerror = () => reject(q.error);
        });
      } finally {
        idb.close();
      }
    },
    [store, key] as const,
  );
}
