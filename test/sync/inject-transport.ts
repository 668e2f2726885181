import type { FastifyInstance } from 'fastify';
import { PushResponse } from '../../shared';
import type { SyncTransport } from '../../renderer/data/sync-transport';
import { parsePulledPage } from '../../renderer/data/validate-changes';

/**
 * The client's transport wired straight into a real case service (Fastify inject), with
 * switches to go offline and to lose the answer of a push after the server applied it.
 */
export function injectTransport(app: FastifyInstance, token: string) {
  const control = { offline: false, losePushAnswer: false, pokes: [] as (() => void)[] };
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    if (control.offline) throw new TypeError('Failed to fetch');
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const transport: SyncTransport = {
    async pull(cursor, limit, historySince) {
      const q = new URLSearchParams({
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
        ...(historySince ? { historySince } : {}),
      });
      return parsePulledPage(await call('GET', `/api/v1/sync/pull?${q}`));
    },
    async push(mutations) {
      const answer = PushResponse.parse(await call('POST', '/api/v1/sync/push', { mutations }));
      if (control.losePushAnswer) {
        control.losePushAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return answer;
    },
    subscribe(onPoke) {
      control.pokes.push(onPoke);
      return () => undefined;
    },
  };
  return { transport, control };
}
