import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER_MS, MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles the base with each failed try', () => {
    const fixed = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 10_000, fixed))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it('keeps at least half of the delay and jitters the rest', () => {
    expect(retryDelayMs(3, 10_000, () => 0)).toBe(20_000);
    const seen = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 10_000)));
    expect(seen.size).toBeGreaterThan(1);
    for (const d of seen) expect(d).toBeGreaterThanOrEqual(20_000);
  });

  it('never waits more than an hour, however many tries failed', () => {
    expect(retryDelayMs(200, 10_000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('keeps trying for a day with the default base before giving up', () => {
    // With the worst jitter (every wait as long as it can be) a day still holds many tries.
    let elapsed = 0;
    let tries = 0;
    while (elapsed < GIVE_UP_AFTER_MS) elapsed += retryDelayMs(++tries, 10_000, () => 1);
    expect(tries).toBeGreaterThan(20);
  });
});
