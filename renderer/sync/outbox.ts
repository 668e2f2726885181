import type { MutationOp } from '../../shared';
import type { CasedeskDb } from '../db/casedesk-db';
import { findOutboxEntry, listPendingEntries } from '../db/outbox-readers';
import type { OutboxEntry } from '../db/replica-types';
import { mutationTargets, parseMutationArgs, type MutationArgs } from './mutation-args';
import { rebaseEntities } from './rebase-entities';
import { StorageFullError, isQuotaError } from './storage';

export interface EnqueuedMutation {
  mutationId: string;
  /** The id of what a creating op (note, reply, action, dispute) makes. */
  entityId: string | null;
}

/** The tables a local change writes: the outbox and every table it can show itself in. */
export const overlayTables = (db: CasedeskDb) => [
  db.outbox,
  db.cases,
  db.messages,
  db.notes,
  db.actions,
  db.externalDisputes,
];

async function addToOutbox(
  db: CasedeskDb,
  op: MutationOp,
  args: Record<string, unknown>,
  now: Date,
): Promise<EnqueuedMutation> {
  // Only Dexie promises may be awaited first in a transaction, or Dexie loses track of it.
  const owner =
    typeof args.actionId === 'string'
      ? db.actions.get(args.actionId)
      : typeof args.disputeId === 'string'
        ? db.externalDisputes.get(args.disputeId)
        : null;
  const entry: OutboxEntry = {
    id: crypto.randomUUID(),
    op,
    args,
    caseId: typeof args.caseId === 'string' ? args.caseId : ((await owner)?.caseId ?? null),
    state: 'pending',
    createdAt: now.toISOString(),
    attempts: 0,
    lastAttemptAt: null,
    error: null,
  };
  await db.outbox.add(entry);
  await rebaseEntities(db, mutationTargets(entry), await listPendingEntries(db));
  return { mutationId: entry.id, entityId: typeof args.id === 'string' ? args.id : null };
}

async function writeLocally<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw isQuotaError(err) ? new StorageFullError() : err;
  }
}

/**
 * Every write the workspace makes: committed to the outbox and shown in the replica in one
 * transaction, so a change is either durable and visible or (on a refused write, e.g. a
 * full disk) neither. Invalid args throw before anything is written.
 */
export async function enqueueMutation<Op extends MutationOp>(
  db: CasedeskDb,
  op: Op,
  args: MutationArgs<Op>,
  now = new Date(),
): Promise<EnqueuedMutation> {
  const parsed = parseMutationArgs(op, args);
  return writeLocally(() =>
    db.transaction('rw', overlayTables(db), () => addToOutbox(db, op, parsed, now)),
  );
}

/** The agent has read a refusal. Its effects were undone when it was refused. */
export async function dismissRejected(db: CasedeskDb, mutationId: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const e = await findOutboxEntry(db, mutationId);
    if (e?.state !== 'rejected') return false;
    await db.outbox.delete(e.seq!);
    return true;
  });
}

/**
 * Sends a refused change again, as it was or edited. It needs a new mutation id: the server
 * answers the old one from its record (the refusal) forever.
 */
export function retryRejected(
  db: CasedeskDb,
  mutationId: string,
  args?: Record<string, unknown>,
  now = new Date(),
): Promise<EnqueuedMutation | null> {
  return writeLocally(() =>
    db.transaction('rw', overlayTables(db), async () => {
      const e = await findOutboxEntry(db, mutationId);
      if (e?.state !== 'rejected') return null;
      const parsed = parseMutationArgs(e.op, args ?? e.args);
      await db.outbox.delete(e.seq!);
      return addToOutbox(db, e.op, parsed, now);
    }),
  );
}
