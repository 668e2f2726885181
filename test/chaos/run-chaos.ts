/**
 * `npm run chaos [-- <trials>] [-- --seed <seed>]`: randomized offline/crash/retry trials of
 * sync against the real service in-process. Trials come from CHAOS_TRIALS or the first
 * argument (default 1000); seeds run from CHAOS_SEED (default: drawn from the clock) up.
 * `--seed N` replays one trial, printing what it did. Exits 1 if any trial failed.
 */
import 'fake-indexeddb/auto';
import { cpus, loadavg } from 'node:os';
import {
  checkAllReplicas,
  closeChaosWorld,
  openChaosWorld,
  runTrial,
  type ChaosWorld,
} from './chaos-trial';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const replay = seedAt >= 0 ? Number(args[seedAt + 1]) : null;
const trials = replay !== null ? 1 : Number(args[0] ?? process.env.CHAOS_TRIALS ?? 1000);
const firstSeed = replay ?? Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000_000);
// A fresh service now and then keeps its database (and every replica) at a realistic size.
const WORLD_TRIALS = 1000;

if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(firstSeed)) {
  process.stderr.write('Usage: npm run chaos -- [trials] | --seed <integer>\n');
  process.exit(2);
}

const started = performance.now();
const total = {
  mutations: 0,
  accepted: 0,
  rejected: 0,
  lost: 0,
  doubled: 0,
  mismatches: 0,
  faults: 0,
};
const failedSeeds: number[] = [];
const trialMs: number[] = [];
const trialCpuMs: number[] = [];
let queries = 0;
let world: ChaosWorld | null = null;
/** Every app of the world synced and held against the server, then the world closed. */
async function closeWorld(w: ChaosWorld): Promise<void> {
  const diffs = await checkAllReplicas(w, 100);
  total.mismatches += diffs.length;
  if (diffs.length) {
    failedSeeds.push(-1);
    process.stdout.write(`\nreplicas differ from the server at the end:\n${diffs.join('\n')}\n`);
  }
  await closeChaosWorld(w);
}
for (let i = 0; i < trials; i++) {
  if (i % WORLD_TRIALS === 0) {
    if (world) await closeWorld(world);
    world = await openChaosWorld(process.env.CASEDESK_TEST_DATABASE_URL ? 'postgres' : 'pglite');
    if (i === 0) process.stdout.write(`service on ${world.svc.kind}\n`);
  }
  const t = await runTrial(world!, firstSeed + i);
  for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += t[k];
  trialMs.push(t.ms);
  trialCpuMs.push(t.cpuMs);
  queries += t.queries;
  if (t.problems.length || replay !== null) {
    if (t.problems.length) failedSeeds.push(t.seed);
    process.stdout.write(
      `\ntrial seed ${t.seed}: ${t.problems.length ? 'FAILED' : 'ok'} (replay: npm run chaos -- --seed ${t.seed})\n` +
        t.problems.map((p) => `  ! ${p}\n`).join('') +
        t.trace.map((s) => `    ${s}\n`).join(''),
    );
  }
  if ((i + 1) % 500 === 0 && replay === null) {
    const s = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(`… ${i + 1} trials, ${s} s\n`);
  }
}
if (world) await closeWorld(world);

const seconds = (performance.now() - started) / 1000;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (xs: number[]) =>
  `median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms`;
const [load1, load5] = loadavg();
process.stdout.write(
  [
    `chaos: ${trials} trials (seeds ${firstSeed}–${firstSeed + trials - 1}) in ${seconds.toFixed(1)} s`,
    `  per trial: ${ms(trialMs)} (processor time ${ms(trialCpuMs)}), ` +
      `${(queries / trials).toFixed(1)} database statements`,
    `  load average ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${cpus().length} cores`,
    `  mutations ${total.mutations}, accepted ${total.accepted}, refused ${total.rejected}`,
    `  faults injected ${total.faults} (lost answers, deaths after a push, lost pulls)`,
    `  lost ${total.lost}, doubled ${total.doubled}, replica mismatches ${total.mismatches}`,
    failedSeeds.length ? `  FAILED seeds: ${failedSeeds.join(', ')}` : '  every trial held',
  ].join('\n') + '\n',
);
process.exit(failedSeeds.length ? 1 : 0);
