import Dexie from 'dexie';
import type { CasedeskDb } from '../db/casedesk-db';
import { readOutboxSummary } from '../db/outbox-readers';
import type { SyncEngine } from './sync-engine';

export type SignOutResult =
  | { signedOut: true }
  /** Refused: `unsent` changes (`pending` not yet sent, `rejected` refused and not dismissed). */
  | { signedOut: false; unsent: number; pending: number; rejected: number };

/**
 * Removes this agent's replica and outbox from the computer. Unless forced, it first tries
 * to send what is unsent and refuses while anything is left, so the UI can warn before
 * work is lost.
 */
export async function signOut(
  db: CasedeskDb,
  opts: { force?: boolean; engine?: SyncEngine } = {},
): Promise<SignOutResult> {
  if (!opts.force) {
    await opts.engine?.syncNow();
    const { pending, rejected } = await readOutboxSummary(db);
    const unsent = pending + rejected.length;
    if (unsent > 0) return { signedOut: false, unsent, pending, rejected: rejected.length };
  }
  await opts.engine?.stop();
  db.close();
  await Dexie.delete(db.name);
  return { signedOut: true };
}
