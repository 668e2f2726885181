import type { Agent, Mutation } from '../../shared';
import type { OutboxEntry, ReplicaDb } from './replica-db';
import { settlePushResults } from './replica-writes';
import type { SyncTransport } from './sync-transport';

const PUSH_BATCH = 500;
// The service takes at most 1 MiB per request; stay well under it, whatever the bodies.
export const PUSH_BYTES = 800_000;

/**
 * The first mutations of the outbox that fit in one request: at most 500, under 800 kB,
 * and none from a change still held back (nor after it: the outbox goes out in order).
 */
export function pushBatch<T extends { args: unknown; holdUntil?: string }>(
  pending: T[],
  now = new Date(),
): T[] {
  const batch: T[] = [];
  let bytes = 0;
  for (const e of pending) {
    if (e.holdUntil && new Date(e.holdUntil) > now) break;
    const size = JSON.stringify(e.args).length * 3 + 200; // UTF-8: at most 3 bytes per unit
    if (batch.length > 0 && (batch.length >= PUSH_BATCH || bytes + size > PUSH_BYTES)) break;
    batch.push(e);
    bytes += size;
  }
  return batch;
}

/**
 * Sends the outbox in order, a request at a time, recording each answer before the next
 * request: an entry leaves the outbox only once the service has answered for it. Answers
 * when the first change still held back may go (null if none is).
 */
export async function pushOutbox(
  db: ReplicaDb,
  transport: SyncTransport,
  me: Agent,
  hooks: { sending: () => Promise<void>; stopped: () => boolean },
): Promise<Date | null> {
  for (;;) {
    const pending: OutboxEntry[] = await db.outbox.where('state').equals('pending').sortBy('seq');
    const sending = pushBatch(pending);
    if (sending.length === 0) {
      const held = pending.find((e) => e.holdUntil);
      return held?.holdUntil ? new Date(held.holdUntil) : null;
    }
    await hooks.sending();
    const mutations: Mutation[] = sending.map((e) => ({ id: e.id, op: e.op, args: e.args }));
    const { results } = await transport.push(mutations);
    await settlePushResults(db, sending, results, me);
    if (hooks.stopped()) return null;
    // An answer this client could not read (a newer service's status) or none at all
    // leaves its mutation pending: sent again on the next sync, not in a loop now.
    const unsettled = await db.outbox
      .where('id')
      .anyOf(sending.map((e) => e.id))
      .filter((e) => e.state === 'pending')
      .count();
    if (unsettled > 0) return null;
  }
}
