import { liveQuery } from 'dexie';
import type { MutationOp } from '../../shared';
import type { CasedeskDb } from '../db/casedesk-db';
import { readOutboxSummary } from '../db/outbox-readers';
import { readLastSyncAt } from '../db/sync-meta';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import type { MutationArgs } from './mutation-args';
import { browserNetworkStatus, type NetworkStatus } from './network-status';
import { dismissRejected, enqueueMutation, retryRejected, type EnqueuedMutation } from './outbox';
import { STORAGE_FULL_MESSAGE, isQuotaError, requestPersistentStorage } from './storage';
import { deviceSyncLock, type SyncLock } from './sync-lock';
import { syncIfPossible } from './sync-if-possible';
import {
  INITIAL_SYNC_STATE,
  describeFailure,
  toRejectedMutation,
  type SyncEngineState,
} from './sync-state';
import type { SyncTransport } from './sync-transport';

export interface SyncEngineOptions {
  db: CasedeskDb;
  transport: SyncTransport;
  onState?: (state: SyncEngineState) => void;
  /** Default: Web Locks named after the database, or an in-process lock without them. */
  lock?: SyncLock;
  network?: NetworkStatus;
  backoff?: BackoffPolicy;
  pullLimit?: number;
  /** Default: navigator.storage; null skips asking for persistent storage. */
  storage?: Pick<StorageManager, 'persist' | 'persisted'> | null;
}

export interface SyncEngine {
  /** Subscribes to pokes and network changes and syncs at once. */
  start(): void;
  /** Cancels the running sync between steps and stops scheduling; resolves when it has. */
  stop(): Promise<void>;
  /** Syncs now (or after the running sync) and resolves when done; failures land in state. */
  syncNow(): Promise<void>;
  enqueue<Op extends MutationOp>(op: Op, args: MutationArgs<Op>): Promise<EnqueuedMutation>;
  dismissRejected(mutationId: string): Promise<boolean>;
  retryRejected(
    mutationId: string,
    args?: Record<string, unknown>,
  ): Promise<EnqueuedMutation | null>;
  getState(): SyncEngineState;
}

/**
 * The sync loop of one window: push then pull, under a device-wide lock, on start, on
 * every poke, on reconnect, after every local change, and after a failure with backoff.
 * It knows nothing of Redux: it publishes plain state through `onState`.
 */
export function createSyncEngine(o: SyncEngineOptions): SyncEngine {
  const { db, transport } = o;
  const network = o.network ?? browserNetworkStatus();
  const lock = o.lock ?? deviceSyncLock(`casedesk-sync:${db.name}`);
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  let state: SyncEngineState = { ...INITIAL_SYNC_STATE, online: network.isOnline() };
  let started = false;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let abort = new AbortController();
  let cleanups: (() => void)[] = [];

  const publish = (patch: Partial<SyncEngineState>) => {
    state = { ...state, ...patch };
    o.onState?.(state);
  };

  async function readOutboxState(): Promise<Partial<SyncEngineState>> {
    const [summary, lastSyncAt] = await Promise.all([readOutboxSummary(db), readLastSyncAt(db)]);
    return {
      pending: summary.pending,
      rejected: summary.rejected.map(toRejectedMutation),
      lastSyncAt,
    };
  }
  const refreshOutbox = async () => publish(await readOutboxState());

  function clearRetry() {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function scheduleRetry() {
    clearRetry();
    const ms = retryDelay(failures, backoff);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void requestSync();
    }, ms);
    publish({ retryAt: new Date(Date.now() + ms).toISOString() });
  }

  /** One round; a failure is published and its retry scheduled. */
  async function round(): Promise<void> {
    clearRetry();
    const signal = abort.signal;
    try {
      const result = await syncIfPossible({
        db,
        transport,
        lock,
        network,
        signal,
        pullLimit: o.pullLimit,
        onPhase: (phase) => publish({ phase, online: true }),
      });
      if (result === 'offline') {
        publish({ phase: 'offline', online: false, retryAt: null });
        return;
      }
      failures = 0;
      publish({
        phase: 'in-sync',
        online: true,
        lastError: null,
        storageWarning: null,
        retryAt: null,
      });
    } catch (err) {
      if (signal.aborted) return;
      failures++;
      publish(describeFailure(err));
      scheduleRetry();
    } finally {
      if (!signal.aborted) await refreshOutbox().catch(() => {});
    }
  }

  function requestSync(): Promise<void> {
    if (!started) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    // A request during a round (a poke, a new change) runs one more round at once, even
    // after a failure: a poke means the server is back, whatever the backoff says.
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again && started);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  /** Proof the server is reachable again: forget the backoff and sync now. */
  function reachable() {
    failures = 0;
    void requestSync();
  }

  function watchOutbox(): () => void {
    // liveQuery also sees other windows' writes: their pending changes count here too.
    const sub = liveQuery(readOutboxState).subscribe({ next: publish, error: () => {} });
    return () => sub.unsubscribe();
  }

  return {
    start() {
      if (started) return;
      started = true;
      abort = new AbortController();
      cleanups = [
        transport.subscribe(reachable),
        network.subscribe((online) => {
          publish(online ? { online } : { online, phase: 'offline' });
          if (online) reachable();
        }),
        watchOutbox(),
      ];
      if (o.storage !== null) {
        void requestPersistentStorage(o.storage).then((p) => publish({ persistentStorage: p }));
      }
      void requestSync();
    },
    async stop() {
      started = false;
      abort.abort();
      clearRetry();
      for (const c of cleanups) c();
      cleanups = [];
      await running?.catch(() => {});
    },
    syncNow: requestSync,
    async enqueue(op, args) {
      try {
        const done = await enqueueMutation(db, op, args);
        await refreshOutbox();
        void requestSync();
        return done;
      } catch (err) {
        if (isQuotaError(err)) publish({ storageWarning: STORAGE_FULL_MESSAGE });
        throw err;
      }
    },
    async dismissRejected(mutationId) {
      const done = await dismissRejected(db, mutationId);
      await refreshOutbox();
      return done;
    },
    async retryRejected(mutationId, args) {
      const done = await retryRejected(db, mutationId, args);
      await refreshOutbox();
      void requestSync();
      return done;
    },
    getState: () => state,
  };
}
