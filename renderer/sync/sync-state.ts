import type { MutationOp } from '../../shared';
import type { MutationError, OutboxEntry } from '../db/replica-types';
import { STORAGE_FULL_MESSAGE, isQuotaError } from './storage';
import { asTransportError } from './sync-transport';

export type SyncPhase = 'offline' | 'pushing' | 'pulling' | 'in-sync' | 'error';

/** A change the server refused, as the agent sees it until they dismiss or retry it. */
export interface RejectedMutation {
  id: string;
  op: MutationOp;
  args: Record<string, unknown>;
  caseId: string | null;
  error: MutationError;
  createdAt: string;
}

/** What the engine publishes; plain data, so a Redux slice can hold it as it is. */
export interface SyncEngineState {
  phase: SyncPhase;
  online: boolean;
  pending: number;
  rejected: RejectedMutation[];
  lastSyncAt: string | null;
  lastError: string | null;
  storageWarning: string | null;
  /** When the next attempt after a failure is due. */
  retryAt: string | null;
  /** Whether the browser promised not to evict the replica; null where it cannot say. */
  persistentStorage: boolean | null;
}

export const INITIAL_SYNC_STATE: SyncEngineState = {
  phase: 'offline',
  online: true,
  pending: 0,
  rejected: [],
  lastSyncAt: null,
  lastError: null,
  storageWarning: null,
  retryAt: null,
  persistentStorage: null,
};

export function toRejectedMutation(e: OutboxEntry): RejectedMutation {
  return {
    id: e.id,
    op: e.op,
    args: e.args,
    caseId: e.caseId,
    error: e.error ?? { code: 'rejected', message: 'The server refused this change.' },
    createdAt: e.createdAt,
  };
}

/** The state after a failed round, in words an agent on a train can act on. */
export function describeFailure(err: unknown): Partial<SyncEngineState> {
  if (isQuotaError(err)) {
    return { phase: 'error', online: true, storageWarning: STORAGE_FULL_MESSAGE, lastError: null };
  }
  const t = asTransportError(err);
  switch (t?.failure) {
    case 'offline':
      return { phase: 'offline', online: false, lastError: null };
    case 'unauthenticated':
      return {
        phase: 'error',
        online: true,
        lastError: 'Your session has ended. Sign in again to send your changes.',
      };
    case 'unavailable':
      return {
        phase: 'error',
        online: true,
        lastError: `The case service cannot answer right now (${t.message}). Your changes are kept and sent later.`,
      };
    default:
      return {
        phase: 'error',
        online: true,
        lastError: err instanceof Error ? err.message : 'Sync failed for an unknown reason.',
      };
  }
}
