/** What the agent reads when the disk is full: what is safe, what is not, what to do. */
export const STORAGE_FULL_MESSAGE =
  'This computer is out of space for Casedesk. Your unsent changes are safe, but new ' +
  'changes and updates from the server cannot be saved until you free some disk space.';

/** A write refused because the browser's storage quota is used up; nothing was written. */
export class StorageFullError extends Error {
  constructor() {
    super(STORAGE_FULL_MESSAGE);
    this.name = 'StorageFullError';
  }
}

/** Dexie wraps the DOMException (`inner`); a transaction abort may carry it as `cause`. */
export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const x = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (x.name === 'QuotaExceededError' || x.name === 'StorageFullError') return true;
    e = x.inner ?? x.cause;
  }
  return false;
}

type PersistentStorage = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks the browser not to evict the replica and outbox under storage pressure. True when
 * granted, false when refused, null where the API does not exist.
 */
export async function requestPersistentStorage(
  storage: PersistentStorage | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
