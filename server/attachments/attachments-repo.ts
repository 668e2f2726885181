import { createHash, randomUUID } from 'node:crypto';
import type { Attachment } from '../../shared';
import type { Queryable } from '../db/database';
import type { AttachmentStore } from './attachment-store';

export interface AttachmentRow {
  id: string;
  case_id: string;
  message_id: string | null;
  note_id?: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: Date;
}

export const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  caseId: r.case_id,
  messageId: r.message_id,
  ...(r.note_id ? { noteId: r.note_id } : {}),
  filename: r.filename,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
});

/** A name safe to show and to put in a header: no paths, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return clean || 'attachment';
}

export async function storeAttachment(
  tx: Queryable,
  store: AttachmentStore,
  a: {
    caseId: string;
    messageId: string | null;
    filename: string;
    contentType: string;
    bytes: Uint8Array;
    uploadedBy: string | null;
    now: Date;
    /** An offline client's own id for its upload. */
    id?: string;
  },
): Promise<Attachment> {
  const id = a.id ?? randomUUID();
  const res = await tx.query<AttachmentRow>(
    `INSERT INTO attachments (id, case_id, message_id, filename, content_type, size, sha256,
       uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      id,
      a.caseId,
      a.messageId,
      cleanFilename(a.filename),
      a.contentType,
      a.bytes.byteLength,
      createHash('sha256').update(a.bytes).digest('hex'),
      a.uploadedBy,
      a.now,
    ],
  );
  await store.save(tx, id, a.bytes);
  return toAttachment(res.rows[0]!);
}

export async function findAttachment(db: Queryable, id: string): Promise<AttachmentRow | null> {
  const res = await db.query<AttachmentRow>('SELECT * FROM attachments WHERE id = $1', [id]);
  return res.rows[0] ?? null;
}
