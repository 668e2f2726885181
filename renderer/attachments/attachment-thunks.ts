import { describeBytes, type Attachment } from '../../shared';
import { request } from '../app/api-client';
import type { AppThunk } from '../app/store';
import { fileDbName, openFileDb, storedFiles, type FileDb, type StoredFile } from './file-store';

/** The service's limit for one file; checked here too, so the agent hears it at once. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

let files: FileDb | null = null;

/** The signed-in profile's file store (see fileDbName), opened when its session begins. */
export const fileDb = (): FileDb => {
  if (!files) throw new Error('No one is signed in, so there is no file store.');
  return files;
};

/** Opens the file store of the profile signing in to this window (closing any other). */
export function openProfileFiles(agentId: string, serverId: string): FileDb {
  const name = fileDbName(agentId, serverId);
  if (files?.name === name) return files;
  files?.close();
  files = openFileDb(name);
  return files;
}

/** Lets go of the store without deleting it (another window is deleting it). */
export function closeFiles(): void {
  files?.close();
  files = null;
}

/** Signing out takes the files with the replica: case data must not stay on the computer. */
export async function forgetFiles(): Promise<void> {
  if (!files) return;
  const db = files;
  files = null;
  await db.delete();
}

/** Keeps a file the agent attached on this device until its message is pushed. */
export const attachFile =
  (caseId: string, file: File): AppThunk<Promise<StoredFile>> =>
  async () => {
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(
        `"${file.name}" is ${describeBytes(file.size)}; one file may have at most ${describeBytes(MAX_FILE_BYTES)}.`,
      );
    }
    const stored: StoredFile = {
      id: crypto.randomUUID(),
      caseId,
      filename: file.name || 'pasted-image.png',
      contentType: file.type || 'application/octet-stream',
      size: file.size,
      bytes: await file.arrayBuffer(),
      state: 'pending',
    };
    await fileDb().files.put(stored);
    return stored;
  };

/** A file taken off the composer before it was sent. */
export const discardFile =
  (id: string): AppThunk =>
  async () => {
    await fileDb().files.delete(id);
  };

/** Files of messages still in the outbox, as this device holds them. */
export const localFiles =
  (ids: readonly string[]): AppThunk<Promise<StoredFile[]>> =>
  () =>
    storedFiles(fileDb(), ids);

/** An attachment's bytes: from this device when it has them, else fetched once and kept. */
export const attachmentBytes =
  (
    a: Pick<Attachment, 'id' | 'caseId' | 'filename' | 'contentType' | 'size'>,
  ): AppThunk<Promise<Blob>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const kept = await fileDb().files.get(a.id);
    if (kept) return new Blob([kept.bytes], { type: a.contentType });
    const c = connection.get();
    if (!c) throw new Error('Sign in to open attachments.');
    let res: Response;
    try {
      res = await fetch(new URL(`/api/v1/attachments/${encodeURIComponent(a.id)}`, serverUrl), {
        headers: { authorization: `Bearer ${c.token}` },
      });
    } catch {
      throw new Error('This file is not on this computer yet; it loads once you are online.');
    }
    if (!res.ok) throw new Error(`The file could not be loaded (HTTP ${res.status}).`);
    const bytes = await res.arrayBuffer();
    await fileDb().files.put({
      id: a.id,
      caseId: a.caseId,
      filename: a.filename,
      contentType: a.contentType,
      size: bytes.byteLength,
      bytes,
      state: 'cached',
    });
    return new Blob([bytes], { type: a.contentType });
  };

/** Sends a message whose mail failed once more (needs the service: not an offline change). */
export const retryMessage =
  (messageId: string): AppThunk =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const c = connection.get();
    if (!c) return;
    await request(serverUrl, `/api/v1/messages/${encodeURIComponent(messageId)}/retry`, {
      method: 'POST',
      token: c.token,
      body: '{}',
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
  };
