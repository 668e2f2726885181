import { z } from 'zod';

const Health = z.object({ status: z.literal('ok'), version: z.string() });

/**
 * Before the app switches to a team's server it asks that server's health endpoint, so
 * a typo or a server that is down is caught here, with a reason, not after sign-out.
 */
export async function checkServer(
  origin: string,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  timeoutMs = 8_000,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  let res: Response;
  try {
    res = await fetchImpl(`${origin}/api/v1/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut
        ? `${origin} did not answer within ${timeoutMs / 1000} s`
        : `${origin} cannot be reached (${(err as Error).message})`,
    };
  }
  if (!res.ok)
    return { ok: false, reason: `${origin} answered ${res.status}: not a Casedesk case service` };
  const body = Health.safeParse(await res.json().catch(() => null));
  if (!body.success) return { ok: false, reason: `${origin} is not a Casedesk case service` };
  return { ok: true, version: body.data.version };
}
