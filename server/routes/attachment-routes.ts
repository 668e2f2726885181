import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, UploadAttachmentQuery } from '../../shared';
import type { Database } from '../db/database';
import { actorOf, requireAgent } from '../http/auth';
import { checkKey, fingerprint, runCommand } from '../http/idempotency';
import { parse } from '../http/validation';
import { requireIntegrationKey } from '../integration/integration-key';
import {
  readAttachment,
  readSentAttachment,
  type AttachmentDownload,
  tooLarge,
  uploadAttachment,
  type Upload,
} from '../attachments/agent-uploads';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachment-limits';
import type { AttachmentStore } from '../attachments/attachment-store';

/** Nothing a download holds may run, load or navigate, even if opened as a page. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

type Uploading = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, unknown> }>;

const noFile = () =>
  new DomainError('validation_failed', 'Send one file in the multipart field "file".', {
    fields: [{ path: 'body.file', message: 'required' }],
  });

/** The file of a multipart upload (field `file`), or a raw body named by `?filename=`. */
async function receivedFile(req: Uploading, filename: string | undefined): Promise<Upload> {
  if (req.isMultipart()) {
    const part = await req.file({
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 2 },
    });
    if (!part || part.fieldname !== 'file') throw noFile();
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw tooLarge(part.filename);
      throw err;
    }
    return { filename: part.filename || filename || 'attachment', bytes };
  }
  if (!Buffer.isBuffer(req.body)) {
    throw new DomainError(
      'unsupported_media_type',
      'Send the file as multipart/form-data (field "file"), or as application/octet-stream with ?filename=.',
    );
  }
  if (!filename) {
    throw new DomainError('validation_failed', 'A raw upload needs ?filename=.', {
      fields: [{ path: 'query.filename', message: 'required for a raw upload' }],
    });
  }
  return { filename, bytes: req.body };
}

/** `attachment; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Agents' own files: uploaded to a case, sent with a reply or kept on a note, downloaded. */
export function attachmentRoutes(
  app: FastifyInstance,
  db: Database,
  store: AttachmentStore,
  integrationKey: string | null = null,
): void {
  const staff = { preHandler: requireAgent(db) };

  // In a scope of its own, so multipart and raw bodies are taken by these routes only.
  void app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: true });
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_req, body, done) => done(null, body),
    );

    scope.post<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
      '/api/v1/cases/:id/attachments',
      { ...staff, bodyLimit: MAX_ATTACHMENT_BYTES },
      async (req, reply) => {
        const query = parse(UploadAttachmentQuery, req.query, 'query');
        const key = checkKey(req.headers['idempotency-key']);
        const file = await receivedFile(req, query.filename);
        const upload = { ...file, ...(query.id ? { clientId: query.id } : {}) };
        const actor = actorOf(req);
        const digest = createHash('sha256').update(file.bytes).digest('hex');
        let created = true;
        const res = await runCommand(
          db,
          key
            ? {
                caller: `agent:${actor.id}`,
                key,
                keep: 'request',
                // The bytes stand for the body: a multipart boundary differs on every send.
                fingerprint: fingerprint('POST', `/api/v1/cases/${req.params.id}/attachments`, {
                  filename: file.filename,
                  id: query.id ?? null,
                  sha256: digest,
                }),
              }
            : null,
          201,
          async (tx) => {
            const out = await uploadAttachment(tx, store, actor, req.params.id, upload, new Date());
            created = out.created;
            return out.attachment;
          },
        );
        if (res.replayed) void reply.header('idempotent-replayed', 'true');
        // An offline client's second send of the same upload: it is already here.
        const status = res.status === 201 && !created ? 200 : res.status;
        return reply.code(status).type('application/json; charset=utf-8').send(res.text);
      },
    );
  });

  app.get<{ Params: { id: string } }>('/api/v1/attachments/:id', staff, async (req, reply) =>
    download(reply, await readAttachment(db, store, actorOf(req), req.params.id)),
  );

  // The files a `message.created` event names, for the help center to show the buyer.
  app.get<{ Params: { id: string } }>(
    '/api/v1/integration/attachments/:id',
    { preHandler: requireIntegrationKey(integrationKey) },
    async (req, reply) => download(reply, await readSentAttachment(db, store, req.params.id)),
  );
}

function download(reply: FastifyReply, { attachment, bytes }: AttachmentDownload) {
  return reply
    .header('content-type', attachment.contentType)
    .header('content-disposition', contentDisposition(attachment.filename))
    .header('content-security-policy', DOWNLOAD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${attachment.sha256}"`)
    .header('content-length', String(bytes.byteLength))
    .send(bytes);
}
