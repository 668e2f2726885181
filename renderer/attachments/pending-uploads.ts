import type { Mutation } from '../../shared';
import type { PushResponseRead } from '../data/read-schemas';
import { SyncHttpError, type SyncTransport } from '../data/sync-transport';
import type { FileDb, StoredFile } from './file-store';

/** The service answered an upload with a refusal: retrying the same bytes will not help. */
export class UploadRefused extends Error {
  constructor(
    message: string,
    /** The contract's error code (`attachment_rejected`, `payload_too_large`, …). */
    readonly code = 'attachment_rejected',
  ) {
    super(message);
  }
}

export type UploadFile = (file: StoredFile) => Promise<void>;

function idsOf(m: Mutation): string[] {
  if (m.op !== 'case.message' && m.op !== 'case.note') return [];
  const ids = (m.args as { attachmentIds?: unknown } | null)?.attachmentIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * A sync transport that uploads the files a pushed reply or note names before pushing it:
 * a file attached offline waits on this device with its message, and reaches the service
 * just ahead of it. An upload that cannot reach the service fails the push (it is retried
 * like any push); one the service refuses is marked, and the message then comes back
 * refused with the reason, so nothing is dropped silently.
 */
export function withPendingUploads(
  transport: SyncTransport,
  files: FileDb,
  upload: UploadFile,
): SyncTransport {
  return {
    ...transport,
    async push(mutations) {
      const ids = [...new Set(mutations.flatMap(idsOf))];
      const waiting = (await files.files.bulkGet(ids)).filter(
        (f): f is StoredFile => f?.state === 'pending' && !f.error,
      );
      for (const f of waiting) {
        try {
          await upload(f);
          await files.files.update(f.id, { state: 'uploaded' });
        } catch (err) {
          if (!(err instanceof UploadRefused)) throw err;
          await files.files.update(f.id, { error: err.message, errorCode: err.code });
        }
      }
      const answer = await transport.push(mutations);
      return { ...answer, results: await withUploadReasons(files, mutations, answer.results) };
    },
  };
}

/**
 * The service refuses a message whose upload it refused, but only knows that the upload
 * is missing; the reason is here, with the file. A refused message that names a refused
 * file comes back with that file's reason, so the agent reads why — the file's type or
 * size — rather than "no such upload".
 */
async function withUploadReasons(
  files: FileDb,
  mutations: readonly Mutation[],
  results: PushResponseRead['results'],
): Promise<PushResponseRead['results']> {
  const byId = new Map(mutations.map((m) => [m.id, m]));
  return Promise.all(
    results.map(async (r) => {
      const m = byId.get(r.id);
      if (r.status !== 'rejected' || !m) return r;
      const named = await files.files.bulkGet(idsOf(m));
      const refusedFile = named.find((f) => f?.error);
      if (!refusedFile) return r;
      return {
        ...r,
        error: {
          code: refusedFile.errorCode ?? 'attachment_rejected',
          message: refusedFile.error!,
          details: { attachmentId: refusedFile.id, filename: refusedFile.filename },
        },
      };
    }),
  );
}

/** Uploads one file to the service under its own id (a resend answers with the first). */
export function httpUpload(serverUrl: string, token: string): UploadFile {
  return async (f) => {
    const form = new FormData();
    form.append('file', new Blob([f.bytes], { type: f.contentType }), f.filename);
    const url = new URL(`/api/v1/cases/${encodeURIComponent(f.caseId)}/attachments`, serverUrl);
    url.searchParams.set('id', f.id);
    const res = await fetch(url, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(120_000),
    });
    if (res.ok) return;
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    const message = body?.error?.message ?? `HTTP ${res.status}`;
    // A session that ended is the sync engine's to handle, as for any push.
    if (res.status === 401) throw new SyncHttpError(401, message);
    // Any other 4xx but a timeout or throttling is the service's answer about this file.
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
      throw new UploadRefused(message, body?.error?.code);
    throw new Error(message);
  };
}
