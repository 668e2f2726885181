import type { Queryable } from '../db/database';

/**
 * Waits until pulls may hand out every committed change: until the newest one is older
 * than the oldest transaction still running anywhere on the cluster. Tests on a shared
 * PostgreSQL cluster need it before pulling right after writing — someone else's open
 * transaction holds changes back for a while (a client would get a second poke).
 */
export async function changesSettled(db: Queryable, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await db.query<{ settled: boolean }>(
      `SELECT coalesce(
         (SELECT txid FROM changes ORDER BY txid DESC LIMIT 1) < pg_snapshot_xmin(pg_current_snapshot()),
         true) AS settled`,
    );
    if (res.rows[0]!.settled) return;
    if (Date.now() > deadline) throw new Error(`changes still held back after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
