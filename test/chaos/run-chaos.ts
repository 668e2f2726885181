/**
 * `npm run chaos [-- <trials>] [-- --seed <seed>]`: randomized offline/crash/retry trials of
 * sync against the real service in-process. Trials come from CHAOS_TRIALS or the first
 * argument (default 1000); seeds run from CHAOS_SEED (default: drawn from the clock) up.
 * `--seed N` replays one trial, printing what it did. Exits 1 if any trial failed.
 *
 * The trials are split over CHAOS_WORKERS processes (default: one per core), each with its
 * own service, database and replicas: a trial is bound by one core (the service, PGlite and
 * fake-indexeddb share a thread), so a second process nearly halves a long run.
 */
import 'fake-indexeddb/auto';
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mergeShards, runShard, type ShardResult } from './chaos-shard';

/** How a worker process is told its share, and how it answers. */
const SHARD_ENV = 'CHAOS_SHARD';
type WorkerMessage = { trial: true } | { done: ShardResult };

const shard = process.env[SHARD_ENV];
if (shard) {
  const [first, count] = shard.split(':').map(Number) as [number, number];
  const result = await runShard(first, count, {
    verbose: false,
    onTrial: () => process.send!({ trial: true } satisfies WorkerMessage),
  });
  process.send!({ done: result } satisfies WorkerMessage, () => process.exit(0));
} else {
  await main();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const replay = seedAt >= 0 ? Number(args[seedAt + 1]) : null;
  const trials = replay !== null ? 1 : Number(args[0] ?? process.env.CHAOS_TRIALS ?? 1000);
  const firstSeed = replay ?? Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000_000);
  const workers = Math.max(
    1,
    Math.min(Number(process.env.CHAOS_WORKERS ?? cpus().length), Math.ceil(trials / 50)),
  );
  if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(firstSeed) || !workers) {
    process.stderr.write('Usage: npm run chaos -- [trials] | --seed <integer>\n');
    process.exit(2);
  }
  const kind = process.env.CASEDESK_TEST_DATABASE_URL ? 'postgres' : 'pglite';
  process.stdout.write(`service on ${kind}, ${workers} process${workers > 1 ? 'es' : ''}\n`);

  const started = performance.now();
  let done = 0;
  const progress = () => {
    done++;
    if (done % 500 === 0 && replay === null) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      process.stdout.write(`… ${done} trials, ${s} s\n`);
    }
  };
  let result: ShardResult;
  if (workers === 1) {
    result = await runShard(firstSeed, trials, { verbose: replay !== null, onTrial: progress });
  } else {
    const shares = Array.from(
      { length: workers },
      (_, k) => Math.floor((trials * (k + 1)) / workers) - Math.floor((trials * k) / workers),
    );
    let from = firstSeed;
    result = mergeShards(
      await Promise.all(
        shares.map((count) => {
          const first = from;
          from += count;
          return runWorker(first, count, progress);
        }),
      ),
    );
  }
  report(result, { trials, firstSeed, seconds: (performance.now() - started) / 1000 });
  process.exit(result.failedSeeds.length ? 1 : 0);
}

/** One share of the trials in a child process (same Node flags, so tsx loads it too). */
function runWorker(first: number, count: number, onTrial: () => void): Promise<ShardResult> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, [], {
      env: { ...process.env, [SHARD_ENV]: `${first}:${count}` },
      execArgv: process.execArgv,
    });
    let result: ShardResult | null = null;
    child.on('message', (m: WorkerMessage) => {
      if ('trial' in m) onTrial();
      else result = m.done;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`chaos worker for seeds ${first}… exited with ${code}`)),
    );
  });
}

function report(r: ShardResult, run: { trials: number; firstSeed: number; seconds: number }): void {
  const quantile = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  const ms = (xs: number[]) =>
    `median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms`;
  const [load1, load5] = loadavg();
  const t = r.totals;
  process.stdout.write(
    [
      `chaos: ${run.trials} trials (seeds ${run.firstSeed}–${run.firstSeed + run.trials - 1}) in ${run.seconds.toFixed(1)} s` +
        ` (${((run.seconds * 1000) / run.trials).toFixed(0)} ms a trial over the run)`,
      `  per trial: ${ms(r.trialMs)} (processor time ${ms(r.trialCpuMs)}), ` +
        `${(r.queries / run.trials).toFixed(1)} database statements`,
      `  load average ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${cpus().length} cores`,
      `  mutations ${t.mutations}, accepted ${t.accepted}, refused ${t.rejected}`,
      `  faults injected ${t.faults} (lost answers, deaths after a push, lost pulls)`,
      `  lost ${t.lost}, doubled ${t.doubled}, replica mismatches ${t.mismatches}`,
      r.failedSeeds.length ? `  FAILED seeds: ${r.failedSeeds.join(', ')}` : '  every trial held',
    ].join('\n') + '\n',
  );
}
