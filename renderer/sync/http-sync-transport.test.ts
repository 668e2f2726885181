import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createHttpSyncTransport } from './http-sync-transport';
import { TransportError } from './sync-transport';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function transportAnswering(answer: () => Response | Promise<Response>, token = 'tok-1') {
  const fetch = vi.fn(async (_url: URL | RequestInfo, _init?: RequestInit) => answer());
  const t = createHttpSyncTransport({
    serverUrl: 'http://127.0.0.1:4870',
    getToken: () => token,
    fetch,
  });
  return { t, fetch };
}

const request = (fetch: ReturnType<typeof vi.fn>) => {
  const [url, init] = fetch.mock.calls[0] as [URL, RequestInit];
  return { url: new URL(url), init, headers: new Headers(init.headers) };
};

describe('the HTTP sync transport', () => {
  it('pulls from the cursor with a bearer token', async () => {
    const { t, fetch } = transportAnswering(() =>
      json(200, { changes: [], cursor: 'c2', hasMore: false }),
    );
    expect(await t.pull('c1', 500)).toEqual({ changes: [], cursor: 'c2', hasMore: false });
    const { url, headers } = request(fetch);
    expect(url.pathname).toBe('/api/v1/sync/pull');
    expect(Object.fromEntries(url.searchParams)).toEqual({ cursor: 'c1', limit: '500' });
    expect(headers.get('authorization')).toBe('Bearer tok-1');
  });

  it('starts from the beginning without a cursor', async () => {
    const { t, fetch } = transportAnswering(() =>
      json(200, { changes: [], cursor: 'c1', hasMore: false }),
    );
    await t.pull(null, 1000);
    expect(request(fetch).url.searchParams.has('cursor')).toBe(false);
  });

  it('pushes mutations as JSON and returns the results', async () => {
    const results = [{ id: 'm1', status: 'applied', result: {} }];
    const { t, fetch } = transportAnswering(() => json(200, { results }));
    const mutations = [{ id: 'm1', op: 'case.claim' as const, args: { caseId: 'c1' } }];
    expect(await t.push(mutations)).toEqual({ results });
    const { url, init, headers } = request(fetch);
    expect([url.pathname, init.method]).toEqual(['/api/v1/sync/push', 'POST']);
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ mutations });
  });

  it.each([
    [401, 'unauthenticated', 'unauthenticated'],
    [503, 'internal_error', 'unavailable'],
    [429, 'rate_limited', 'unavailable'],
    [413, 'payload_too_large', 'refused'],
  ])('classifies HTTP %i as %s → %s', async (status, code, failure) => {
    const { t } = transportAnswering(() => json(status, { error: { code, message: 'Nope.' } }));
    await expect(t.push([])).rejects.toMatchObject({ failure, status, code, message: 'Nope.' });
  });

  it('counts a failed fetch as offline', async () => {
    const { t } = transportAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(t.pull(null, 1)).rejects.toMatchObject({ failure: 'offline' });
  });

  it('refuses an answer that does not match the contract', async () => {
    const { t } = transportAnswering(() => json(200, { changes: 'many' }));
    await expect(t.pull(null, 1)).rejects.toBeInstanceOf(TransportError);
    await expect(t.pull(null, 1)).rejects.toMatchObject({ failure: 'protocol' });
  });

  it('subscribes to pokes with the token in the query, and reopens a stream the server closed', async () => {
    vi.useFakeTimers();
    const sources: FakeEventSource[] = [];
    class FakeEventSource extends EventTarget {
      static readonly CLOSED = 2;
      readyState = 1;
      constructor(readonly url: string) {
        super();
        sources.push(this);
      }
      close() {
        this.readyState = FakeEventSource.CLOSED;
      }
    }
    const onPoke = vi.fn();
    const t = createHttpSyncTransport({
      serverUrl: 'http://127.0.0.1:4870',
      getToken: () => 'tok 2',
      EventSource: FakeEventSource as unknown as typeof EventSource,
      reopenStreamMs: 1_000,
    });
    const unsubscribe = t.subscribe(onPoke);
    expect(new URL(sources[0]!.url).pathname).toBe('/api/v1/sync/stream');
    expect(new URL(sources[0]!.url).searchParams.get('token')).toBe('tok 2');
    sources[0]!.dispatchEvent(new Event('poke'));
    expect(onPoke).toHaveBeenCalledOnce();

    sources[0]!.close();
    sources[0]!.dispatchEvent(new Event('error'));
    vi.advanceTimersByTime(1_000);
    expect(sources).toHaveLength(2);
    unsubscribe();
    expect(sources[1]!.readyState).toBe(FakeEventSource.CLOSED);
    vi.useRealTimers();
  });
});
