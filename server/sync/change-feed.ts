import { canSeeCase, type Actor, type Language } from '../../shared';
import type { Database } from '../db/database';
import { encodeCursor } from './sync-cursor';

export const CHANGES_CHANNEL = 'casedesk_changes';
/** Pokes are gathered this long, so a burst of commits makes one poke per client. */
const COALESCE_MS = 100;

interface Subscriber {
  actor: Actor;
  poke: (cursor: string) => void;
  due: boolean;
}

interface Notice {
  l?: Language;
  a?: string | null;
  p?: string | null;
}

/**
 * Turns the database's change notifications (from this instance or any other on the same
 * database) into pokes for the streams whose callers may see the change.
 */
export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANGES_CHANNEL, (payload) => this.onNotice(payload));
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    this.subscribers.clear();
  }

  subscribe(actor: Actor, poke: (cursor: string) => void): () => void {
    const s: Subscriber = { actor, poke, due: false };
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  /** The newest position in the change log: a hint for clients, never a place to resume from. */
  async head(): Promise<string> {
    const res = await this.db.query<{ txid: string; seq: number }>(
      'SELECT txid::text AS txid, seq FROM changes ORDER BY txid DESC, seq DESC LIMIT 1',
    );
    const r = res.rows[0];
    return encodeCursor({ kind: 'log', txid: r?.txid ?? '0', seq: r?.seq ?? 0 });
  }

  private onNotice(payload: string): void {
    let n: Notice = {};
    try {
      n = JSON.parse(payload) as Notice;
    } catch {
      // An unreadable notice pokes everyone: a needless pull is cheap, a missed one is not.
    }
    for (const s of this.subscribers) {
      if (!n.l || this.concerns(s.actor, n)) s.due = true;
    }
    this.timer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  private concerns(actor: Actor, n: Notice): boolean {
    const language = n.l!;
    return (
      canSeeCase(actor, { language, assigneeId: n.a ?? null }) ||
      (n.p ? canSeeCase(actor, { language, assigneeId: n.p }) : false)
    );
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const due = [...this.subscribers].filter((s) => s.due);
    if (due.length === 0) return;
    const cursor = await this.head().catch(() => '');
    for (const s of due) {
      s.due = false;
      s.poke(cursor);
    }
  }
}
