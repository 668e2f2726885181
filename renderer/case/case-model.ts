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

/** Everything the case view shows, read from the local replica. */
export interface CaseDetail {
  case: Case;
  messages: Message[];
  notes: Note[];
  actions: Action[];
  externalDisputes: ExternalDispute[];
  events: CaseEvent[];
  /** The buyer's other cases and the seller's, from the replica. */
  buyerCases: Case[];
  sellerCases: Case[];
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
  agents: Map<string, Agent>;
  now: Date;
  mutate: Mutate;
}

export const agentName = (ctx: CaseViewContext, id: string | null | undefined): string =>
  id ? (ctx.agents.get(id)?.name ?? 'Unknown agent') : 'Unassigned';
