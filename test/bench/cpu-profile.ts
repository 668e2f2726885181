/**
 * The top costs of a Chrome DevTools Protocol CPU profile (Profiler.stop's answer): self
 * time per function, summed over every node of it. `(idle)` on the renderer's main thread
 * is mostly waiting for the browser process — where IndexedDB does its work.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface Cost {
  what: string;
  ms: number;
}

export function topCosts(profile: CpuProfile, top = 6): Cost[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]!);
    if (!node) continue;
    const f = node.callFrame;
    const file = f.url ? f.url.slice(f.url.lastIndexOf('/') + 1).replace(/[?#].*$/, '') : '';
    const what = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
    // A sample's time is the gap to the next one.
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    ms.set(what, (ms.get(what) ?? 0) + dt);
  }
  return [...ms]
    .map(([what, t]) => ({ what, ms: t }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
