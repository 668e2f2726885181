import type { CasedeskDb } from '../db/casedesk-db';
import { readCursor } from '../db/sync-meta';
import { applyServerChanges } from './apply-server-changes';
import { TransportError, type SyncTransport } from './sync-transport';
import { parseServerChanges } from './validate-changes';

/** Within the contract's 1..5000; a batch this size commits in well under a second. */
export const DEFAULT_PULL_LIMIT = 1000;

/** The server refuses a cursor it did not give out (e.g. after a restore from backup). */
const isStaleCursor = (err: unknown) =>
  err instanceof TransportError && err.failure === 'refused' && err.code === 'validation_failed';

/**
 * Drops the replica and its cursor, keeping the outbox: the next pull rebuilds everything,
 * and pending changes are laid on top again as their cases arrive.
 */
async function forgetReplica(db: CasedeskDb): Promise<void> {
  const replica = [db.cases, db.messages, db.notes, db.actions, db.externalDisputes, db.events];
  await db.transaction('rw', [...replica, db.agents, db.meta], async () => {
    for (const t of [...replica, db.agents]) await t.clear();
    await db.meta.delete('cursor');
  });
}

/**
 * Pulls from the stored cursor until the server has nothing more, each batch committed
 * with its cursor, so an interruption resumes where the last committed batch ended.
 */
export async function pullServerChanges(
  db: CasedeskDb,
  transport: SyncTransport,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<{ changes: number }> {
  let cursor = await readCursor(db);
  let changes = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const page = await transport
      .pull(cursor, opts.limit ?? DEFAULT_PULL_LIMIT)
      .catch(async (err) => {
        if (cursor === null || !isStaleCursor(err)) throw err;
        await forgetReplica(db);
        cursor = null;
        return transport.pull(null, opts.limit ?? DEFAULT_PULL_LIMIT);
      });
    await applyServerChanges(db, parseServerChanges(page.changes), page.cursor, {
      complete: !page.hasMore,
    });
    changes += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) return { changes };
  }
}
