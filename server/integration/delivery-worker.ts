import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import {
  settleAndClaim,
  type ClaimedEvent,
  type DeliveryOutcome,
  type RecordedState,
  type Settled,
} from './delivery-store';
import { OUTBOX_CHANNEL } from './outbox';
import { RETRY_WINDOW_MS, retryDelayMs } from './retry-schedule';
import { WebhookPoster } from './webhook-post';
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

/**
 * The delivery worker of one service instance. Its loop (never two turns at once) runs
 * one statement per turn that records the outcomes of every try finished since the last
 * turn and claims due outbox rows for the free delivery slots, committed with a lease
 * before anything is sent. Each claimed event is POSTed signed with no transaction open,
 * over kept-alive connections, many at once but never two of one case (a claim only hands
 * out a case's earliest waiting event). An outcome counts only while its claim is still
 * the current one. Woken by NOTIFY on enqueue, by finished tries, by its own retry timers
 * and by a slow poll.
 */
export class DeliveryWorker {
  private readonly o: Required<Omit<DeliveryWorkerOptions, 'log' | 'onDead'>> &
    Pick<DeliveryWorkerOptions, 'log' | 'onDead'>;
  private running = false;
  private pumping: Promise<void> | null = null;
  private again = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** Finished tries waiting to be recorded by the next turn of the loop. */
  private outcomes: DeliveryOutcome[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private poll: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly abort = new AbortController();
  private readonly poster: WebhookPoster;

  constructor(opts: DeliveryWorkerOptions) {
    this.o = {
      timeoutMs: 10_000,
      leaseMs: 60_000,
      retryWindowMs: RETRY_WINDOW_MS,
      maxInFlight: 64,
      pollMs: 1_000,
      ...opts,
    };
    this.poster = new WebhookPoster(this.o.target.url, {
      maxSockets: this.o.maxInFlight,
      timeoutMs: this.o.timeoutMs,
    });
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
      await Promise.allSettled([...this.inFlight, this.pumping]);
    }
    // The tries cut short are recorded (the loop only records once stopped).
    if (this.outcomes.length > 0) await this.pump();
    this.poster.close();
  }

  /** Records finished tries and claims due events now (coalesced: one loop per worker). */
  kick(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    if (!this.running && this.outcomes.length === 0) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
    });
  }

  /** Turns until nothing is left to record and no slot can be filled. */
  private async pump(): Promise<void> {
    do {
      this.again = false;
      const batch = this.outcomes;
      this.outcomes = [];
      const room = this.running ? this.o.maxInFlight - this.inFlight.size : 0;
      if (batch.length === 0 && room <= 0) continue;
      let settled: Settled;
      try {
        settled = await settleAndClaim(this.o.db, {
          outcomes: batch,
          limit: Math.max(0, room),
          leaseMs: this.o.leaseMs,
          claimToken: randomUUID(),
          retryWindowMs: this.o.retryWindowMs,
        });
      } catch (err) {
        // Unrecorded tries keep their claims until the lease runs out; then they are
        // tried again: at least once still holds.
        this.o.log?.error(
          { err, outcomes: batch.length },
          'recording and claiming deliveries failed',
        );
        return;
      }
      this.recorded(batch, settled.recorded);
      for (const e of settled.claimed) this.track(this.deliver(e));
      // A full batch suggests more are waiting.
      if (room > 0 && settled.claimed.length === room) this.again = true;
    } while (this.again && (this.running || this.outcomes.length > 0));
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => {
      this.inFlight.delete(p);
      // Its outcome is to be recorded; its case's next event may be due then.
      this.kick();
    });
  }

  private async deliver(e: ClaimedEvent): Promise<void> {
    const t = Math.floor(Date.now() / 1000);
    const outcome = await this.poster.post(
      {
        'content-type': 'application/json',
        'user-agent': 'Casedesk-Webhooks/1',
        'casedesk-event-id': e.id,
        'casedesk-signature': signatureHeader(this.o.target.secrets, t, e.body),
      },
      e.body,
      this.abort.signal,
    );
    this.outcomes.push({
      event: e,
      httpStatus: outcome.status,
      error: outcome.ok ? null : outcome.error,
      retryInMs: outcome.ok ? 0 : retryDelayMs(e.attempts, this.o.retryBaseMs),
    });
  }

  private recorded(batch: readonly DeliveryOutcome[], states: Map<number, RecordedState>): void {
    for (const o of batch) {
      const state = states.get(o.event.seq);
      if (state === 'dead') {
        this.o.log?.warn(
          { eventId: o.event.id, attempts: o.event.attempts },
          'integration event is dead',
        );
        this.o.onDead?.(o.event.id);
      } else if (state === 'failed' && o.retryInMs < this.o.pollMs && this.running) {
        this.later(o.retryInMs);
      }
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
}
