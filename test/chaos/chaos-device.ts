import type { FastifyInstance } from 'fastify';
import { PushResponse, type Agent, type MutationResult } from '../../shared';
import { pullChanges } from '../../renderer/data/pull-changes';
import { pushOutbox } from '../../renderer/data/push-outbox';
import { openReplica, type ReplicaDb } from '../../renderer/data/replica-db';
import { applyServerChanges } from '../../renderer/data/replica-writes';
import { isNetworkError } from '../../renderer/data/sync-retry';
import type { SyncTransport } from '../../renderer/data/sync-transport';
import { parsePulledPage } from '../../renderer/data/validate-changes';

/**
 * What goes wrong on the next request of a device:
 * - `lose-push-answer`: the server applies the push, the answer never arrives;
 * - `die-after-push`: the answer arrives, and the app dies before it records it (the
 *   outbox entries are not deleted);
 * - `lose-pull`: the server answers a pull, the answer never arrives.
 */
export type Fault = 'lose-push-answer' | 'die-after-push' | 'lose-pull';

/** The app process "died": its memory is gone, its IndexedDB stays. */
class Died extends Error {}

/** Every answer the server gave to a push, kept before any fault drops it. */
export type PushLog = Map<string, MutationResult[]>;

/**
 * One desktop app of one agent: a replica on fake-indexeddb, synced with the client's own
 * push, pull and apply code against the real service in-process, through a transport that
 * can go offline, lose answers and die at the worst moments.
 */
export class ChaosDevice {
  db: ReplicaDb;
  offline = false;
  fault: Fault | null = null;
  /** Ids of every mutation this device queued, in order. */
  readonly queued: string[] = [];
  deaths = 0;

  constructor(
    readonly name: string,
    readonly agent: Agent,
    private readonly token: string,
    private readonly app: FastifyInstance,
    private readonly pushLog: PushLog,
  ) {
    this.db = openReplica(name);
  }

  private async call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
    if (this.offline) throw new TypeError('Failed to fetch');
    const res = await this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${this.token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  private readonly transport: SyncTransport = {
    pull: async (cursor, limit) => {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const page = parsePulledPage(await this.call('GET', `/api/v1/sync/pull?${q}`));
      if (this.fault === 'lose-pull') {
        this.fault = null;
        throw new TypeError('Failed to fetch');
      }
      return page;
    },
    push: async (mutations) => {
      const answer = PushResponse.parse(
        await this.call('POST', '/api/v1/sync/push', { mutations }),
      );
      for (const r of answer.results) {
        const seen = this.pushLog.get(r.id) ?? [];
        seen.push(r);
        this.pushLog.set(r.id, seen);
      }
      const fault = this.fault;
      if (fault === 'lose-push-answer' || fault === 'die-after-push') {
        this.fault = null;
        if (fault === 'die-after-push') throw new Died();
        throw new TypeError('Failed to fetch');
      }
      return answer;
    },
    subscribe: () => () => undefined,
  };

  /** One round of the sync engine: push the outbox, then pull until caught up. */
  async sync(): Promise<void> {
    await this.guarded(async () => {
      await this.sendOutbox();
      await this.fetchChanges();
    });
  }

  /** Only the first half of a round: the outbox sent, nothing pulled. */
  async push(): Promise<void> {
    await this.guarded(() => this.sendOutbox());
  }

  /** Only the second half: pulled until caught up. */
  async pull(): Promise<void> {
    await this.guarded(() => this.fetchChanges());
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (err instanceof Died) return this.restart();
      if (!isNetworkError(err)) throw err;
    }
  }

  private async sendOutbox(): Promise<void> {
    // The chaos devices hold nothing back (no undo time), so nothing waits after this.
    await pushOutbox(this.db, this.transport, this.agent, {
      sending: async () => undefined,
      stopped: () => false,
    });
  }

  private fetchChanges(): Promise<void> {
    return pullChanges(
      this.db,
      this.transport,
      (changes, cursor) => applyServerChanges(this.db, changes, cursor, this.agent),
      () => false,
    );
  }

  /** The app starts again on the same replica, with nothing in memory. */
  async restart(): Promise<void> {
    this.deaths++;
    this.db.close();
    this.db = openReplica(this.name);
    await this.db.open();
  }

  async pendingCount(): Promise<number> {
    return this.db.outbox.where('state').equals('pending').count();
  }
}
