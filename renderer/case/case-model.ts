import type { Agent, Case, ExternalDispute, Message, MutationOp, Note } from '../../shared';
import type { PartyFiguresRow } from '../data/party-figures';
import type { ActionRead, AgentRead, EventRead } from '../data/read-schemas';
import type { AccountRef } from '../app/ui-slice';

/** The buyer's and the seller's standing on this device. */
export interface PartyHistory {
  /** The latest 50 other cases of each, newest first. */
  buyerCases: Case[];
  sellerCases: Case[];
  /** All the buyer's cases on this device, this one included. */
  buyerCaseCount: number;
  /** All the seller's cases on this device, this one included: total, open, counterfeit. */
  sellerCounts: { cases: number; open: number; counterfeit: number } | null;
  restrictionActions: ActionRead[];
  /** The service's counts of every case of each party, as last read online. */
  buyerFigures: PartyFiguresRow | null;
  sellerFigures: PartyFiguresRow | null;
}

/** Everything the case view shows, read from the local replica. */
export interface CaseDetail {
  case: Case;
  messages: Message[];
  notes: Note[];
  actions: ActionRead[];
  externalDisputes: ExternalDispute[];
  events: EventRead[];
  /** False: `events` holds only the last days (the rest is read when the case opens online). */
  historyWhole?: boolean;
  /** The buyer's and seller's standing; null while it is still being read. */
  party: PartyHistory | null;
  /** A complaint case: the action it contests and that action's case reference, if on this device. */
  contested?: { action: ActionRead; reference: string | null } | null;
}

/** A queued write that concerns this case, as the outbox shows it. */
export interface PendingChange {
  id: string;
  op: MutationOp;
  args: Record<string, unknown>;
  state: 'pending' | 'rejected';
  error?: string;
}

export type Mutate = (op: MutationOp, args: Record<string, unknown>) => Promise<void>;

export interface CaseViewContext {
  me: Agent;
  agents: Map<string, AgentRead>;
  now: Date;
  mutate: Mutate;
  /** Open cases held per agent on this device; read only for those who may assign. */
  load?: Map<string, number>;
  /** Opens another case in the case view (a reference in the buyer's or seller's history). */
  openCase?: (id: string) => void;
  /** Opens a party's Account view (Trust & Safety and leads; absent for others). */
  openAccount?: (a: AccountRef) => void;
  /** Queues a change held back for `holdMs` (undo time); answers its mutation id. */
  sendHeld?: (op: MutationOp, args: Record<string, unknown>, holdMs: number) => Promise<string>;
  /**
   * The case's replies as the service holds them now (null offline or without an answer in
   * time): a colleague's reply the device has not pulled yet still warns before sending.
   */
  repliesOnService?: (
    caseId: string,
  ) => Promise<readonly Pick<Message, 'id' | 'to' | 'authorId' | 'createdAt'>[] | null>;
  /** Takes back a held change: false if it was already on its way. */
  undoHeld?: (mutationId: string) => Promise<boolean>;
  /** Takes a refused change off the list (and out of the outbox). */
  dismissRefusal?: (id: string) => void;
}

export const agentName = (ctx: CaseViewContext, id: string | null | undefined): string =>
  id ? (ctx.agents.get(id)?.name ?? 'Unknown agent') : 'Unassigned';
