import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { openPostgres } from '../db/postgres-database';
import { enqueueIntegrationEvent } from '../integration/outbox';
import { startService, stop } from './service-process';

const INSTANCES = 2;
const SECRET = 'bench-webhook-secret';

/** A local marketplace stand-in: answers 200 at once and notes when each event arrived. */
class Receiver {
  readonly arrived = new Map<string, number>();
  duplicates = 0;
  private readonly server = http.createServer((req, res) => {
    const id = String(req.headers['casedesk-event-id'] ?? '');
    req.resume();
    req.on('end', () => {
      if (this.arrived.has(id)) this.duplicates++;
      else this.arrived.set(id, performance.timeOrigin + performance.now());
      res.writeHead(200).end();
    });
  });
  url = '';

  async up(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async down(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  async waitFor(ids: readonly string[], timeoutMs: number): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const missing = ids.filter((id) => !this.arrived.has(id)).length;
      if (missing === 0) return Math.max(...ids.map((id) => this.arrived.get(id)!));
      if (Date.now() > until) throw new Error(`${missing} of ${ids.length} events never arrived`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Webhook deliveries with two service instances on one PostgreSQL: how many events a
 * second reach a local receiver when a backlog is waiting (both delivery workers
 * draining it), and the lag from commit to arrival while events come at a steady rate.
 * Events are written with the service's own enqueueIntegrationEvent, in transactions
 * like a command's, over the demo cases (so each case's events leave in order).
 */
export async function benchDeliveries(adminUrl: string, scale: number): Promise<void> {
  const backlog = Math.round(4000 * scale);
  const rate = Number(process.env.BENCH_EVENT_RATE ?? 200);
  const steadySeconds = Math.max(3, Math.round(10 * scale));
  const name = `casedesk_bench_deliveries_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`deliveries skipped: cannot reach ${adminUrl} (${(err as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const receiver = new Receiver();
  await receiver.up();
  const env = {
    DATABASE_URL: url.toString(),
    CASEDESK_WEBHOOK_URL: receiver.url,
    CASEDESK_WEBHOOK_SECRET: SECRET,
    CASEDESK_RETRY_BASE_MS: '1000',
  };
  // One after the other: the first migrates and seeds.
  const services = [await startService({ ...env, CASEDESK_SEED: 'demo' })];
  for (let i = 1; i < INSTANCES; i++) services.push(await startService(env));
  const db = await openPostgres(url.toString(), 4);
  try {
    const cases = (await db.query<{ id: string }>('SELECT id FROM cases ORDER BY id')).rows.map(
      (r) => r.id,
    );
    const enqueue = (tx: Parameters<typeof enqueueIntegrationEvent>[0], i: number) =>
      enqueueIntegrationEvent(tx, {
        type: 'case.created',
        caseId: cases[i % cases.length]!,
        at: new Date(),
        data: { status: 'open', priority: 'normal' },
      }).then((id) => id!);

    // A backlog, committed at once: both workers drain it as fast as they can.
    const ids = await db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < backlog; i++) out.push(await enqueue(tx, i));
      return out;
    });
    const committed = performance.timeOrigin + performance.now();
    const last = await receiver.waitFor(ids, 300_000);
    const seconds = (last - committed) / 1000;
    console.log(
      [
        'postgres ',
        'deliveries  ',
        `${(backlog / seconds).toFixed(0).padStart(6)}/s`,
        `(${backlog} events over ${cases.length} cases in ${seconds.toFixed(1)} s, ${INSTANCES} instances)`,
      ].join('  '),
    );

    // A steady stream: the lag from each commit to its arrival.
    const lags: number[] = [];
    const steadyIds: string[] = [];
    const committedAt = new Map<string, number>();
    const tickMs = 50;
    const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
    const ticks = Math.round((steadySeconds * 1000) / tickMs);
    for (let t = 0; t < ticks; t++) {
      const started = performance.now();
      const batch = await db.transaction(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < perTick; i++) out.push(await enqueue(tx, t * perTick + i));
        return out;
      });
      const now = performance.timeOrigin + performance.now();
      for (const id of batch) committedAt.set(id, now);
      steadyIds.push(...batch);
      const wait = tickMs - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await receiver.waitFor(steadyIds, 120_000);
    for (const id of steadyIds) lags.push(receiver.arrived.get(id)! - committedAt.get(id)!);
    lags.sort((a, b) => a - b);
    console.log(
      [
        'postgres ',
        'commit→recv ',
        `p50 ${pct(lags, 0.5).toFixed(1).padStart(6)} ms`,
        `p99 ${pct(lags, 0.99).toFixed(1).padStart(6)} ms`,
        `max ${lags.at(-1)!.toFixed(1)} ms`,
        `(${steadyIds.length} events at ${rate}/s offered)`,
        `${receiver.duplicates} sent twice`,
      ].join('  '),
    );
  } finally {
    await db.close();
    for (const s of services) await stop(s.child);
    await receiver.down();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
