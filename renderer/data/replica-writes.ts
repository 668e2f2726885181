import type { Agent, Case, MutationOp } from '../../shared';
import { hasPendingApproval, toCase, toLocalCase } from './local-case';
import { applyToCase, caseIdOf, optimisticPart } from './optimistic';
import type { ActionRead, AgentRead, EventRead, MutationResultRead } from './read-schemas';
import type { FirstSyncProgress, LocalCase, OutboxEntry, ReplicaDb } from './replica-db';
import { recordSetAside } from './set-aside';
import type { CheckedChanges } from './validate-changes';

const PART_TABLE = {
  message: 'messages',
  note: 'notes',
  action: 'actions',
  external_dispute: 'disputes',
  event: 'events',
} as const;

/**
 * Puts a case back together: the server's version with every still-pending local change
 * on top. Called whenever either side moves, so a refusal rolls back to the server's truth.
 */
export async function rebaseCase(
  db: ReplicaDb,
  caseId: string,
  me: Agent,
  serverCase?: Case,
): Promise<void> {
  const local = await db.cases.get(caseId);
  const base = serverCase ?? local?.server ?? (local ? toCase(local) : null);
  if (!base) return;
  const pending = await db.outbox
    .where('caseId')
    .equals(caseId)
    .filter((e) => e.state === 'pending')
    .sortBy('seq');
  const actions = (await db.actions.where('caseId').equals(caseId).toArray()) as ActionRead[];
  const shown = pending.reduce((c, e) => applyToCase(c, e, me), base);
  await db.cases.put(
    toLocalCase(
      shown,
      hasPendingApproval(actions.filter((a) => !('pending' in a))),
      pending.length ? base : undefined,
    ),
  );
}

async function caseIdFor(
  db: ReplicaDb,
  op: MutationOp,
  args: Record<string, unknown>,
): Promise<string | null> {
  const direct = caseIdOf({ op, args });
  if (direct) return direct;
  if (typeof args.actionId === 'string')
    return (await db.actions.get(args.actionId))?.caseId ?? null;
  if (typeof args.disputeId === 'string')
    return (await db.disputes.get(args.disputeId))?.caseId ?? null;
  return null;
}

/** Every write the workspace makes: first into the outbox, then shown at once. */
export async function enqueueMutation(
  db: ReplicaDb,
  me: Agent,
  op: MutationOp,
  args: Record<string, unknown>,
  now = new Date(),
  holdMs = 0,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.transaction(
    'rw',
    [db.outbox, db.cases, db.messages, db.notes, db.actions, db.disputes],
    async () => {
      const caseId = await caseIdFor(db, op, args);
      await db.outbox.add({
        id,
        op,
        args,
        caseId,
        state: 'pending',
        attempts: 0,
        createdAt: now.toISOString(),
        ...(holdMs > 0 ? { holdUntil: new Date(now.getTime() + holdMs).toISOString() } : {}),
      });
      const part = optimisticPart({ op, args }, me, now);
      if (part) await (db[part.table] as ReplicaDb['notes']).put(part.row as never);
      if (caseId) await rebaseCase(db, caseId, me);
    },
  );
  return id;
}

type PartTable = (typeof PART_TABLE)[keyof typeof PART_TABLE];

/**
 * Applies one pulled batch and its cursor in one transaction: all of it or none. What the
 * batch held that could not be read is set aside in the same transaction, so the cursor
 * moves past it without losing it. Hot path of a first sync, so rows go in with bulk
 * writes; only cases with local changes waiting are rebased one by one. A first sync's
 * progress goes with its page (`firstSync`; null: the first sync is done).
 */
