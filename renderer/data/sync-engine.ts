import type { Agent } from '../../shared';
import { describeChange } from './change-label';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';
import type { FirstSyncProgress, ReplicaDb } from './replica-db';
import { applyServerChanges } from './replica-writes';
import { setAsideSummary, type SetAsideSummary } from './set-aside';
import { backoffDelay, isAccountDeactivated, isNetworkError, isSessionEnded } from './sync-retry';
import type { SyncTransport } from './sync-transport';

export type SyncPhase = 'offline' | 'pushing' | 'pulling' | 'in-sync' | 'error';

export interface SyncSnapshot {
  phase: SyncPhase;
  online: boolean;
  pending: number;
  /** Refused changes: `what` names the change and its case in the agent's words. */
  rejected: { id: string; op: string; what: string; error: string }[];
  /** What the service sent that this client could not read: kept aside, the rest synced. */
  setAside: SetAsideSummary;
  lastSyncAt: string | null;
  error: string | null;
  storageWarning: string | null;
  /** The service no longer accepts this session: nothing syncs until the agent signs in again. */
  needsSignIn: boolean;
  /** An admin deactivated the account (401 `account_deactivated`): signing in again cannot help. */
  accountDeactivated: boolean;
  /** A first sync under way: cases received so far, of about how many. */
  firstSync: FirstSyncProgress | null;
}

// The stream's pokes are the fast path; a proxy that buffers Server-Sent Events (common in
// offices) or a stream that silently died must not leave the queue stale: the leader also
// pulls when nothing has synced for this long.
const SAFETY_PULL_MS = 60_000;

/** What the leading window tells the others about the sync it runs for them. */
type LeaderMessage =
  | {
      type: 'state';
      phase: SyncPhase;
      online: boolean;
      error: string | null;
      needsSignIn: boolean;
      accountDeactivated: boolean;
    }
  | { type: 'hello' }
  | { type: 'kick' }
  /** A `presence` event from the stream, which only the leader holds. */
  | { type: 'presence'; data: string };

/**
 * One sync loop per device: push the outbox in order, then pull until caught up. It runs
 * on start, on every poke, on reconnect and after a local write; a failed round is retried
 * with backoff. With several windows, the one holding the Web Lock leads: only it keeps
 * the stream open and syncs; the others read the same replica (live queries see its
 * writes), hand their local writes to it, and take over when it closes.
 */
export class SyncEngine {
  private running = false;
  private again = false;
  private stopped = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private safetyTimer: ReturnType<typeof setInterval> | null = null;
  private lastRoundAt = 0;
  private unsubscribe: (() => void) | null = null;
  private leading = false;
  private started = false;
  private resign: (() => void) | null = null;
  private channel: BroadcastChannel | null = null;
  private readonly presenceListeners = new Set<(data: string) => void>();
  private state: SyncSnapshot = {
    phase: 'pulling',
    online: true,
    pending: 0,
    rejected: [],
    setAside: { count: 0, items: [] },
    lastSyncAt: null,
    error: null,
    storageWarning: null,
    needsSignIn: false,
    accountDeactivated: false,
    firstSync: null,
  };

  constructor(
    private readonly db: ReplicaDb,
    private transport: SyncTransport,
    private readonly me: Agent,
    private readonly onState: (s: SyncSnapshot) => void,
    private readonly lockName = `casedesk-sync:${db.name}`,
    private readonly safetyPullMs = SAFETY_PULL_MS,
  ) {}

