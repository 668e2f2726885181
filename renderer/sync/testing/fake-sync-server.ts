import type {
  Action,
  Agent,
  Case,
  Mutation,
  MutationResult,
  Note,
  PullResponse,
  PushResponse,
  SyncChange,
  SyncEntity,
} from '../../../shared';
import { TransportError, type SyncTransport } from '../sync-transport';

type Err = NonNullable<MutationResult['error']>;
type Entities = Map<string, Record<string, unknown>>;
type Executed = { result: unknown } | { error: Err };

const refuse = (code: string, message: string): { error: Err } => ({ error: { code, message } });

/**
 * The server's sync semantics, simply: a change log (each change read back as the entity's
 * latest state), mutation ids remembered with their first answer (so a re-send is a
 * `duplicate`), refusals on demand, going offline, and losing a push's response after
 * applying part of it. Counts calls in flight, to catch two syncs running at once.
 */
export class FakeSyncServer implements SyncTransport {
  readonly store: Record<SyncEntity, Entities> = {
    case: new Map(),
    message: new Map(),
    note: new Map(),
    action: new Map(),
    external_dispute: new Map(),
    event: new Map(),
    agent: new Map(),
  };
  private log: { entity: SyncEntity; id: string }[] = [];
  private epoch = 1;
  private answers = new Map<string, Executed>();
  private listeners = new Set<() => void>();
  /** Every mutation the server executed, once each. */
  readonly executed: Mutation[] = [];
  offline = false;
  /** Refuse these mutation ids with this error. */
  readonly refuseIds = new Map<string, Err>();
  /** Execute this many mutations of the next push, then lose the response. */
  crashAfter: number | null = null;
  /** Awaited inside every call, to hold calls open in tests. */
  delay: () => Promise<void> = async () => {};
  calls = { pull: 0, push: 0 };
  inFlight = 0;
  maxInFlight = 0;

  constructor(readonly agent: Agent) {
    this.put('agent', agent as unknown as Record<string, unknown>);
  }

  put(entity: SyncEntity, data: Record<string, unknown>): void {
    this.store[entity].set(data.id as string, data);
    this.log.push({ entity, id: data.id as string });
  }

  /** What the stream sends after a change; explicit here, so tests decide when. */
  poke(): void {
    for (const l of this.listeners) l();
  }

  remove(entity: SyncEntity, id: string): void {
    this.store[entity].delete(id);
    this.log.push({ entity, id });
  }

  /** Another client's change to a case: bumps its version as the real server does. */
  changeCase(id: string, patch: Partial<Case>): Case {
    const c = this.store.case.get(id) as unknown as Case;
    const next = { ...c, ...patch, version: c.version + 1, updatedAt: new Date().toISOString() };
    this.put('case', next);
    return next;
  }

