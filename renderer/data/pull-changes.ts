import type { ReplicaDb } from './replica-db';
import { resetReplica } from './replica-writes';
import { SyncHttpError, type SyncTransport } from './sync-transport';
import { checkServerChanges, type CheckedChanges, type PulledPage } from './validate-changes';

const PULL_LIMIT = 5000;
// A round opens with a smaller page: the first cases show (and IndexedDB starts writing)
// sooner, while the larger pages that follow are fetched behind the writes.
const FIRST_PULL_LIMIT = 1000;

/**
 * Pulls from the replica's cursor until caught up. Each page is checked change by change
 * and handed to `apply` (which stores it with its cursor, in one transaction) in order.
 */
export async function pullChanges(
  db: ReplicaDb,
  transport: SyncTransport,
  apply: (changes: CheckedChanges, cursor: string) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  const cursor = ((await db.meta.get('cursor'))?.value as string | undefined) ?? null;
  let next: Promise<PulledPage> | null = transport.pull(cursor, FIRST_PULL_LIMIT);
  let first = true;
  while (next) {
    let page: PulledPage;
    try {
      page = await next;
    } catch (err) {
      // A cursor the service no longer knows (its database was restored, say): start
      // over from a clean replica. The outbox stays and is rebased on what arrives.
      if (first && cursor && err instanceof SyncHttpError && err.status === 400) {
        await resetReplica(db);
        next = transport.pull(null, FIRST_PULL_LIMIT);
        first = false;
        continue;
      }
      throw err;
    }
    first = false;
    // Checked before anything is stored, change by change: what cannot be read is set
    // aside with the page (and shown), the rest applied, and the cursor moves on. Only a
    // page that is not a page at all (no cursor) stops here, in the transport.
    const changes = checkServerChanges(page.changes);
    // The next page is fetched while this one is written: the server and the network
    // work while IndexedDB does. Pages are still applied one at a time, in order.
    next = page.hasMore && !stopped() ? transport.pull(page.cursor, PULL_LIMIT) : null;
    next?.catch(() => undefined);
    await apply(changes, page.cursor);
  }
}
