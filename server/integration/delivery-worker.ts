import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import {
  claimDueEvents,
  recordDelivered,
  recordFailure,
  type ClaimedEvent,
} from './delivery-store';
import { OUTBOX_CHANNEL } from './outbox';
import { RETRY_WINDOW_MS, retryDelayMs } from './retry-schedule';
import { signatureHeader } from './webhook-signature';

export interface WebhookTarget {
  url: string;
  /** The first signs; while rotating, each one adds a `v1=` entry. */
  secrets: readonly string[];
}

export interface DeliveryWorkerOptions {
  db: Database;
  target: WebhookTarget;
  retryBaseMs: number;
  /** The contract's 10 s: no answer by then is a failed try. */
  timeoutMs?: number;
  /** How long a claim holds; far above the timeout, so a live worker never loses one. */
  leaseMs?: number;
  retryWindowMs?: number;
  /** Deliveries in flight at once, per instance. */
  maxInFlight?: number;
  /** Fallback look for due events (retries, other instances' expired leases). */
  pollMs?: number;
  log?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Told when a delivery gives up for good (`dead`). */
  onDead?: (eventId: string) => void;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * The delivery worker of one service instance. It claims due outbox rows (a committed
 * claim with a lease), POSTs each signed to the webhook with no transaction open, and
 * records the outcome in a new statement — only while its claim is still the current one.
 * Woken by NOTIFY on enqueue, by its own retry timers and by a slow poll.
 */
export class DeliveryWorker {
  private readonly o: Required<Omit<DeliveryWorkerOptions, 'log' | 'onDead'>> &
    Pick<DeliveryWorkerOptions, 'log' | 'onDead'>;
  private running = false;
  private pumping = false;
  private again = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private poll: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly abort = new AbortController();

  constructor(opts: DeliveryWorkerOptions) {
    this.o = {
      timeoutMs: 10_000,
      leaseMs: 60_000,
      retryWindowMs: RETRY_WINDOW_MS,
      maxInFlight: 32,
      pollMs: 1_000,
      ...opts,
    };
  }

  async start(): Promise<void> {
    this.running = true;
    this.unlisten = await this.o.db.listen(OUTBOX_CHANNEL, () => this.kick());
    this.poll = setInterval(() => this.kick(), this.o.pollMs);
    this.poll.unref();
    this.kick();
  }

  /** Stops claiming; sends in flight are cut short and recorded as failed tries (retried later). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.poll) clearInterval(this.poll);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.abort.abort(new Error('the service is stopping'));
    await this.unlisten?.().catch(() => undefined);
    while (this.pumping || this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      if (this.pumping) await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Looks for due events now (coalesced: one claim at a time per worker). */
  kick(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
    });
  }

  private async pump(): Promise<void> {
    try {
      do {
        this.again = false;
        const room = this.o.maxInFlight - this.inFlight.size;
        if (room <= 0 || !this.running) return;
        const claimed = await claimDueEvents(this.o.db, room, this.o.leaseMs, randomUUID());
        for (const e of claimed) this.track(this.deliver(e));
        // A full batch suggests more are waiting.
        if (claimed.length === room) this.again = true;
      } while (this.again && this.running);
    } catch (err) {
      if (this.running) this.o.log?.error({ err }, 'claiming integration events failed');
    }
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => {
      this.inFlight.delete(p);
      // Its case's next event may be due now, and there is room for another. Under load,
      // claim when half the slots are free: one claim of many rows, not one per delivery.
      if (this.inFlight.size <= this.o.maxInFlight / 2) this.kick();
    });
  }

  private async deliver(e: ClaimedEvent): Promise<void> {
    const outcome = await this.send(e);
    try {
      if (outcome.ok) {
        await recordDelivered(this.o.db, e, outcome.status);
        return;
      }
      const retryIn = retryDelayMs(e.attempts, this.o.retryBaseMs);
      const state = await recordFailure(
        this.o.db,
        e,
        { httpStatus: outcome.status, error: outcome.error },
        retryIn,
        this.o.retryWindowMs,
      );
      if (state === 'dead') {
        this.o.log?.warn({ eventId: e.id, attempts: e.attempts }, 'integration event is dead');
        this.o.onDead?.(e.id);
      } else if (state === 'failed' && retryIn < this.o.pollMs) {
        this.later(retryIn);
      }
    } catch (err) {
      // The claim runs out and another try follows: at least once still holds.
      this.o.log?.error({ err, eventId: e.id }, 'recording a delivery failed');
    }
  }

  private later(ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.kick();
    }, ms + 1);
    t.unref();
    this.timers.add(t);
  }

  private async send(e: ClaimedEvent): Promise<Outcome> {
    const t = Math.floor(Date.now() / 1000);
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs)]);
    try {
      const res = await fetch(this.o.target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Casedesk-Webhooks/1',
          'casedesk-event-id': e.id,
          'casedesk-signature': signatureHeader(this.o.target.secrets, t, e.body),
        },
        body: e.body,
        signal,
        redirect: 'manual',
      });
      // Read the answer to the end so the connection can be reused; its content is not ours.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
      return { ok: false, status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      const reason = signal.reason as Error | undefined;
      const timedOut = (reason as { name?: string } | undefined)?.name === 'TimeoutError';
      const msg = timedOut
        ? `no answer within ${this.o.timeoutMs / 1000} s`
        : describeFetchError(err);
      return { ok: false, status: null, error: msg };
    }
  }
}

function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}
