import Dexie, { type EntityTable } from 'dexie';

/**
 * An attachment's bytes on this device: a file the agent attached that waits to be
 * uploaded with its message (`pending`), one that reached the service (`uploaded`), or one
 * fetched to be shown (`cached`). Kept in a database of its own, apart from the replica:
 * bytes are large, fetched on demand, and never part of a sync page.
 */
export interface StoredFile {
  id: string;
  caseId: string;
  filename: string;
  /** What the agent's computer says; the service decides from the bytes. */
  contentType: string;
  size: number;
  bytes: ArrayBuffer;
  state: 'pending' | 'uploaded' | 'cached';
  /** Why the service refused a pending upload. */
  error?: string;
  /** The contract's code for that refusal. */
  errorCode?: string;
}

export type FileDb = Dexie & { files: EntityTable<StoredFile, 'id'> };

export function openFileDb(name = 'casedesk-files'): FileDb {
  const db = new Dexie(name) as FileDb;
  db.version(1).stores({ files: 'id, state, caseId' });
  return db;
}

/** The files of these ids that this device holds, in the order asked. */
export async function storedFiles(db: FileDb, ids: readonly string[]): Promise<StoredFile[]> {
  const found = await db.files.bulkGet([...ids]);
  return found.filter((f): f is StoredFile => f !== undefined);
}
