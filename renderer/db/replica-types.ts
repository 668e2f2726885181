import type {
  Action,
  ActionStatus,
  Case,
  ExternalDispute,
  Message,
  MutationOp,
  Note,
} from '../../shared';

/** Resolved cases sort after every running clock, and open queues stop just before it. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/**
 * What a row carries while unsent local changes are shown on it. `base` is the server's own
 * version underneath (null: the server has not seen the entity yet), kept so that a refusal
 * can be rolled back without waiting for the network.
 */
export interface LocalOverlay<T> {
  base?: T | null;
  pending?: true;
}

/**
 * Flat copies of what the queues filter and sort on. IndexedDB cannot index null or
 * booleans, hence '' for "unassigned" and 0/1 flags.
 */
export interface CaseIndexFields {
  /** The due time of the clock running now: first response, then resolution; none once resolved. */
  slaDueAt: string;
  assigneeKey: string;
  tsQueue: 0 | 1;
  disputed: 0 | 1;
  /** urgent 0 … low 3, so an ascending sort puts urgent first. */
  priorityRank: 0 | 1 | 2 | 3;
  buyerId: string;
  /** Lower-cased reference, buyer name and email, lot title: what the queue search looks in. */
  search: string;
  /** The words of `search` (and the whole reference and email), indexed for prefix search. */
  searchTokens: string[];
}

export type LocalCase = Case & CaseIndexFields & LocalOverlay<Case>;

/** Never a server status: an action this device has asked for and the server has not answered. */
export type LocalActionStatus = ActionStatus | 'pending_submission';
export type ActionDecision = 'approve' | 'reject' | 'withdraw';

type WithLocalStatus<A> = A extends unknown
  ? Omit<A, 'status'> & { status: LocalActionStatus }
  : never;

/**
 * An action as shown: a proposal not yet accepted by the server is `pending_submission`,
 * and a decision not yet accepted is `pendingDecision` on top of the server's status.
 */
export type ShownAction = WithLocalStatus<Action> & { pendingDecision?: ActionDecision };

export type LocalMessage = Message & LocalOverlay<Message>;
export type LocalNote = Note & LocalOverlay<Note>;
export type LocalAction = ShownAction & LocalOverlay<Action>;
export type LocalDispute = ExternalDispute & LocalOverlay<ExternalDispute>;

/** The server's shape of each table that local changes can touch. */
export interface ServerShapes {
  cases: Case;
  messages: Message;
  notes: Note;
  actions: Action;
  externalDisputes: ExternalDispute;
}
/** The shown (local) shape of each of those tables, before the overlay fields. */
export interface ShownShapes {
  cases: Case;
  messages: Message;
  notes: Note;
  actions: ShownAction;
  externalDisputes: ExternalDispute;
}
export type OverlayTable = keyof ServerShapes;
export interface EntityRef {
  table: OverlayTable;
  id: string;
}

export interface MutationError {
  code: string;
  message: string;
  details?: unknown;
}

export interface OutboxEntry {
  /** Auto-incremented: the order the agent made the changes in, and the order they are sent. */
  seq?: number;
  /** The mutation id, which the server uses as its idempotency key. */
  id: string;
  op: MutationOp;
  args: Record<string, unknown>;
  caseId: string | null;
  state: 'pending' | 'rejected';
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  error: MutationError | null;
}

export type MetaKey = 'cursor' | 'lastSyncAt';
export interface MetaRow {
  key: MetaKey;
  value: string;
}
