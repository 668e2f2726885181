import { createHash } from 'node:crypto';
import {
  DomainError,
  canSeeCase,
  describeBytes,
  type Actor,
  type Attachment,
  type Language,
} from '../../shared';
import type { Queryable } from '../db/database';
import { isUuid } from '../repositories/timestamps';
import { idTaken, lockVisibleCase, notFound } from '../services/case-access';
import { MAX_ATTACHMENT_BYTES, MAX_MESSAGE_ATTACHMENT_BYTES } from './attachment-limits';
import type { AttachmentStore } from './attachment-store';
import { checkAttachment } from './check-attachment';
import {
  cleanFilename,
  findAttachment,
  storeAttachment,
  toAttachment,
  type AttachmentRow,
} from './attachments-repo';

export interface Upload {
  filename: string;
  bytes: Uint8Array;
  /** An offline client's UUID for this upload: sending it again finds the first one. */
  clientId?: string;
}

export const tooLarge = (filename: string) =>
  new DomainError(
    'payload_too_large',
    `"${cleanFilename(filename)}" is larger than ${describeBytes(MAX_ATTACHMENT_BYTES)}, the limit for one file.`,
    { filename: cleanFilename(filename), limit: MAX_ATTACHMENT_BYTES },
  );

/**
 * An agent's file, kept on the case until a reply or note takes it. Anyone who may note
 * on a case may upload to it (notes are open to everyone who sees the case, resolved too).
 */
export async function uploadAttachment(
  tx: Queryable,
  store: AttachmentStore,
  actor: Actor,
  caseId: string,
  upload: Upload,
  now: Date,
): Promise<{ attachment: Attachment; created: boolean }> {
  const c = await lockVisibleCase(tx, actor, caseId);
  if (upload.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw tooLarge(upload.filename);
  if (upload.clientId) {
    const earlier = await findAttachment(tx, upload.clientId);
    if (earlier) {
      const sameUpload =
        earlier.case_id === c.id &&
        earlier.uploaded_by === actor.id &&
        earlier.sha256 === createHash('sha256').update(upload.bytes).digest('hex');
      if (!sameUpload) throw idTaken(upload.clientId);
      return { attachment: toAttachment(earlier), created: false };
    }
  }
  const check = await checkAttachment(upload.bytes, upload.filename);
  if (!check.ok) {
    throw new DomainError(
      'attachment_rejected',
      `"${cleanFilename(upload.filename)}" was not accepted: ${check.reason}.`,
      { filename: cleanFilename(upload.filename), reason: check.reason },
    );
  }
  const attachment = await storeAttachment(tx, store, {
    caseId: c.id,
    messageId: null,
    filename: upload.filename,
    contentType: check.contentType,
    bytes: upload.bytes,
    uploadedBy: actor.id,
    now,
    ...(upload.clientId ? { id: upload.clientId } : {}),
  });
  return { attachment, created: true };
}

const refused = (id: string, reason: string) =>
  new DomainError('attachment_rejected', `Attachment ${id} cannot be sent: ${reason}.`, {
    attachmentId: id,
    reason,
  });

/**
 * Hands the caller's uploads to a new message or note (already inserted, in this
 * transaction): each upload goes with one message or note only, and together they stay
 * within the limit for one message. Returns their metadata as the message carries it.
 */
export async function attachUploads(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  ids: readonly string[],
  target: { messageId: string } | { noteId: string },
): Promise<Attachment[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows: AttachmentRow[] = [];
  for (const id of unique) {
    const row = isUuid(id) ? await findAttachment(tx, id) : null;
    if (!row || row.case_id !== caseId || row.uploaded_by !== actor.id) {
      throw refused(id, 'no such upload of yours on this case');
    }
    if (row.message_id || row.note_id) throw refused(id, 'it was already sent');
    rows.push(row);
  }
  const total = rows.reduce((n, r) => n + r.size, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
    throw new DomainError(
      'payload_too_large',
      `The attachments come to ${describeBytes(total)}; one message takes at most ${describeBytes(MAX_MESSAGE_ATTACHMENT_BYTES)}.`,
      { size: total, limit: MAX_MESSAGE_ATTACHMENT_BYTES },
    );
  }
  const [column, value] =
    'messageId' in target ? ['message_id', target.messageId] : ['note_id', target.noteId];
  const res = await tx.query<AttachmentRow>(
    `UPDATE attachments SET ${column} = $2 WHERE id = ANY($1::uuid[]) RETURNING *`,
    [unique, value],
  );
  const byId = new Map(res.rows.map((r) => [r.id, toAttachment(r)]));
  return unique.map((id) => byId.get(id)!);
}

export interface AttachmentDownload {
  attachment: Attachment;
  bytes: Buffer;
}

/** The bytes of a file, for whoever can see its case; anyone else learns nothing (404). */
export async function readAttachment(
  db: Queryable,
  store: AttachmentStore,
  actor: Actor,
  id: string,
): Promise<AttachmentDownload> {
  if (!isUuid(id)) throw notFound('attachment');
  const res = await db.query<AttachmentRow & { language: Language; assignee_id: string | null }>(
    `SELECT a.*, c.language, c.assignee_id FROM attachments a JOIN cases c ON c.id = a.case_id
      WHERE a.id = $1`,
    [id],
  );
  const row = res.rows[0];
  if (!row || !canSeeCase(actor, { language: row.language, assigneeId: row.assignee_id })) {
    throw notFound('attachment');
  }
  // An upload not yet sent is its uploader's draft.
  if (!row.message_id && !row.note_id && row.uploaded_by !== actor.id) {
    throw notFound('attachment');
  }
  const bytes = await store.load(db, id);
  if (!bytes) throw notFound('attachment');
  return { attachment: toAttachment(row), bytes };
}

/**
 * The marketplace fetches the files of a message it was handed (`message.created`): those
 * on outgoing messages only — never an agent's draft, a note's files, or what a buyer or
 * seller sent in.
 */
export async function readSentAttachment(
  db: Queryable,
  store: AttachmentStore,
  id: string,
): Promise<AttachmentDownload> {
  if (!isUuid(id)) throw notFound('attachment');
  const res = await db.query<AttachmentRow>(
    `SELECT a.* FROM attachments a JOIN messages m ON m.id = a.message_id
      WHERE a.id = $1 AND m.direction = 'to'`,
    [id],
  );
  const row = res.rows[0];
  const bytes = row ? await store.load(db, id) : null;
  if (!row || !bytes) throw notFound('attachment');
  return { attachment: toAttachment(row), bytes };
}
