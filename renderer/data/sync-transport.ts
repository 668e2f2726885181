import type { Mutation } from '../../shared';
import { PushResponseRead } from './read-schemas';
import { parsePulledPage, type PulledPage } from './validate-changes';

export interface SyncTransport {
  /** `historySince`: a first sync that leaves the history before this time out (see PullQuery). */
  pull(cursor: string | null, limit: number, historySince?: string): Promise<PulledPage>;
  push(mutations: Mutation[]): Promise<PushResponseRead>;
  /**
   * Calls `onPoke` whenever the server says something changed, and `onPresence` with the
   * data of each `presence` event (who has a case open); returns the unsubscribe.
   */
  subscribe(
    onPoke: () => void,
    onOpen: () => void,
    onPresence?: (data: string) => void,
  ): () => void;
}

/** The server answered, but not with success: not a network problem, so not retried blindly. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The contract's error code, when the service gave one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The case service's sync endpoints over fetch and Server-Sent Events. */
export function httpTransport(serverUrl: string, token: string): SyncTransport {
  const call = async (path: string, init: RequestInit = {}, timeoutMs = 60_000) => {
    // A connection that hangs (a captive portal, a half-open socket) must not stall the
    // sync loop forever: give up, count it as offline, and retry with backoff.
    const res = await fetch(new URL(path, serverUrl), {
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    const body = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      throw new SyncHttpError(res.status, error?.message ?? `HTTP ${res.status}`, error?.code);
    }
    return body;
  };
  return {
    async pull(cursor, limit, historySince) {
      const q = new URLSearchParams({
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
        ...(historySince ? { historySince } : {}),
      });
      return parsePulledPage(await call(`/api/v1/sync/pull?${q}`));
    },
    async push(mutations) {
      return PushResponseRead.parse(
        await call('/api/v1/sync/push', { method: 'POST', body: JSON.stringify({ mutations }) }),
      );
    },
    subscribe(onPoke, onOpen, onPresence) {
      const url = new URL('/api/v1/sync/stream', serverUrl);
      url.searchParams.set('token', token);
      const es = new EventSource(url);
      es.addEventListener('poke', onPoke);
      es.addEventListener('open', onOpen);
      if (onPresence) es.addEventListener('presence', (e) => onPresence(String(e.data)));
      // Closed for good (the service refused the stream: a session ended or an account was
      // deactivated, which also drops open streams): a pull learns why at once, instead of
      // the next safety pull a minute later.
      es.addEventListener('error', () => {
        if (es.readyState === EventSource.CLOSED) onPoke();
      });
      return () => es.close();
    },
  };
}