  private async enter<T>(run: () => T): Promise<T> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.delay();
      if (this.offline) throw new TypeError('Failed to fetch');
      return run();
    } finally {
      this.inFlight--;
    }
  }

  /** Refuse every cursor handed out so far, as a server restored from a backup would. */
  forgetCursors(): void {
    this.epoch++;
  }

  pull(cursor: string | null, limit: number): Promise<PullResponse> {
    this.calls.pull++;
    return this.enter(() => {
      const [epoch, at] = (cursor ?? `${this.epoch}:0`).split(':').map(Number);
      if (epoch !== this.epoch) {
        throw new TransportError('refused', 'Unknown cursor.', 400, 'validation_failed');
      }
      const from = at!;
      const slice = this.log.slice(from, from + limit);
      const changes: SyncChange[] = slice.map(({ entity, id }) => {
        const data = this.store[entity].get(id) ?? null;
        return { entity, id, op: data ? 'upsert' : 'delete', data };
      });
      const end = from + slice.length;
      return { changes, cursor: `${this.epoch}:${end}`, hasMore: end < this.log.length };
    });
  }

  push(mutations: Mutation[]): Promise<PushResponse> {
    this.calls.push++;
    return this.enter(() => {
      const results: MutationResult[] = [];
      mutations.forEach((m, i) => {
        if (this.crashAfter !== null && i >= this.crashAfter) {
          this.crashAfter = null;
          throw new TypeError('Failed to fetch');
        }
        const first = this.answers.get(m.id);
        const answer = first ?? this.execute(m);
        if (!first) this.answers.set(m.id, answer);
        const status = first ? 'duplicate' : 'error' in answer ? 'rejected' : 'applied';
        results.push({ id: m.id, status, ...answer });
      });
      if (this.crashAfter !== null) {
        this.crashAfter = null;
        throw new TypeError('Failed to fetch');
      }
      return { results };
    });
  }

  subscribe(onPoke: () => void): () => void {
    this.listeners.add(onPoke);
    return () => this.listeners.delete(onPoke);
  }

  private execute(m: Mutation): Executed {
    const refusal = this.refuseIds.get(m.id);
    if (refusal) return { error: refusal };
    const a = m.args as Record<string, string>;
    const c = this.store.case.get(a.caseId ?? '') as unknown as Case | undefined;
    const out = this.run(m, a, c);
    if ('result' in out) this.executed.push(m);
    return out;
  }

  private run(m: Mutation, a: Record<string, string>, c: Case | undefined): Executed {
    const now = new Date().toISOString();
    const me = this.agent.id;
    if (m.op.startsWith('case.') && !c) return refuse('not_found', 'No such case.');
    switch (m.op) {
      case 'case.claim':
        if (c!.assigneeId && c!.assigneeId !== me) {
          return refuse('already_assigned', 'Someone else has claimed this case.');
        }
        return {
          result: this.changeCase(c!.id, {
            assigneeId: me,
            status: c!.status === 'new' ? 'open' : c!.status,
          }),
        };
      case 'case.priority':
        return { result: this.changeCase(c!.id, { priority: a.priority as Case['priority'] }) };
      case 'case.note': {
        const note: Note = {
          id: a.id!,
          caseId: c!.id,
          authorId: me,
          body: a.body!,
          createdAt: now,
        };
        this.put('note', note as unknown as Record<string, unknown>);
        this.changeCase(c!.id, {});
        return { result: note };
      }
      case 'case.message': {
        const msg = {
          id: a.id!,
          caseId: c!.id,
          to: a.to,
          authorId: me,
          body: a.body,
          createdAt: now,
        };
        this.put('message', msg);
        return { result: msg };
      }
      case 'case.action':
        return this.propose(m.args as Record<string, unknown>, c!, now);
      case 'action.approve':
        return this.approve(a.actionId!, now);
      default:
        return refuse('validation_failed', `The fake server does not know ${m.op}.`);
    }
  }

  private propose(args: Record<string, unknown>, c: Case, now: string): Executed {
    const { caseId: _c, id, ...body } = args;
    const amount = (body.amount as { amount: number } | undefined)?.amount ?? 0;
    if (amount > c.order!.refundable.amount) {
      return refuse('refund_exceeds_refundable', 'More than what is still refundable.');
    }
    const executes = body.type === 'refund' && amount <= this.agent.refundLimit.amount;
    const action = {
      ...body,
      id,
      caseId: c.id,
      status: executes ? 'executed' : 'pending_approval',
      proposedBy: this.agent.id,
      approvedBy: null,
      rejectedBy: null,
      rejectionReason: null,
      createdAt: now,
      decidedAt: executes ? now : null,
    } as unknown as Action;
    this.put('action', action as unknown as Record<string, unknown>);
    this.moveMoney(c, amount, executes);
    return { result: action };
  }

  private approve(actionId: string, now: string): Executed {
    const action = this.store.action.get(actionId) as unknown as Action | undefined;
    if (!action) return refuse('not_found', 'No such action.');
    if (action.status !== 'pending_approval') return refuse('action_not_pending', 'Not pending.');
    const next = { ...action, status: 'executed', approvedBy: this.agent.id, decidedAt: now };
    this.put('action', next as unknown as Record<string, unknown>);
    if (action.type === 'refund') {
      const c = this.store.case.get(action.caseId) as unknown as Case;
      this.changeCase(c.id, {
        order: {
          ...c.order!,
          refundedAmount: {
            ...c.order!.refundedAmount,
            amount: c.order!.refundedAmount.amount + action.amount.amount,
          },
        },
      });
    }
    return { result: next };
  }

  private moveMoney(c: Case, amount: number, executed: boolean): void {
    const o = c.order!;
    this.changeCase(c.id, {
      order: {
        ...o,
        refundable: { ...o.refundable, amount: o.refundable.amount - amount },
        refundedAmount: {
          ...o.refundedAmount,
          amount: o.refundedAmount.amount + (executed ? amount : 0),
        },
      },
    });
  }
}
