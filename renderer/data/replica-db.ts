import Dexie, { type EntityTable } from 'dexie';
import { searchTokensOf } from './search-words';
import type {
  Action,
  Agent,
  Case,
  CaseEvent,
  ExternalDispute,
  Message,
  MutationOp,
  Note,
} from '../../shared';

/** Far in the future: resolved cases sort after every running clock. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/**
 * A case as kept on this device: the server's case plus flat fields for the queue indexes
 * (IndexedDB cannot index null or booleans, hence '' and 0/1), and, while local changes
 * wait in the outbox, the server's own version of it (`server`) to rebase them on.
 */
export interface LocalCase extends Case {
  slaDueAt: string;
  open: 0 | 1;
  assigneeKey: string;
  tsQueue: 0 | 1;
  approvals: 0 | 1;
  disputed: 0 | 1;
  buyerId: string;
  sellerId: string;
  search: string;
  /** Words of the reference, buyer name and email, and lot title, for prefix search. */
  searchTokens: string[];
  server?: Case;
}

/** Entities created on this device and not yet confirmed by the server carry `pending`. */
export type Local<T> = T & { pending?: true };

export interface OutboxEntry {
  seq?: number;
  /** The mutation id: the server's idempotency key for it. */
  id: string;
  op: MutationOp;
  args: Record<string, unknown>;
  caseId: string | null;
  state: 'pending' | 'rejected';
  attempts: number;
  createdAt: string;
  error?: { code: string; message: string };
}

export interface MetaRow {
  key: 'cursor' | 'lastSyncAt' | 'agent';
  value: unknown;
}

export type ReplicaDb = Dexie & {
  cases: EntityTable<LocalCase, 'id'>;
  messages: EntityTable<Local<Message>, 'id'>;
  notes: EntityTable<Local<Note>, 'id'>;
  actions: EntityTable<Local<Action>, 'id'>;
  disputes: EntityTable<Local<ExternalDispute>, 'id'>;
  events: EntityTable<CaseEvent, 'id'>;
  agents: EntityTable<Agent, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
};

/**
 * One replica per agent and server. A server given as a URL keeps the host-based name
 * replicas have always had (so no outbox is orphaned); the desktop app's standalone
 * service is simply "standalone".
 */
export function replicaName(agentId: string, serverId: string): string {
  let where = serverId;
  try {
    where = new URL(serverId).host || serverId;
  } catch {
    // not a URL: an identifier such as "standalone"
  }
  return `casedesk:${where}:${agentId}`;
}

export function openReplica(name: string): ReplicaDb {
  const db = new Dexie(name) as ReplicaDb;
  // Keep every version declaration forever; add new ones below with an upgrade.
  db.version(1).stores({
    cases:
      'id, reference, updatedAt, buyerId, sellerId, [assigneeKey+open+slaDueAt], [open+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt]',
    messages: 'id, caseId',
    notes: 'id, caseId',
    actions: 'id, caseId, [caseId+status]',
    disputes: 'id, caseId',
    events: 'id, caseId',
    agents: 'id',
    meta: 'key',
    outbox: '++seq, &id, caseId, state',
  });
  // A language filter on the team queue reads one index range instead of every open case.
  db.version(2).stores({
    cases:
      'id, reference, updatedAt, buyerId, sellerId, [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt]',
  });
  // Search reads the cases whose words start with the rarest word typed (multi-entry index).
  db.version(3)
    .stores({
      // Pending approvals by status, for the reviewer's notifications.
      actions: 'id, caseId, [caseId+status], status',
      cases:
        'id, reference, updatedAt, buyerId, sellerId, [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], *searchTokens',
    })
    .upgrade((tx) =>
      tx
        .table<LocalCase>('cases')
        .toCollection()
        .modify((c) => {
          c.searchTokens = searchTokensOf(c);
        }),
    );
  return db;
}
