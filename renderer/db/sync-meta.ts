import type { CasedeskDb } from './casedesk-db';
import type { MetaKey } from './replica-types';

async function readMeta(db: CasedeskDb, key: MetaKey): Promise<string | null> {
  return (await db.meta.get(key))?.value ?? null;
}

/** Where the next pull continues; null before the first one. */
export const readCursor = (db: CasedeskDb) => readMeta(db, 'cursor');

/** When the replica last caught up with the server completely. */
export const readLastSyncAt = (db: CasedeskDb) => readMeta(db, 'lastSyncAt');
