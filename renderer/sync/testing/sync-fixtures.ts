import type { Agent, Case } from '../../../shared';
import { CasedeskDb } from '../../db/casedesk-db';
import { ANA, makeCase } from '../../db/testing/case-fixtures';
import type { NetworkStatus } from '../network-status';
import { FakeSyncServer } from './fake-sync-server';

/** A replica under a name no other test uses; `name` reopens an existing one (a reload). */
export function newReplica(agentId = ANA.id, name = `test-${crypto.randomUUID()}`): CasedeskDb {
  return new CasedeskDb(agentId, name);
}

/** An open, unassigned case with a 100.00 EUR order, numbered `i`. */
export function openCase(i: number, overrides: Partial<Case> = {}): Case {
  return makeCase(i, { status: 'new', assigneeId: null, externalDispute: false, ...overrides });
}

export function serverWith(cases: Case[], agent: Agent = ANA): FakeSyncServer {
  const server = new FakeSyncServer(agent);
  for (const c of cases) server.put('case', c as unknown as Record<string, unknown>);
  return server;
}

export interface FakeNetwork extends NetworkStatus {
  set(online: boolean): void;
}

/** navigator.onLine and the online/offline events, switched by the test. */
export function fakeNetwork(initial = true): FakeNetwork {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    set(next) {
      online = next;
      for (const l of listeners) l(next);
    },
  };
}