export async function applyServerChanges(
  db: ReplicaDb,
  checked: CheckedChanges,
  cursor: string,
  me: Agent,
  now = new Date(),
  firstSync?: FirstSyncProgress | null,
): Promise<void> {
  const tables = [
    db.cases,
    db.messages,
    db.notes,
    db.actions,
    db.disputes,
    db.events,
    db.agents,
    db.meta,
    db.outbox,
    db.setAside,
    db.histories,
  ];
  await db.transaction('rw', tables, async () => {
    const changes = checked.readable;
    // The last word per entity wins; null means delete.
    const cases = new Map<string, Case | null>();
    const agents = new Map<string, AgentRead | null>();
    const parts = new Map<PartTable, Map<string, { caseId: string } | null>>();
    for (const ch of changes) {
      if (ch.entity === 'agent') agents.set(ch.id, ch.data);
      else if (ch.entity === 'case') cases.set(ch.id, ch.data);
      else {
        const t = PART_TABLE[ch.entity];
        if (!parts.has(t)) parts.set(t, new Map());
        parts.get(t)!.set(ch.id, ch.data);
      }
    }

    const upsertAgents = [...agents.values()].filter((a): a is AgentRead => a !== null);
    await db.agents.bulkPut(upsertAgents);
    await db.agents.bulkDelete([...agents].filter(([, a]) => a === null).map(([id]) => id));

    const gone = [...cases].filter(([, c]) => c === null).map(([id]) => id);
    await recordSetAside(db, checked, gone, now);
    if (gone.length) {
      await db.cases.bulkDelete(gone);
      for (const t of [
        db.messages,
        db.notes,
        db.actions,
        db.disputes,
        db.events,
      ] as ReplicaDb['notes'][]) {
        await t.where('caseId').anyOf(gone).delete();
      }
      await db.histories.bulkDelete(gone);
    }

    const flagCases = new Set<string>();
    for (const [t, rows] of parts) {
      const table = db[t] as ReplicaDb['notes'];
      const puts = [...rows.values()].filter((r): r is { caseId: string } => r !== null);
      await table.bulkPut(puts as never[]);
      await table.bulkDelete([...rows].filter(([, r]) => r === null).map(([id]) => id));
      if (t === 'actions') for (const r of puts) flagCases.add(r.caseId);
    }

    const upserts = [...cases].filter((e): e is [string, Case] => e[1] !== null);
    for (const [id] of upserts) flagCases.delete(id);
    const awaiting = await pendingApprovalCases(db, [...upserts.map(([id]) => id), ...flagCases]);
    const rebase = new Set(
      (await db.outbox.where('state').equals('pending').toArray())
        .map((e) => e.caseId)
        .filter((id): id is string => !!id),
    );
    await db.cases.bulkPut(
      upserts.filter(([id]) => !rebase.has(id)).map(([id, c]) => toLocalCase(c, awaiting.has(id))),
    );
    for (const [id, c] of upserts) if (rebase.has(id)) await rebaseCase(db, id, me, c);
    // Cases whose actions changed without the case itself: refresh the approvals flag.
    const stale = (await db.cases.bulkGet([...flagCases])).filter((c): c is LocalCase => !!c);
    await db.cases.bulkPut(
      stale.map(({ approvals: _, ...c }) => (awaiting.has(c.id) ? { ...c, approvals: 1 } : c)),
    );

    await db.meta.bulkPut([
      { key: 'cursor', value: cursor },
      { key: 'lastSyncAt', value: now.toISOString() },
      ...(firstSync ? [{ key: 'firstSync' as const, value: firstSync }] : []),
    ]);
    if (firstSync === null) await db.meta.delete('firstSync');
  });
}

/** Which of these cases have an action (confirmed by the server) awaiting approval. */
async function pendingApprovalCases(db: ReplicaDb, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db.actions
    .where('[caseId+status]')
    .anyOf(caseIds.map((id) => [id, 'pending_approval']))
    .toArray();
  return new Set(rows.filter((a) => !('pending' in a)).map((a) => a.caseId));
}

const RESULT_TABLE: Partial<Record<MutationOp, 'messages' | 'notes' | 'actions' | 'disputes'>> = {
  'case.message': 'messages',
  'case.note': 'notes',
  'case.action': 'actions',
  'action.approve': 'actions',
  'action.reject': 'actions',
  'action.withdraw': 'actions',
  'action.lift': 'actions',
  'dispute.create': 'disputes',
  'dispute.update': 'disputes',
};

const KNOWN_RESULT_STATUSES = new Set<string>(['applied', 'duplicate', 'rejected']);

/**
 * Records the server's answers. An answered mutation leaves the outbox together with the
 * state the server returned for it; a refused one stays, marked, until the agent dismisses
 * it — and its optimistic effects give way to the server's truth.
 */