  async start(): Promise<void> {
    await this.requestPersistence();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(this.lockName);
      this.channel.onmessage = (e: MessageEvent<LeaderMessage>) => void this.onMessage(e.data);
    }
    this.started = true;
    await this.publish({});
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return this.lead();
    // Held for as long as this window syncs; released when it stops or closes, and the
    // next waiting window takes over.
    void locks.request(this.lockName, () => {
      if (this.stopped) return undefined;
      this.lead();
      return new Promise<void>((resolve) => (this.resign = resolve));
    });
    this.channel?.postMessage({ type: 'hello' } satisfies LeaderMessage);
  }

  private lead(): void {
    this.leading = true;
    this.openStream();
    this.safetyTimer = setInterval(
      () => {
        const idle = Date.now() - this.lastRoundAt >= this.safetyPullMs;
        if (idle && !this.state.needsSignIn) void this.sync();
      },
      Math.max(10, this.safetyPullMs / 4),
    );
    void this.sync();
  }

  /** The service's pokes, over this transport's stream (a previous one is closed). */
  private openStream(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.transport.subscribe(
      () => void this.sync(),
      () => void this.sync(),
      (data) => {
        this.emitPresence(data);
        this.channel?.postMessage({ type: 'presence', data } satisfies LeaderMessage);
      },
    );
  }

  /** Who has which case open, as the stream tells it (every window, leader or not). */
  onPresence(listener: (data: string) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  private emitPresence(data: string): void {
    for (const l of this.presenceListeners) l(data);
  }

  private async onMessage(m: LeaderMessage): Promise<void> {
    if (this.stopped) return;
    if (m.type === 'kick' && this.leading) void this.sync();
    else if (m.type === 'presence' && !this.leading) this.emitPresence(m.data);
    else if (m.type === 'hello' && this.leading) this.broadcast();
    else if (m.type === 'state' && !this.leading) {
      const { phase, online, error, needsSignIn, accountDeactivated } = m;
      await this.publish({ phase, online, error, needsSignIn, accountDeactivated });
    }
  }

  private broadcast(): void {
    const { phase, online, error, needsSignIn, accountDeactivated } = this.state;
    this.channel?.postMessage({
      type: 'state',
      phase,
      online,
      error,
      needsSignIn,
      accountDeactivated,
    } satisfies LeaderMessage);
  }

  /** Whether this window runs the device's sync (the others follow it). */
  get isLeader(): boolean {
    return this.leading;
  }

  stop(): void {
    this.stopped = true;
    this.leading = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.holdTimer) clearTimeout(this.holdTimer);
    if (this.safetyTimer) clearInterval(this.safetyTimer);
    this.unsubscribe?.();
    this.resign?.();
    this.channel?.close();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
  }

  private readonly onOnline = () => void this.sync();
  private readonly onOffline = () => {
    if (this.leading) void this.publish({ online: false, phase: 'offline' });
  };

  /** Runs a round now, or right after the one in flight; a follower asks the leader. */
  async sync(): Promise<void> {
    if (this.stopped) return;
    // An engine driven by hand (never started) syncs itself; a started one may follow.
    if (this.started && !this.leading) {
      this.channel?.postMessage({ type: 'kick' } satisfies LeaderMessage);
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.round();
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  private async round(): Promise<void> {
    this.lastRoundAt = Date.now();
    try {
      await this.pushAll();
      if (this.stopped) return;
      await this.pullAll();
      this.attempt = 0;
      await this.publish({ online: true, phase: 'in-sync', error: null });
    } catch (err) {
      if (this.stopped) return;
      // An expired or revoked session: retrying cannot help, and nothing is dropped — the
      // outbox waits for the agent to sign in again (`resume`).
      if (isSessionEnded(err)) {
        await this.publish({
          online: true,
          phase: 'error',
          error: 'Your session has ended.',
          needsSignIn: true,
          accountDeactivated: isAccountDeactivated(err),
        });
        return;
      }
      const offline = isNetworkError(err);
      await this.publish({
        online: !offline,
        phase: offline ? 'offline' : 'error',
        error: offline ? null : (err as Error).message,
      });
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = backoffDelay(this.attempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.sync();
    }, delay);
  }

  private async pushAll(): Promise<void> {
    const heldUntil = await pushOutbox(this.db, this.transport, this.me, {
      sending: () => this.publish({ phase: 'pushing' }),
      stopped: () => this.stopped,
    });
    // A change held back for its undo time goes out when that ends, without other news.
    if (heldUntil && !this.stopped) {
      if (this.holdTimer) clearTimeout(this.holdTimer);
      this.holdTimer = setTimeout(
        () => {
          this.holdTimer = null;
          void this.sync();
        },
        Math.max(0, heldUntil.getTime() - Date.now()) + 20,
      );
    }
  }

  private async pullAll(): Promise<void> {
    await this.publish({ phase: 'pulling' });
    await pullChanges(
      this.db,
      this.transport,
      async (changes, cursor, firstSync) => {
        await this.guardQuota(() =>
          applyServerChanges(this.db, changes, cursor, this.me, new Date(), firstSync),
        );
        // A first sync shows its progress page by page (and so do the other windows).
        if (firstSync !== undefined) await this.publish({});
      },
      () => this.stopped,
    );
  }

  /** A full disk is said plainly; nothing queued is ever dropped to make room. */
  private async guardQuota(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      const name =
        (err as { name?: string; inner?: { name?: string } }).inner?.name ?? (err as Error).name;
      if (name === 'QuotaExceededError') {
        await this.publish({
          storageWarning:
            'This computer is out of space for Casedesk data. Free some disk space; your unsent changes are kept.',
        });
      }
      throw err;
    }
  }

  private async requestPersistence(): Promise<void> {
    try {
      const granted = await navigator.storage?.persist?.();
      if (granted === false) {
        await this.publish({ storageWarning: null });
      }
    } catch {
      // Without persistent storage the browser may evict data under pressure; the outbox
      // still survives ordinary restarts.
    }
  }

  private async publish(patch: Partial<SyncSnapshot>): Promise<void> {
    // Once stopped (signed out, the replica closed or deleted) there is nothing to report.
    if (this.stopped) return;
    let counts;
    try {
      counts = await Promise.all([
        this.db.outbox.where('state').equals('pending').count(),
        this.db.outbox.where('state').equals('rejected').toArray(),
        this.db.meta.bulkGet(['lastSyncAt', 'firstSync', 'cursor']),
        setAsideSummary(this.db),
      ]);
    } catch (err) {
      if (this.stopped) return;
      throw err;
    }
    const [pending, rejected, [last, firstSync, cursor], setAside] = counts;
    // Refusals are few: their cases' references are one small read.
    const cases = rejected.length
      ? await this.db.cases
          .bulkGet(rejected.flatMap((r) => (r.caseId ? [r.caseId] : [])))
          .catch(() => [])
      : [];
    const reference = new Map(cases.flatMap((c) => (c ? [[c.id, c.reference]] : [])));
    this.state = {
      ...this.state,
      ...patch,
      pending,
      rejected: rejected.map((r) => ({
        id: r.id,
        op: r.op,
        what: describeChange(r.op, r.args, r.caseId ? reference.get(r.caseId) : undefined),
        error: r.error?.message ?? 'Refused',
      })),
      setAside,
      lastSyncAt: (last?.value as string | undefined) ?? null,
      // Nothing pulled yet is a first sync about to start.
      firstSync:
        (firstSync?.value as FirstSyncProgress | undefined) ??
        (cursor ? null : { received: 0, expected: null }),
    };
    this.onState(this.state);
    if (this.leading) this.broadcast();
  }

  /**
   * After the agent signed in again: the same replica and outbox, a new session. The stream
   * is reopened with it and everything waiting is sent.
   */
  async resume(transport: SyncTransport): Promise<void> {
    this.transport = transport;
    this.attempt = 0;
    if (this.leading) this.openStream();
    await this.publish({ needsSignIn: false, error: null });
    void this.sync();
  }

  /** For the UI after a local write: count it at once and send it when possible. */
  async afterLocalWrite(): Promise<void> {
    await this.publish({});
    void this.sync();
  }

  get snapshot(): SyncSnapshot {
    return this.state;
  }

  /** Unsent changes that signing out would lose. */
  async unsentCount(): Promise<number> {
    return this.db.outbox.where('state').equals('pending').count();
  }
}
