import Dexie, { type EntityTable } from 'dexie';
import { toCase, toLocalCase } from './local-case';
import type { DraftRow } from './drafts';
import type { PartyFiguresRow } from './party-figures';
import { searchTokensOf } from './search-words';
import type { Case, ExternalDispute, Message, MutationOp, Note } from '../../shared';
import type { ActionRead, AgentRead, EventRead } from './read-schemas';
import { COUNTS_READY, countsMiddleware, tally, type CountRow } from './view-counts';

/**
 * A case as kept on this device: the server's case plus flat fields for the queue indexes,
 * and, while local changes wait in the outbox, the server's own version of it (`server`)
 * to rebase them on. IndexedDB cannot index null or booleans, and leaves a record out of
 * an index whose fields it lacks: so the view flags are 1 or absent, and each index holds
 * only the cases its view can show (resolved cases sit in none of the queue ranges).
 */
export interface LocalCase extends Case {
  slaDueAt: string;
  open?: 1;
  assigneeKey: string;
  tsQueue?: 1;
  approvals?: 1;
  disputed?: 1;
  /** Open complaint cases (issue 17): the Appeals view. */
  appeal?: 1;
  /** Resolved cases only: the assignee ('' for none) and the language, for finding them. */
  closedBy?: string;
  closedIn?: string;
  buyerId: string;
  sellerId?: string;
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
  /** Not sent before this time (a reply's few seconds to undo it); nothing behind it either. */
  holdUntil?: string;
}

/**
 * A change from the service this client could not read (an entity type it does not know,
 * or data its schemas refuse): kept with its raw data and the reason, shown to the agent,
 * and replaced when a readable change for the same entity arrives. The replica keeps the
 * last readable version of that entity, if it had one.
 */
export interface SetAsideRow {
  /** `entity:id`: one row per entity, the latest unreadable change wins. */
  key: string;
  entity: string;
  id: string;
  /** The case it belongs to, where the raw data names one: dropped with the case. */
  caseId?: string;
  op: string;
  data: unknown;
  reason: string;
  receivedAt: string;
}

export interface MetaRow {
  key: 'cursor' | 'lastSyncAt' | 'agent' | 'firstSync' | 'historySince';
  value: unknown;
}

/**
 * A case whose whole history (its audit events) is on this device: read from the service
 * when the case was opened online. Only replicas whose first sync left older history out
 * (meta `historySince`, the time from which it brought every event) need these.
 */
export interface HistoryRow {
  caseId: string;
  at: string;
}

/**
 * A first sync under way (meta `firstSync`, written with each page it applies, gone when it
 * is done): the cases received so far and about how many it brings (null: not said).
 */
export interface FirstSyncProgress {
  received: number;
  expected: number | null;
}

