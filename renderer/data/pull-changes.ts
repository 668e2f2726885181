import { INBOX_DAYS } from './inbox';
import type { FirstSyncProgress, ReplicaDb } from './replica-db';
import { resetReplica } from './replica-writes';
import { SyncHttpError, type SyncTransport } from './sync-transport';
import { checkServerChanges, type CheckedChanges, type PulledPage } from './validate-changes';

const PULL_LIMIT = 5000;
// A round opens with a smaller page: the first cases show (and IndexedDB starts writing)
// sooner, while the larger pages that follow are fetched behind the writes. A first sync
// sends open cases first, so these are rows for the queues.
const FIRST_PULL_LIMIT = 250;
// A first sync writes in smaller pages. IndexedDB runs one transaction at a time over the
// same stores, so whatever the agent reads meanwhile (a view, a case) waits for the page
// being written: 5,000 cases took 7 to 11 s to write on the shared 2-core machine, 1,000
// about a fifth of that.
const FIRST_SYNC_LIMIT = 1000;
// After each page, the reads the page's changes set off (Dexie signals live queries on a
// zero timer after the commit) start before the next page's write does.
const READS_FIRST_MS = 30;

/**
 * Pulls from the replica's cursor until caught up. Each page is checked change by change
 * and handed to `apply` (which stores it with its cursor, in one transaction) in order.
 *
 * A first sync (no cursor yet, or one left half done by a closed window) also hands each
 * page its progress — cases received so far, of about how many the service said on the
 * first page — to be stored with it; null with its last page, when it is done.
 *
 * A first sync brings the history (audit events) of the last INBOX_DAYS only, what the
 * Notifications list shows: a case's older history is read when it opens online
 * (`keepCaseHistory`). The time it starts from is kept in meta `historySince` before the
 * first page is asked for; a replica without it (synced before) holds every event.
 */
export async function pullChanges(
  db: ReplicaDb,
  transport: SyncTransport,
  apply: (
    changes: CheckedChanges,
    cursor: string,
    firstSync: FirstSyncProgress | null | undefined,
  ) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  const [kept, half, keptSince] = await db.meta.bulkGet(['cursor', 'firstSync', 'historySince']);
  const cursor = (kept?.value as string | undefined) ?? null;
  let progress: FirstSyncProgress | null =
    cursor === null
      ? { received: 0, expected: null }
      : ((half?.value as FirstSyncProgress | undefined) ?? null);
  let historySince = keptSince?.value as string | undefined;
  const startFirstSync = async () => {
    historySince = new Date(Date.now() - INBOX_DAYS * 86_400_000).toISOString();
    await db.meta.put({ key: 'historySince', value: historySince });
  };
  if (cursor === null) await startFirstSync();
  // Said on every page of the snapshot (the service keeps no state between pages); a first
  // sync begun by a build that took every event goes on taking every event.
  const since = () => (progress ? historySince : undefined);
  let next: Promise<PulledPage> | null = transport.pull(cursor, FIRST_PULL_LIMIT, since());
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
        progress = { received: 0, expected: null };
        await startFirstSync();
        next = transport.pull(null, FIRST_PULL_LIMIT, since());
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
    next =
      page.hasMore && !stopped()
        ? transport.pull(page.cursor, progress ? FIRST_SYNC_LIMIT : PULL_LIMIT, since())
        : null;
    next?.catch(() => undefined);
    if (progress) {
      let cases = 0;
      for (const c of changes.readable) if (c.entity === 'case' && c.op === 'upsert') cases++;
      progress = {
        received: progress.received + cases,
        expected: page.estimatedCases ?? progress.expected,
      };
    }
    await apply(changes, page.cursor, progress ? (page.hasMore ? progress : null) : undefined);
    if (!page.hasMore) progress = null;
    else await new Promise((r) => setTimeout(r, READS_FIRST_MS));
  }
}
