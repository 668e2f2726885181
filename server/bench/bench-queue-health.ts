/**
 * The dashboard's figures (`GET /reports/queue-health`) over real HTTP on PostgreSQL with a
 * million cases (BENCH_QH_CASES), filled with SQL in creation order over two years, then
 * timed BENCH_QH_RUNS times for the last 30 days and for a whole quarter (the longest period
 * the endpoint takes). Prints median and p95; the goal is 500 ms.
 *
 * Filling takes minutes. BENCH_QH_REUSE=1 keeps the filled database (casedesk_bench_qh_<n>)
 * for the next run, which then only migrates it (new indexes) and measures.
 */
import pg from 'pg';
import { migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres-database';
import { createDemoAccounts } from '../seed/accounts';
import { fillQueueHealthCases } from '../testing/queue-health-fill';
import { send } from './http-client';
import { startService, stop } from './service-process';

const CASES = Number(process.env.BENCH_QH_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_QH_RUNS ?? 9);
const REUSE = process.env.BENCH_QH_REUSE === '1';
const SPAN_DAYS = 730;
const AGENTS = 60;
const DAY = 86_400_000;

const AGENTS_SQL = `
  INSERT INTO agents (id, name, email, password_hash, roles, languages, refund_limit_minor,
                      refund_limit_currency, created_at, last_seen_at)
  SELECT md5('bench-agent-' || g)::uuid, 'Bench agent ' || g, 'bench' || g || '@bench.casedesk',
         NULL, ARRAY['agent'], ARRAY[(ARRAY['de','en','nl','fr','it','es','pl','pt','zh'])[1 + g % 9], 'en'],
         25000, 'EUR', now() - interval '1 year', now() - g * interval '7 minutes'
    FROM generate_series(1, ${AGENTS}) AS g`;

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function filledDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `casedesk_bench_qh_${CASES}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))
    .rowCount;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let filled = false;
  if (REUSE && exists) {
    const db = await openPostgres(url.toString(), 1);
    const n = await db
      .query<{ n: string }>('SELECT count(*)::text AS n FROM cases')
      .catch(() => ({ rows: [{ n: '0' }] }));
    filled = n.rows[0]?.n === String(CASES);
    await db.close();
  }
  if (!filled) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const fresh = await openPostgres(url.toString(), 4);
    await migrate(fresh);
    await createDemoAccounts(fresh);
    await fresh.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(AGENTS_SQL);
    });
    const ids = (await fresh.query<{ id: string }>('SELECT id FROM agents ORDER BY name')).rows;
    const t = performance.now();
    await fillQueueHealthCases(fresh, {
      count: CASES,
      spanDays: SPAN_DAYS,
      now: new Date(),
      agentIds: ids.map((r) => r.id),
    });
    console.log(
      `queue-health  filled ${CASES} cases over ${SPAN_DAYS} days in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
    await fresh.close();
  }
  const ready = await openPostgres(url.toString(), 4);
  const ran = await migrate(ready);
  if (ran.length) console.log(`queue-health  migrated the filled database: ${ran.join(', ')}`);
  // As autovacuum would have by now: statistics, and a visibility map for index-only scans.
  const t = performance.now();
  await ready.exec('VACUUM ANALYZE');
  console.log(`queue-health  vacuum analyze ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const counts = await ready.query<{ open: string; actions: string }>(
    `SELECT (SELECT count(*) FROM cases WHERE status <> 'resolved')::text AS open,
            (SELECT count(*) FROM actions)::text AS actions`,
  );
  console.log(
    `queue-health  ${counts.rows[0]!.open} open cases, ${counts.rows[0]!.actions} actions`,
  );
  await ready.close();
  return {
    url: url.toString(),
    async drop() {
      if (!REUSE) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function benchQueueHealth(adminUrl: string): Promise<void> {
  try {
    const probe = new pg.Client({ connectionString: adminUrl });
    await probe.connect();
    await probe.end();
  } catch (err) {
    console.log(`queue-health skipped: cannot reach ${adminUrl} (${(err as Error).message})`);
    return;
  }
  const filled = await filledDatabase(adminUrl);
  const svc = await startService({ DATABASE_URL: filled.url, CASEDESK_INTAKE_KEY: 'bench' });
  try {
    const login = await send(
      `${svc.url}/api/v1/auth/login`,
      'POST',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: 'lena@demo.casedesk', password: 'casedesk-demo' }),
    );
    const { token } = JSON.parse(login.body) as { token: string };
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const now = Date.now();
    for (const [label, days] of [
      ['30 days', 30],
      ['92 days', 92],
    ] as const) {
      const url = `${svc.url}/api/v1/reports/queue-health?from=${day(now - (days - 1) * DAY)}&to=${day(now)}`;
      const times: number[] = [];
      // One run first that is not counted: the first query of a connection plans cold.
      for (let i = 0; i <= RUNS; i++) {
        const t = performance.now();
        const res = await send(url, 'GET', { authorization: `Bearer ${token}` });
        if (res.status !== 200) throw new Error(`queue-health: ${res.status} ${res.body}`);
        if (i > 0) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `queue-health  ${CASES} cases, ${label.padEnd(7)}  median ${quantile(times, 0.5).toFixed(0)} ms  p95 ${quantile(times, 0.95).toFixed(0)} ms  (${RUNS} runs over HTTP)`,
      );
    }
  } finally {
    await stop(svc.child);
    await filled.drop();
  }
}
