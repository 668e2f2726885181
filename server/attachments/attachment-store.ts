import type { Queryable } from '../db/database';

/**
 * Where attachment bytes live. The database by default, so that a backup holds them with
 * their case; another store (object storage) would implement the same two calls.
 */
export interface AttachmentStore {
  /** Called in the transaction that records the attachment. */
  save(tx: Queryable, attachmentId: string, bytes: Uint8Array): Promise<void>;
  load(db: Queryable, attachmentId: string): Promise<Buffer | null>;
}

export const databaseAttachmentStore: AttachmentStore = {
  async save(tx, attachmentId, bytes) {
    await tx.query('INSERT INTO attachment_blobs (attachment_id, data) VALUES ($1, $2)', [
      attachmentId,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ]);
  },
  async load(db, attachmentId) {
    const res = await db.query<{ data: Uint8Array }>(
      'SELECT data FROM attachment_blobs WHERE attachment_id = $1',
      [attachmentId],
    );
    const data = res.rows[0]?.data;
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
  },
};
