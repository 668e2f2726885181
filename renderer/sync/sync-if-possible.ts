import type { CasedeskDb } from '../db/casedesk-db';
import type { NetworkStatus } from './network-status';
import { pullServerChanges } from './pull-server-changes';
import { pushPendingMutations } from './push-pending-mutations';
import type { SyncLock } from './sync-lock';
import type { SyncPhase } from './sync-state';
import type { SyncTransport } from './sync-transport';

export interface SyncRound {
  db: CasedeskDb;
  transport: SyncTransport;
  lock: SyncLock;
  network: Pick<NetworkStatus, 'isOnline'>;
  signal: AbortSignal;
  pullLimit?: number | undefined;
  onPhase(phase: Extract<SyncPhase, 'pushing' | 'pulling'>): void;
}

/**
 * One round: push everything unsent, then pull until caught up — in that order, so what
 * the server refused is replaced by its truth in the same round. Holds the device's sync
 * lock throughout and checks for cancellation between steps. Throws what went wrong.
 */
export async function syncIfPossible(r: SyncRound): Promise<'synced' | 'offline'> {
  if (!r.network.isOnline()) return 'offline';
  await r.lock.run(async () => {
    r.signal.throwIfAborted();
    r.onPhase('pushing');
    await pushPendingMutations(r.db, r.transport, { signal: r.signal });
    r.signal.throwIfAborted();
    r.onPhase('pulling');
    await pullServerChanges(r.db, r.transport, { limit: r.pullLimit, signal: r.signal });
  }, r.signal);
  return 'synced';
}
