import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, makeCase } from '../../renderer/data/testing/case-fixtures';
import { makeStore, type AppStore } from '../../renderer/app/store';
import { repliesOnService } from '../../renderer/app/opened-case-thunks';
import { startApp } from '../../renderer/app/session-thunks';
import { memoryPlatform } from '../../renderer/app/testing/memory-platform';
import { oneCaseTransport } from '../../renderer/app/testing/one-case-transport';

const aCase = makeCase(1, { assigneeId: ANA.id });
const lenasReply = {
  id: 'message-lena',
  caseId: aCase.id,
  to: 'buyer',
  authorId: 'agent-lena',
  body: 'Die Rückerstattung ist veranlasst.',
  createdAt: '2026-12-02T10:00:00.000Z',
};
const totals = { total: 0, open: 0, byTopic: {} };

/** A case service over real HTTP whose case detail answers as `answer` says. */
async function caseService(answer: 'detail' | 'malformed' | 'never'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== `/api/v1/cases/${aCase.id}`) {
      res.writeHead(404).end();
      return;
    }
    if (answer === 'never') return; // the service hangs
    const body =
      answer === 'detail'
        ? {
            case: aCase,
            messages: [lenasReply],
            notes: [],
            actions: [],
            externalDisputes: [],
            events: [],
            context: { buyerCases: totals, sellerCases: null },
          }
        : { case: aCase, messages: 'not a list' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return server;
}

const oneCaseSync = oneCaseTransport(aCase);

const servers: Server[] = [];
const stores: AppStore[] = [];
async function signedInAt(server: Server): Promise<AppStore> {
  const host = memoryPlatform();
  await host.platform.saveSession({ token: 't', agent: ANA });
  const { port } = server.address() as AddressInfo;
  const store = makeStore({
    platform: host.platform,
    serverUrl: `http://127.0.0.1:${port}`,
    transport: oneCaseSync,
  });
  stores.push(store);
  await store.dispatch(startApp());
  return store;
}

afterEach(async () => {
  for (const s of stores.splice(0)) {
    const c = s.extra.connection.get();
    c?.engine.stop();
    c?.db.close();
    c?.sessions.close();
  }
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  for (const d of await indexedDB.databases()) indexedDB.deleteDatabase(d.name!);
});

describe('the replies on the service, read before a reply is sent', () => {
  it('are the case’s replies as the service holds them, a colleague’s included', async () => {
    const store = await signedInAt(await caseService('detail'));
    expect(await store.dispatch(repliesOnService(aCase.id))).toEqual([
      {
        id: lenasReply.id,
        to: 'buyer',
        authorId: 'agent-lena',
        createdAt: lenasReply.createdAt,
      },
    ]);
  });

  it('are unknown (null) when the service answers with something it cannot read', async () => {
    const store = await signedInAt(await caseService('malformed'));
    expect(await store.dispatch(repliesOnService(aCase.id))).toBeNull();
  });

  it('are unknown (null) once the cap passes without an answer, so Send does not hang', async () => {
    const store = await signedInAt(await caseService('never'));
    const started = Date.now();
    expect(await store.dispatch(repliesOnService(aCase.id, 300))).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
