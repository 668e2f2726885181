import type { Mutation, PullResponse, PushResponse } from '../../shared';

/** How the sync engine reaches the server; the HTTP one in production, a fake in tests. */
export interface SyncTransport {
  pull(cursor: string | null, limit: number): Promise<PullResponse>;
  push(mutations: Mutation[]): Promise<PushResponse>;
  /** Calls `onPoke` whenever the server says something changed; returns the unsubscribe. */
  subscribe(onPoke: () => void): () => void;
}

/**
 * - `offline`: the server could not be reached (no network, timeout, connection reset).
 * - `unavailable`: it answered but cannot serve now (5xx, 429): try again later.
 * - `unauthenticated`: the session ended; retrying will not help until the agent signs in.
 * - `refused`: it refused the request itself (4xx), e.g. a batch too large.
 * - `protocol`: the answer does not match the contract.
 */
export type TransportFailure =
  'offline' | 'unavailable' | 'unauthenticated' | 'refused' | 'protocol';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** fetch rejects with a TypeError when the network fails; anything else is not ours to judge. */
export function asTransportError(err: unknown): TransportError | null {
  if (err instanceof TransportError) return err;
  if (err instanceof TypeError) return new TransportError('offline', err.message);
  if (err instanceof DOMException && err.name === 'TimeoutError') {
    return new TransportError('offline', 'The server took too long to answer.');
  }
  return null;
}
