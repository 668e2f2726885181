/** A tiny closed-loop load generator: `concurrency` workers issue requests back to back. */
export interface LoadResult {
  name: string;
  count: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export async function runLoad(
  name: string,
  count: number,
  concurrency: number,
  request: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        const ok = await request(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    name,
    count,
    failures,
    seconds,
    perSecond: count / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
  };
}

export function formatResult(db: string, r: LoadResult): string {
  return [
    db.padEnd(9),
    r.name.padEnd(12),
    `${r.perSecond.toFixed(0).padStart(6)}/s`,
    `p50 ${r.p50.toFixed(1).padStart(6)} ms`,
    `p99 ${r.p99.toFixed(1).padStart(6)} ms`,
    `(${r.count} in ${r.seconds.toFixed(1)} s${r.failures ? `, ${r.failures} FAILED` : ''})`,
  ].join('  ');
}
