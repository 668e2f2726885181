import { canSeeCase, type Actor, type Language } from '../../shared';
import type { Database } from '../db/database';
import { encodeCursor } from './sync-cursor';
import { SYNC_HORIZON } from './sync-horizon';

export const CHANGES_CHANNEL = 'casedesk_changes';
/** Pokes are gathered this long, so a burst of commits makes one poke per client. */
const COALESCE_MS = 100;
/**
 * While a change is held back (an older transaction of this database is still
 * running, so pulls may not hand it out yet), the feed looks this often whether it has
 * become visible, and pokes again when it has.
 */
export const HELD_BACK_RECHECK_MS = 300;

interface Subscriber {
  actor: Actor;
  poke: (cursor: string) => void;
  due: boolean;
}

export interface Subscription {
  unsubscribe(): void;
  /** The caller's roles or languages changed: pokes follow what they may see now. */
  setActor(actor: Actor): void;
}

interface Notice {
  l?: Language;
  a?: string | null;
  p?: string | null;
}

/** Pokes sent for a change that pulls could not hand out yet, and the transaction it waits past. */
interface HeldBack {
  txid: bigint;
  subscribers: Set<Subscriber>;
}

interface Position {
  cursor: string;
  /** The newest transaction in the change log, and the horizon pulls may hand out up to (sync-horizon). */
  head: bigint | null;
  xmin: bigint;
}

/**
 * Turns the database's change notifications (from this instance or any other on the same
 * database) into pokes for the streams whose callers may see the change.
 *
 * A notification comes when its transaction commits, but a pull hands out only changes
 * older than the oldest transaction still running (see pull-changes): a change committed
 * while another transaction is open is held back, and a poke for it finds nothing new.
 * So after each poke the feed remembers what was held back and pokes those streams again
 * once it is visible, whatever transaction ended to make it so (no NOTIFY says that).
 */
export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private recheckTimer: NodeJS.Timeout | null = null;
  private heldBack: HeldBack[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly recheckMs = HELD_BACK_RECHECK_MS,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANGES_CHANNEL, (payload) => this.onNotice(payload));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
    await this.unlisten?.();
    this.subscribers.clear();
    this.heldBack = [];
  }

  subscribe(actor: Actor, poke: (cursor: string) => void): Subscription {
    const s: Subscriber = { actor, poke, due: false };
    this.subscribers.add(s);
    return {
      unsubscribe: () => this.subscribers.delete(s),
      setActor: (a) => {
        s.actor = a;
      },
    };
  }

  /** The newest position in the change log: a hint for clients, never a place to resume from. */
  async head(): Promise<string> {
    return (await this.position()).cursor;
  }

  private async position(): Promise<Position> {
    const res = await this.db.query<{ txid: string | null; seq: number | null; xmin: string }>(
      `SELECT h.txid::text AS txid, h.seq, ${SYNC_HORIZON}::text AS xmin
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT txid, seq FROM changes ORDER BY txid DESC, seq DESC LIMIT 1) h
           ON true`,
    );
    const r = res.rows[0]!;
    return {
      cursor: encodeCursor({ kind: 'log', txid: r.txid ?? '0', seq: r.seq ?? 0 }),
      head: r.txid === null ? null : BigInt(r.txid),
      xmin: BigInt(r.xmin),
    };
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
    for (const s of due) s.due = false;
    const at = await this.position().catch(() => null);
    for (const s of due) s.poke(at?.cursor ?? '');
    // Unknown (the query failed) counts as held back: the recheck pokes once it can tell.
    if (!at || (at.head !== null && at.head >= at.xmin)) {
      this.heldBack.push({ txid: at?.head ?? 0n, subscribers: new Set(due) });
      this.scheduleRecheck();
    }
  }

  private scheduleRecheck(): void {
    if (this.stopped) return;
    this.recheckTimer ??= setTimeout(() => void this.recheck(), this.recheckMs);
  }

  private async recheck(): Promise<void> {
    this.recheckTimer = null;
    const at = await this.position().catch(() => null);
    if (at) {
      const visible = this.heldBack.filter((h) => h.txid < at.xmin);
      this.heldBack = this.heldBack.filter((h) => h.txid >= at.xmin);
      const again = new Set<Subscriber>();
      for (const h of visible) for (const s of h.subscribers) again.add(s);
      for (const s of again) if (this.subscribers.has(s)) s.poke(at.cursor);
    }
    if (this.heldBack.length > 0) this.scheduleRecheck();
  }
}
