import type { Mutation, PushResponse } from '../../shared';
import type { CasedeskDb } from '../db/casedesk-db';
import { listPendingEntries } from '../db/outbox-readers';
import type { OutboxEntry } from '../db/replica-types';
import { settlePushResults } from './settle-push-results';
import { TransportError, asTransportError, type SyncTransport } from './sync-transport';

/** The contract's maximum per push. */
export const MAX_PUSH_BATCH = 500;
/**
 * Half the server's 1 MiB body limit, which 500 long replies would exceed; smaller
 * requests also fare better on a flaky connection.
 */
const MAX_PUSH_BYTES = 512 * 1024;
const utf8 = new TextEncoder();

const toMutation = (e: OutboxEntry): Mutation => ({ id: e.id, op: e.op, args: e.args });

function fitToSize(entries: OutboxEntry[]): OutboxEntry[] {
  let bytes = 0;
  const out: OutboxEntry[] = [];
  for (const e of entries) {
    bytes += utf8.encode(JSON.stringify(toMutation(e))).length + 1;
    if (out.length && bytes > MAX_PUSH_BYTES) break;
    out.push(e);
  }
  return out;
}

async function markSent(db: CasedeskDb, batch: OutboxEntry[], at: string): Promise<void> {
  await db.outbox.bulkUpdate(
    batch.map((e) => ({ key: e.seq!, changes: { attempts: e.attempts + 1, lastAttemptAt: at } })),
  );
}

export interface PushOutcome {
  answered: number;
}

/**
 * Sends unsent changes in the order they were made until none is left, and records each
 * answer. A request refused as a whole (e.g. one change the server cannot even parse) is
 * halved until the change responsible stands alone, which then counts as refused — so one
 * bad change never blocks the others and nothing is dropped unseen.
 */
export async function pushPendingMutations(
  db: CasedeskDb,
  transport: SyncTransport,
  opts: { signal?: AbortSignal; now?: () => Date } = {},
): Promise<PushOutcome> {
  let limit = MAX_PUSH_BATCH;
  let answered = 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const batch = fitToSize(await listPendingEntries(db, limit));
    if (!batch.length) return { answered };
    await markSent(db, batch, (opts.now?.() ?? new Date()).toISOString());
    let res: PushResponse;
    try {
      res = await transport.push(batch.map(toMutation));
    } catch (err) {
      const t = asTransportError(err);
      if (t?.failure !== 'refused') throw err;
      if (batch.length > 1) {
        limit = Math.ceil(batch.length / 2);
        continue;
      }
      const error = { code: t.code ?? 'refused', message: t.message };
      res = { results: [{ id: batch[0]!.id, status: 'rejected', error }] };
    }
    const n = await settlePushResults(db, batch, res.results);
    if (n === 0)
      throw new TransportError('protocol', 'The server answered none of the changes sent.');
    answered += n;
  }
}
