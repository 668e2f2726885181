/** The longest wait between two tries of one delivery. */
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** A delivery is tried for at least this long before it counts as failed. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * How long to wait after the `attempt`-th failed try: the base doubled each time, capped at
 * an hour, with "equal jitter" (half fixed, half random) so that many deliveries failing
 * together — a mail server down for everyone — do not all come back in the same second.
 */
export function retryDelayMs(attempt: number, baseMs: number, random = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(baseMs * 2 ** exponent, MAX_RETRY_DELAY_MS);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
