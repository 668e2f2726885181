import type { z } from 'zod';
import { PullResponse, PushResponse, type Mutation } from '../../shared';
import { TransportError, asTransportError, type SyncTransport } from './sync-transport';

export interface HttpSyncTransportOptions {
  serverUrl: string;
  /** Read on every request, so a renewed session is picked up without a new transport. */
  getToken: () => string | null;
  fetch?: typeof fetch;
  /** The EventSource constructor; absent, the transport never pokes (pulls still happen). */
  EventSource?: typeof EventSource;
  /** A request that hangs (a train in a tunnel) counts as offline after this long. */
  timeoutMs?: number;
  /** How long to wait before reopening a stream the server closed (e.g. on 401). */
  reopenStreamMs?: number;
}

function failureOf(status: number): TransportError['failure'] {
  if (status === 401) return 'unauthenticated';
  if (status >= 500 || status === 429 || status === 408) return 'unavailable';
  return 'refused';
}

/** The sync endpoints of api-v1 over fetch, Bearer auth, and SSE for pokes. */
export function createHttpSyncTransport(o: HttpSyncTransportOptions): SyncTransport {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  const url = (path: string) => new URL(path, o.serverUrl);

  async function call<S extends z.ZodType>(target: URL, init: RequestInit, schema: S) {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    const token = o.getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    let res: Response;
    try {
      res = await doFetch(target, {
        ...init,
        headers,
        signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw asTransportError(err) ?? err;
    }
    const body = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
      const message = e?.message ?? `HTTP ${res.status}`;
      throw new TransportError(failureOf(res.status), message, res.status, e?.code);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new TransportError('protocol', `Unexpected answer from ${target.pathname}.`);
    }
    return parsed.data as z.infer<S>;
  }

  return {
    pull(cursor, limit) {
      const target = url('/api/v1/sync/pull');
      target.searchParams.set('limit', String(limit));
      if (cursor !== null) target.searchParams.set('cursor', cursor);
      return call(target, { method: 'GET' }, PullResponse);
    },
    push(mutations: Mutation[]) {
      return call(
        url('/api/v1/sync/push'),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ mutations }),
        },
        PushResponse,
      );
    },
    subscribe(onPoke) {
      const ES = o.EventSource ?? globalThis.EventSource;
      if (!ES) return () => {};
      let source: EventSource | null = null;
      let reopen: ReturnType<typeof setTimeout> | null = null;
      let closed = false;
      const open = () => {
        const target = url('/api/v1/sync/stream');
        // EventSource cannot send headers: the contract lets the token travel in the query.
        const token = o.getToken();
        if (token) target.searchParams.set('token', token);
        source = new ES(target.toString());
        // The server pokes once on every (re)connect, so a reconnect also means "pull now".
        source.addEventListener('poke', () => onPoke());
        source.addEventListener('error', () => {
          // EventSource retries network errors by itself but gives up on an HTTP error.
          if (source?.readyState !== ES.CLOSED || closed) return;
          reopen = setTimeout(open, o.reopenStreamMs ?? 15_000);
        });
      };
      open();
      return () => {
        closed = true;
        if (reopen !== null) clearTimeout(reopen);
        source?.close();
      };
    },
  };
}
