/** A delivery is never tried less often than this: the contract's cap. */
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** How long a delivery keeps being retried before it is `dead` (the contract: at least 72 h). */
export const RETRY_WINDOW_MS = 72 * 3_600_000;

/**
 * The wait before the next try after `attempts` failed ones: the base doubled each
 * try, capped at an hour, with "equal jitter" (half fixed, half random) so that many
 * deliveries failing together do not all come back at the same instant.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const exp = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.round(exp / 2 + random() * (exp / 2));
}