export async function settlePushResults(
  db: ReplicaDb,
  sent: OutboxEntry[],
  results: MutationResultRead[],
  me: Agent,
): Promise<void> {
  const byId = new Map(results.map((r) => [r.id, r]));
  await db.transaction(
    'rw',
    [db.outbox, db.cases, db.messages, db.notes, db.actions, db.disputes],
    async () => {
      const touched = new Map<string, Case | undefined>();
      for (const e of sent) {
        const r = byId.get(e.id);
        // No answer, or one this client cannot read yet: still pending, sent again later.
        if (!r || !KNOWN_RESULT_STATUSES.has(r.status)) continue;
        const refused = r.status === 'rejected' || (r.status === 'duplicate' && r.error);
        if (refused) {
          await db.outbox.update(e.seq!, {
            state: 'rejected',
            error: r.error ?? { code: 'rejected', message: 'Refused' },
          });
          const optimistic = typeof e.args.id === 'string' ? e.args.id : null;
          const table = RESULT_TABLE[e.op];
          if (optimistic && table && e.op !== 'dispute.update') {
            const t = db[table] as ReplicaDb['notes'];
            const row = (await t.get(optimistic)) as { pending?: boolean } | undefined;
            if (row?.pending) await t.delete(optimistic);
          }
        } else {
          await db.outbox.delete(e.seq!);
          const table = RESULT_TABLE[e.op];
          if (table && r.result) await (db[table] as ReplicaDb['notes']).put(r.result as never);
          if (!table && r.result && (r.result as Case).reference) {
            touched.set((r.result as Case).id, r.result as Case);
            continue;
          }
          // The server did this to the case as well but answered with something else (a
          // reply, a note): until a pull brings the case as the server has it now, show the
          // case with the change done — a reply's stopped clock must not start again.
          const base = e.caseId && (touched.get(e.caseId) ?? (await serverVersion(db, e.caseId)));
          if (base) {
            touched.set(base.id, applyToCase(base, e, me));
            continue;
          }
        }
        if (e.caseId && !touched.has(e.caseId)) touched.set(e.caseId, undefined);
      }
      for (const [caseId, serverCase] of touched) await rebaseCase(db, caseId, me, serverCase);
    },
  );
}

/** The case as the server last described it, as far as this device knows. */
async function serverVersion(db: ReplicaDb, caseId: string): Promise<Case | undefined> {
  const local = await db.cases.get(caseId);
  return local && (local.server ?? toCase(local));
}

/** The agent has read a refusal: drop it from the outbox (its effects are already undone). */
/**
 * Takes back a change still held (a reply within its seconds to undo): out of the outbox,
 * and what it showed at once with it. False when it is no longer held — then it may
 * already be on its way, and it stays.
 */
export async function withdrawHeld(
  db: ReplicaDb,
  mutationId: string,
  me: Agent,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(
    'rw',
    [db.outbox, db.cases, db.messages, db.notes, db.actions, db.disputes],
    async () => {
      const e = await db.outbox.where('id').equals(mutationId).first();
      if (!e || e.state !== 'pending' || !e.holdUntil || new Date(e.holdUntil) <= now) {
        return false;
      }
      await db.outbox.where('id').equals(mutationId).delete();
      const part = optimisticPart({ op: e.op, args: e.args }, me, now);
      if (part) await (db[part.table] as ReplicaDb['notes']).delete(part.row.id as string);
      if (e.caseId) await rebaseCase(db, e.caseId, me);
      return true;
    },
  );
}

export async function dismissRejected(db: ReplicaDb, mutationId: string): Promise<void> {
  await db.outbox.where('id').equals(mutationId).delete();
}

/**
 * Empties everything the server sent, keeping the outbox (what the agent did and the
 * server has not yet confirmed): the next pull starts from the beginning.
 */
export async function resetReplica(db: ReplicaDb): Promise<void> {
  const tables = [
    db.cases,
    db.messages,
    db.notes,
    db.actions,
    db.disputes,
    db.events,
    db.agents,
    db.setAside,
  ];
  await db.transaction('rw', [...tables, db.meta, db.histories], async () => {
    for (const t of tables) await t.clear();
    await db.histories.clear();
    await db.meta.bulkDelete(['cursor', 'firstSync', 'historySince']);
  });
}

/**
 * Keeps a case's whole history as the service just told it (the case opened online): its
 * events, and that this device now has them all, so the case opens whole offline too.
 * Only for a case the replica holds (sync would never update or remove the parts of one it
 * does not), and only once. The case is looked for in a read of its own: a write
 * transaction over `cases` would queue the agent's next change (a note, a claim, written
 * with the case) behind this one.
 */
export async function keepCaseHistory(
  db: ReplicaDb,
  caseId: string,
  events: EventRead[],
  now = new Date(),
): Promise<void> {
  // Kept once is kept: every event since has come by sync, so a later open writes nothing.
  const [held, kept] = await Promise.all([db.cases.get(caseId), db.histories.get(caseId)]);
  if (!held || kept) return;
  await db.transaction('rw', [db.events, db.histories], async () => {
    await db.events.bulkPut(events.filter((e) => e.caseId === caseId));
    await db.histories.put({ caseId, at: now.toISOString() });
  });
}
