export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1); Math.random unless a test pins it. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, random: Math.random };

/**
 * Doubles per failure up to the cap, then keeps between half and all of it at random, so
 * the devices of a whole team do not hammer a recovering server in step.
 */
export function retryDelay(failures: number, p: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * p.random());
}