export type ReplicaDb = Dexie & {
  cases: EntityTable<LocalCase, 'id'>;
  messages: EntityTable<Local<Message>, 'id'>;
  notes: EntityTable<Local<Note>, 'id'>;
  actions: EntityTable<Local<ActionRead>, 'id'>;
  disputes: EntityTable<Local<ExternalDispute>, 'id'>;
  events: EntityTable<EventRead, 'id'>;
  agents: EntityTable<AgentRead, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  setAside: EntityTable<SetAsideRow, 'key'>;
  counts: EntityTable<CountRow, 'key'>;
  figures: EntityTable<PartyFiguresRow, 'key'>;
  drafts: EntityTable<DraftRow, 'caseId'>;
  inboxRead: EntityTable<{ id: string; at: string }, 'id'>;
  histories: EntityTable<HistoryRow, 'caseId'>;
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
  // Flags 1 or absent (was 1 or 0) and no redundant search words: fewer index entries per
  // case, so a first sync writes faster. Reads never asked for 0, so old rows stay correct.
  db.version(4).upgrade((tx) =>
    tx
      .table<LocalCase>('cases')
      .toCollection()
      .modify((c, ref) => {
        ref.value = toLocalCase(toCase(c), c.approvals === 1, c.server);
      }),
  );
  // Buyer and seller history: the latest cases first, and true counts however many there
  // are — a seller can have thousands — with the seller's open and counterfeit ones.
  db.version(5).stores({
    // Restrictions in force come from executed restrict_account actions: few, found directly.
    actions: 'id, caseId, [caseId+status], status, [type+status]',
    cases:
      'id, reference, updatedAt, [buyerId+createdAt], [sellerId+createdAt], [sellerId+open], [sellerId+topic], [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], *searchTokens',
  });
  // The team queue filtered by status, priority, topic or channel, in the agent's languages,
  // counted and paged from index keys alone (open cases only: resolved ones have no `open`).
  db.version(6).stores({
    cases:
      'id, reference, updatedAt, [buyerId+createdAt], [sellerId+createdAt], [sellerId+open], [sellerId+topic], [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [open+status+language+slaDueAt], [open+priority+language+slaDueAt], [open+topic+language+slaDueAt], [open+channel+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], *searchTokens',
  });
  // What the service sent that this client could not read, set aside instead of stopping sync.
  db.version(7).stores({ setAside: 'key, caseId' });
  // Each queue's count kept as cases change, in the same transaction (view-counts.ts):
  // counting a view's range on disk took hundreds of milliseconds, ahead of every read.
  db.version(8).stores({ counts: 'key' });
  // A seller's standing (cases, open, counterfeit) is kept in the counts table too: counting
  // a big seller's index ranges held up every read behind it when a case opened. Their two
  // indexes go (fewer index entries for each case a sync writes), and the counts are
  // rebuilt once on open to hold the new buckets.
  db.version(9)
    .stores({
      cases:
        'id, reference, updatedAt, [buyerId+createdAt], [sellerId+createdAt], [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [open+status+language+slaDueAt], [open+priority+language+slaDueAt], [open+topic+language+slaDueAt], [open+channel+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], *searchTokens',
    })
    .upgrade((tx) => tx.table<CountRow, string>('counts').delete(COUNTS_READY));
  // Resolved cases found again: "My cases" or the team queue filtered to Resolved read one
  // range per agent or language, newest first, and are counted from kept counts (rebuilt
  // once on open to hold their buckets). Only resolved cases carry these fields.
  db.version(10)
    .stores({
      cases:
        'id, reference, updatedAt, [buyerId+createdAt], [sellerId+createdAt], [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [open+status+language+slaDueAt], [open+priority+language+slaDueAt], [open+topic+language+slaDueAt], [open+channel+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], [closedBy+updatedAt], [closedIn+updatedAt], *searchTokens',
    })
    .upgrade(async (tx) => {
      await tx
        .table<LocalCase>('cases')
        .filter((c) => c.open !== 1)
        .modify((c, ref) => {
          ref.value = toLocalCase(toCase(c), c.approvals === 1, c.server);
        });
      await tx.table<CountRow, string>('counts').delete(COUNTS_READY);
    });
  // The service's figures for buyers and sellers, kept for offline (party-figures.ts).
  db.version(11).stores({ figures: 'key' });
  // Dead webhook deliveries are told to leads from the events that record them: found by type.
  db.version(12).stores({ events: 'id, caseId, type' });
  // Disputes whose answer comes due are told from a range of the unanswered ones by date.
  db.version(15).stores({ disputes: 'id, caseId, [status+responseDueAt]' });
  // Unsent reply and note texts by case, kept across reloads and restarts (drafts.ts);
  // the Notifications list reads each kind of event of the last days by time, and keeps
  // which of them this agent has read (inbox.ts).
  db.version(17).stores({
    drafts: 'caseId',
    events: 'id, caseId, type, [type+at]',
    inboxRead: 'id',
  });
  // Appeals (issue 17): open complaint cases by their clock. No replica before this one
  // could hold a complaint case (its topic was unknown, so set aside), so none needs marking.
  db.version(18).stores({
    cases:
      'id, reference, updatedAt, [buyerId+createdAt], [sellerId+createdAt], [assigneeKey+open+slaDueAt], [open+slaDueAt], [open+language+slaDueAt], [open+status+language+slaDueAt], [open+priority+language+slaDueAt], [open+topic+language+slaDueAt], [open+channel+language+slaDueAt], [tsQueue+slaDueAt], [approvals+slaDueAt], [disputed+slaDueAt], [appeal+slaDueAt], [closedBy+updatedAt], [closedIn+updatedAt], *searchTokens',
  });
  // A first sync brings only recent history (issue 15: at 100,000 cases the events
  // outnumbered the cases four to one); a case's whole history is read when it opens
  // online and kept, so that it opens offline later. Which cases have it is kept here.
  db.version(19).stores({ histories: 'caseId' });
  db.use(countsMiddleware);
  // A replica from before version 8, or one filled from outside, is counted once on open
  // (every case read, one at a time); later writes keep the counts exact.
  db.on('ready', (vip) => {
    const d = vip as ReplicaDb;
    return d.counts.get(COUNTS_READY).then((ready) => {
      if (ready) return;
      return d.transaction('rw', d.cases, d.counts, async () => {
        const t = tally();
        await d.cases.each((c) => t.add(c));
        await d.counts.clear();
        await d.counts.bulkPut([...t.rows(), { key: COUNTS_READY, n: 1 }]);
      });
    });
  });
  return db;
}
