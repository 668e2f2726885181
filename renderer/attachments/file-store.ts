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

/** Where every profile's files lived before each had its own store. */
export const SHARED_FILE_DB = 'casedesk-files';

/**
 * One file store per signed-in profile (service and agent), beside its replica: a file
 * one agent attached or fetched is never served from this device to another.
 */
export function fileDbName(agentId: string, serverId: string): string {
  let where = serverId;
  try {
    where = new URL(serverId).host || serverId;
  } catch {
    // not a URL: an identifier such as "standalone"
  }
  return `${SHARED_FILE_DB}:${where}:${agentId}`;
}

export function openFileDb(name = SHARED_FILE_DB): FileDb {
  const db = new Dexie(name) as FileDb;
  db.version(1).stores({ files: 'id, state, caseId' });
  return db;
}

/** The files of these ids that this device holds, in the order asked. */
export async function storedFiles(db: FileDb, ids: readonly string[]): Promise<StoredFile[]> {
  const found = await db.files.bulkGet([...ids]);
  return found.filter((f): f is StoredFile => f !== undefined);
}

/**
 * Files kept before stores were per profile sit in the one shared database. The files this
 * profile's outbox still names (replies and notes waiting to be sent) move to its own
 * store; other profiles' unsent files stay there for them; cached and uploaded bytes —
 * anyone's, and the service has them — are dropped; the shared database goes once empty.
 */
export async function adoptSharedFiles(into: FileDb, ids: readonly string[]): Promise<number> {
  if (!(await Dexie.exists(SHARED_FILE_DB))) return 0;
  const shared = openFileDb(SHARED_FILE_DB);
  try {
    const mine = await storedFiles(shared, ids);
    if (mine.length) {
      await into.files.bulkPut(mine);
      await shared.files.bulkDelete(mine.map((f) => f.id));
    }
    await shared.files.where('state').notEqual('pending').delete();
    const left = await shared.files.count();
    if (left === 0) await shared.delete();
    return mine.length;
  } finally {
    shared.close();
  }
}
