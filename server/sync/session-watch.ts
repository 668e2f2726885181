import type { Agent } from '../../shared';
import type { Database } from '../db/database';
import { liveSessions } from '../services/auth';
import { SESSIONS_CHANNEL } from '../services/session-revocation';

/**
 * How often open streams re-check their sessions even without being told: this bounds
 * how long a stream outlives a session that simply expired, or one ended while this
 * instance's LISTEN connection was down. Revocations are told at once (NOTIFY).
 */
export const SESSION_RECHECK_MS = 2_000;

interface Watched {
  tokenHash: string;
  onEnded: () => void;
  onAgent: (agent: Agent) => void;
}

/**
 * Keeps long-lived requests (the event streams) honest about their sessions: a logout, a
 * revoked or expired session, on this instance or any other, ends them within seconds.
 * One query checks every open stream of this instance at once.
 */
export class SessionWatch {
  private readonly watched = new Set<Watched>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly recheckMs = SESSION_RECHECK_MS,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(SESSIONS_CHANNEL, () => void this.check());
    this.timer = setInterval(() => void this.check(), this.recheckMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.watched.clear();
    await this.unlisten?.();
    await this.running;
  }

  /**
   * Calls `onEnded` once the session stops working, and `onAgent` with the agent as it
   * now is (roles and languages may change while a stream is open). Returns the unwatch.
   */
  watch(tokenHash: string, onEnded: () => void, onAgent: (agent: Agent) => void): () => void {
    const w: Watched = { tokenHash, onEnded, onAgent };
    this.watched.add(w);
    return () => this.watched.delete(w);
  }

  /** Re-checks every watched session; a call during a check runs one more after it. */
  check(): Promise<void> {
    if (this.running) {
      // The running check may have read before the revoking transaction committed.
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.checkOnce();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkOnce(): Promise<void> {
    if (this.watched.size === 0) return;
    const hashes = [...new Set([...this.watched].map((w) => w.tokenHash))];
    // A database that cannot answer ends nobody's stream: the next check will tell.
    const live = await liveSessions(this.db, hashes).catch(() => null);
    if (!live) return;
    for (const w of [...this.watched]) {
      const agent = live.get(w.tokenHash);
      if (agent) {
        w.onAgent(agent);
      } else {
        this.watched.delete(w);
        w.onEnded();
      }
    }
  }
}
