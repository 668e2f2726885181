import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Agent, CaseEvent } from '../../shared';
import type {
  LocalAction,
  LocalCase,
  LocalDispute,
  LocalMessage,
  LocalNote,
  MetaRow,
  OutboxEntry,
} from './replica-types';

/**
 * One database per agent (and server, when given): two people sharing a computer, or one
 * person using the demo and a QA server whose seeded ids coincide, never mix replicas.
 */
export function replicaDbName(agentId: string, serverUrl?: string): string {
  return serverUrl ? `casedesk-${agentId}@${new URL(serverUrl).host}` : `casedesk-${agentId}`;
}

/** The signed-in agent's replica of what the server lets them see, plus the outbox. */
export class CasedeskDb extends Dexie {
  declare cases: EntityTable<LocalCase, 'id'>;
  declare messages: EntityTable<LocalMessage, 'id'>;
  declare notes: EntityTable<LocalNote, 'id'>;
  declare actions: EntityTable<LocalAction, 'id'>;
  declare externalDisputes: EntityTable<LocalDispute, 'id'>;
  declare events: EntityTable<CaseEvent, 'id'>;
  declare agents: EntityTable<Agent, 'id'>;
  declare meta: EntityTable<MetaRow, 'key'>;
  declare outbox: EntityTable<OutboxEntry, 'seq'>;

  constructor(
    readonly agentId: string,
    name: string = replicaDbName(agentId),
  ) {
    super(name);
    // Keep every version declaration forever; a change adds version(n + 1) with an upgrade.
    // Every queue view has an index ending in slaDueAt, so a page sorted by SLA is a bounded
    // walk of one index range (see queue-readers.ts).
    this.version(1).stores({
      cases:
        'id, reference, updatedAt, slaDueAt, buyerId, [status+slaDueAt], [language+slaDueAt], ' +
        '[assigneeKey+slaDueAt], [tsQueue+slaDueAt], [disputed+slaDueAt], [priorityRank+slaDueAt], ' +
        '*searchTokens',
      messages: 'id, [caseId+createdAt]',
      notes: 'id, [caseId+createdAt]',
      actions: 'id, [caseId+createdAt], [status+caseId]',
      externalDisputes: 'id, [caseId+createdAt]',
      events: 'id, [caseId+at]',
      agents: 'id',
      meta: 'key',
      // Within one state, IndexedDB orders by primary key: pending entries come out in seq order.
      outbox: '++seq, &id, state, caseId',
    });
  }
}

export function openReplica(agentId: string, serverUrl?: string): CasedeskDb {
  return new CasedeskDb(agentId, replicaDbName(agentId, serverUrl));
}

/** The tables holding a case's parts, all indexed by [caseId+…]. */
export function partTables(db: CasedeskDb) {
  return [db.messages, db.notes, db.actions, db.externalDisputes, db.events] as const;
}

export type ReplicaTableName =
  'cases' | 'messages' | 'notes' | 'actions' | 'externalDisputes' | 'events' | 'agents';

/**
 * A replica table by name, loosely typed for code that treats all tables alike. Reads the
 * db's own property rather than `db.table(name)`, which returns a second Table instance:
 * stubbing `db.notes` in a test must reach this code too.
 */
export function replicaTable<T = unknown>(
  db: CasedeskDb,
  name: ReplicaTableName,
): Table<T, string> {
  return db[name] as unknown as Table<T, string>;
}
