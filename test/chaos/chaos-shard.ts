import {
  checkAllReplicas,
  closeChaosWorld,
  openChaosWorld,
  runTrial,
  type ChaosWorld,
} from './chaos-trial';

/** What a run of trials found, in a form one process can hand another. */
export interface ShardResult {
  totals: {
    mutations: number;
    accepted: number;
    rejected: number;
    lost: number;
    doubled: number;
    mismatches: number;
    faults: number;
  };
  /** Seeds of failed trials; -1 for replicas that differed at the end of a world. */
  failedSeeds: number[];
  trialMs: number[];
  trialCpuMs: number[];
  queries: number;
}

// A fresh service now and then keeps its database (and every replica) at a realistic size.
const WORLD_TRIALS = 1000;

/**
 * Runs trials `firstSeed … firstSeed + trials - 1` in this process, worlds of up to 1,000
 * trials each, printing every failed trial (and, with `verbose`, every trial) with its
 * replay command.
 */
/** A shard's results before its first trial. */
const emptyShardResult = (): ShardResult => ({
  totals: { mutations: 0, accepted: 0, rejected: 0, lost: 0, doubled: 0, mismatches: 0, faults: 0 },
  failedSeeds: [],
  trialMs: [],
  trialCpuMs: [],
  queries: 0,
});

export async function runShard(
  firstSeed: number,
  trials: number,
  options: { verbose: boolean; onTrial?: () => void },
): Promise<ShardResult> {
  const result = emptyShardResult();
  let world: ChaosWorld | null = null;
  // Every app of the world synced and held against the server, then the world closed.
  const closeWorld = async (w: ChaosWorld) => {
    const diffs = await checkAllReplicas(w, 100);
    result.totals.mismatches += diffs.length;
    if (diffs.length) {
      result.failedSeeds.push(-1);
      process.stdout.write(`\nreplicas differ from the server at the end:\n${diffs.join('\n')}\n`);
    }
    await closeChaosWorld(w);
  };
  for (let i = 0; i < trials; i++) {
    if (i % WORLD_TRIALS === 0) {
      if (world) await closeWorld(world);
      world = await openChaosWorld(process.env.CASEDESK_TEST_DATABASE_URL ? 'postgres' : 'pglite');
    }
    const t = await runTrial(world!, firstSeed + i);
    for (const k of Object.keys(result.totals) as (keyof ShardResult['totals'])[])
      result.totals[k] += t[k];
    result.trialMs.push(t.ms);
    result.trialCpuMs.push(t.cpuMs);
    result.queries += t.queries;
    if (t.problems.length) result.failedSeeds.push(t.seed);
    if (t.problems.length || options.verbose)
      process.stdout.write(
        `\ntrial seed ${t.seed}: ${t.problems.length ? 'FAILED' : 'ok'} (replay: npm run chaos -- --seed ${t.seed})\n` +
          t.problems.map((p) => `  ! ${p}\n`).join('') +
          t.trace.map((s) => `    ${s}\n`).join(''),
      );
    options.onTrial?.();
  }
  if (world) await closeWorld(world);
  return result;
}

/** The results of several shards as one. */
export function mergeShards(shards: readonly ShardResult[]): ShardResult {
  const out = emptyShardResult();
  for (const s of shards) {
    for (const k of Object.keys(out.totals) as (keyof ShardResult['totals'])[])
      out.totals[k] += s.totals[k];
    out.failedSeeds.push(...s.failedSeeds);
    out.trialMs.push(...s.trialMs);
    out.trialCpuMs.push(...s.trialCpuMs);
    out.queries += s.queries;
  }
  return out;
}
