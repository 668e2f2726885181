import { useSyncExternalStore } from 'react';
import type { Agent } from '../../shared';
import type { ReplicaDb } from '../data/replica-db';
import type { SyncEngine } from '../data/sync-engine';

/**
 * What a signed-in window holds open: the token, the local replica and its sync engine.
 * Not state — none of it is serialisable — so it lives beside the store, set only by the
 * session thunks and read by the components that bind the replica.
 */
export interface Connection {
  token: string;
  agent: Agent;
  db: ReplicaDb;
  engine: SyncEngine;
  /** Where a window that signed in again tells the others of the new session. */
  sessions: BroadcastChannel;
}

export interface ConnectionHolder {
  get(): Connection | null;
  set(c: Connection | null): void;
  subscribe(listener: () => void): () => void;
}

export function createConnectionHolder(): ConnectionHolder {
  let current: Connection | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(c) {
      current = c;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useConnection(holder: ConnectionHolder): Connection | null {
  return useSyncExternalStore(holder.subscribe, holder.get);
}
