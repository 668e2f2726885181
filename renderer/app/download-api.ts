import type { ErrorBody } from '../../shared';
import { ApiError, UnreachableError } from './api-client';

/** A file the service answers (an export), with the name its Content-Disposition gives. */
export async function downloadFromService(
  serverUrl: string,
  path: string,
  token: string,
  fallbackName: string,
): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(new URL(path, serverUrl), { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new UnreachableError(serverUrl);
  }
  if (!res.ok) {
    const err = ((await res.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`);
  }
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return { blob: await res.blob(), filename: named?.[1] ?? fallbackName };
}
