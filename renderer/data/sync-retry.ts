import { SyncHttpError } from './sync-transport';

const MAX_BACKOFF_MS = 60_000;

/** Exponential backoff with full jitter, capped: retries spread out instead of stampeding. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** No answer, or the service is down or overloaded: worth retrying later, as "offline". */
export const isNetworkError = (e: unknown): boolean =>
  e instanceof TypeError ||
  (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) ||
  (e instanceof SyncHttpError && e.status >= 500);

/** The service no longer accepts the session: only a new sign-in helps. */
export const isSessionEnded = (e: unknown): boolean =>
  e instanceof SyncHttpError && e.status === 401;

/** An admin deactivated the account: the session will not come back, whatever the password. */
export const isAccountDeactivated = (e: unknown): boolean =>
  isSessionEnded(e) && (e as SyncHttpError).code === 'account_deactivated';
