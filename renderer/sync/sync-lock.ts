/** Runs one sync at a time per device. */
export interface SyncLock {
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

const tails = new Map<string, Promise<void>>();

/**
 * A queue per name inside this JavaScript context: the fallback where the Web Locks API is
 * missing, and what makes two engines in one window (or one test) take turns.
 */
export function inProcessLock(name: string): SyncLock {
  return {
    async run(fn, signal) {
      const prev = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      const tail = prev.then(() => new Promise<void>((r) => (release = r)));
      tails.set(name, tail);
      await prev;
      try {
        signal?.throwIfAborted();
        return await fn();
      } finally {
        release();
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
  };
}

/**
 * Web Locks are shared by every window and worker of the origin, so several Casedesk
 * windows never sync at once; the lock is released even when a window crashes.
 */
export function webLock(name: string, locks: LockManager): SyncLock {
  return {
    run: <T>(fn: () => Promise<T>, signal?: AbortSignal) =>
      locks.request(name, signal ? { signal } : {}, () => fn()) as unknown as Promise<T>,
  };
}

export function deviceSyncLock(name: string): SyncLock {
  const locks = globalThis.navigator?.locks;
  return locks ? webLock(name, locks) : inProcessLock(name);
}
