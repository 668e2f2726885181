/**
 * `npm run bench:server`: the case service over real HTTP, on PostgreSQL and on PGlite.
 * Prints intakes, case reads and refunds per second with p50/p99 latency. A benchmark,
 * not a test: figures vary with the machine and whatever else it is doing.
 *
 * BENCH_DATABASE_URL names a PostgreSQL server to create a scratch database on
 * (default postgres://postgres@127.0.0.1:5432/postgres); BENCH_SCALE multiplies the counts.
 * Then webhook deliveries with two instances on PostgreSQL (bench-deliveries.ts), and the
 * dashboard's queue health on a million cases (bench-queue-health.ts).
 * BENCH_CPU_PROF=<dir> writes a CPU profile of each service process there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { IntakeRequest } from '../../shared';
import { escalation } from '../testing/test-service';
import { send } from './http-client';
import { benchDeliveries } from './bench-deliveries';
import { benchQueueHealth } from './bench-queue-health';
import { formatResult, runLoad, type LoadResult } from './load';
import { startService, stop } from './service-process';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const INTAKES = Math.round(3000 * SCALE);
const READS = Math.round(5000 * SCALE);
const REFUNDS = Math.round(2000 * SCALE);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const INTAKE_KEY = 'bench-intake-key';
// Sellers are shared, as on a marketplace: each holds INTAKES / SELLERS cases, so a case
// read's seller history has a real history to find (one seller per case hid its cost).
const SELLERS = Number(process.env.BENCH_SELLERS ?? 40);
// BENCH_ONLY=deliveries runs the webhook delivery part alone (short, for a shared machine);
// BENCH_ONLY=queue-health the dashboard's figures on a million cases alone (long: the fill).
const ONLY = process.env.BENCH_ONLY;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withSeller(e: IntakeRequest, n: number): IntakeRequest {
  const seller = { externalId: `bench-seller-${n}`, name: `Bench seller ${n}`, country: 'NL' };
  return { ...e, order: { ...e.order!, seller } };
}

async function measure(label: string, url: string): Promise<LoadResult[]> {
  const login = await send(
    `${url}/api/v1/auth/login`,
    'POST',
    { 'content-type': 'application/json' },
    JSON.stringify({ email: 'lena@demo.casedesk', password: 'casedesk-demo' }),
  );
  const { token } = JSON.parse(login.body) as { token: string };
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ids: string[] = [];

  const intakes = await runLoad('intakes', INTAKES, CONCURRENCY, async (i) => {
    const res = await send(
      `${url}/api/v1/intake/escalations`,
      'POST',
      {
        'content-type': 'application/json',
        'x-intake-key': INTAKE_KEY,
        'idempotency-key': `bench-${i}`,
      },
      JSON.stringify(withSeller(escalation(), i % SELLERS)),
    );
    if (res.status === 201) ids.push((JSON.parse(res.body) as { id: string }).id);
    return res.status === 201;
  });
  console.log(formatResult(label, intakes));

  const reads = await runLoad('case reads', READS, CONCURRENCY, async (i) => {
    const res = await send(`${url}/api/v1/cases/${ids[i % ids.length]}`, 'GET', auth);
    return res.status === 200;
  });
  console.log(formatResult(label, reads));

  const refunds = await runLoad(
    'refunds',
    Math.min(REFUNDS, ids.length),
    CONCURRENCY,
    async (i) => {
      const res = await send(
        `${url}/api/v1/cases/${ids[i]}/actions`,
        'POST',
        { ...auth, 'idempotency-key': `refund-${i}` },
        JSON.stringify({
          type: 'refund',
          amount: { amount: 10_00, currency: 'EUR' },
          reason: 'bench',
        }),
      );
      return res.status === 201;
    },
  );
  console.log(formatResult(label, refunds));
  return [intakes, reads, refunds];
}

async function onPostgres(): Promise<void> {
  const name = `casedesk_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`postgres   skipped: cannot reach ${ADMIN_URL} (${(err as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const svc = await startService({
    DATABASE_URL: url.toString(),
    CASEDESK_SEED: 'demo',
    CASEDESK_INTAKE_KEY: INTAKE_KEY,
  });
  try {
    await measure('postgres', svc.url);
  } finally {
    await stop(svc.child);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casedesk-bench-'));
  const svc = await startService({
    CASEDESK_DATA_DIR: dir,
    CASEDESK_SEED: 'demo',
    CASEDESK_INTAKE_KEY: INTAKE_KEY,
  });
  try {
    await measure('pglite', svc.url);
  } finally {
    await stop(svc.child);
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(
  `bench:server  ${INTAKES} intakes, ${READS} reads, ${REFUNDS} refunds at concurrency ${CONCURRENCY} over HTTP (node ${process.version})`,
);
if (ONLY === undefined) {
  await onPostgres();
  await onPglite();
}
if (ONLY === undefined || ONLY === 'deliveries') await benchDeliveries(ADMIN_URL, SCALE);
if (ONLY === undefined || ONLY === 'queue-health') await benchQueueHealth(ADMIN_URL);
