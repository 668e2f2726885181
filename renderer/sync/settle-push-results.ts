import type { z } from 'zod';
import { Action, Case, ExternalDispute, Message, Note, type MutationResult } from '../../shared';
import { replicaTable, type CasedeskDb } from '../db/casedesk-db';
import { listPendingEntries } from '../db/outbox-readers';
import type { EntityRef, OutboxEntry, OverlayTable, ServerShapes } from '../db/replica-types';
import { mutationTargets, resultTable } from './mutation-args';
import { overlayTables } from './outbox';
import { rebaseEntities, serverTruth, toRow } from './rebase-entities';

const RESULT_SCHEMAS = {
  cases: Case,
  messages: Message,
  notes: Note,
  actions: Action,
  externalDisputes: ExternalDispute,
} as const satisfies Record<OverlayTable, z.ZodType>;

/**
 * A `duplicate` replays the first answer, which may be older than what a pull brought in
 * since: never let it move a row back in time.
 */
function isOlder(table: OverlayTable, result: unknown, truth: unknown): boolean {
  if (table === 'cases') return (result as Case).version < (truth as Case).version;
  if (table === 'externalDisputes') {
    return (result as ExternalDispute).updatedAt < (truth as ExternalDispute).updatedAt;
  }
  if (table === 'actions') return !(result as Action).decidedAt && !!(truth as Action).decidedAt;
  return false;
}

/**
 * The server's answer is its truth about the entity right after the change: take it now
 * rather than showing the change as undone until the next pull.
 */
async function adoptResult(db: CasedeskDb, e: OutboxEntry, result: unknown): Promise<void> {
  const table = resultTable(e.op);
  const parsed = RESULT_SCHEMAS[table].safeParse(result);
  if (!parsed.success) return;
  const data = parsed.data as ServerShapes[OverlayTable];
  const t = replicaTable<Record<string, unknown>>(db, table);
  const truth = serverTruth(table, await t.get(data.id));
  if (truth !== undefined && isOlder(table, data, truth)) return;
  await t.put(toRow(table, data));
}

/**
 * Records the server's answers: an answered change leaves the outbox; a refused one stays,
 * marked with the server's error, until the agent dismisses or retries it — and its effect
 * gives way to the server's version at once. Returns how many of `sent` were answered.
 */
export async function settlePushResults(
  db: CasedeskDb,
  sent: readonly OutboxEntry[],
  results: readonly MutationResult[],
): Promise<number> {
  const byId = new Map(results.map((r) => [r.id, r]));
  return db.transaction('rw', overlayTables(db), async () => {
    const refs: EntityRef[] = [];
    let answered = 0;
    for (const e of sent) {
      const r = byId.get(e.id);
      if (!r) continue;
      answered++;
      refs.push(...mutationTargets(e));
      // A re-sent change the server had refused comes back `duplicate` with the old error.
      if (r.status === 'rejected' || r.error) {
        const error = r.error ?? { code: 'rejected', message: 'The server refused this change.' };
        await db.outbox.update(e.seq!, { state: 'rejected', error });
      } else {
        await db.outbox.delete(e.seq!);
        if (r.result !== undefined) await adoptResult(db, e, r.result);
      }
    }
    await rebaseEntities(db, refs, await listPendingEntries(db));
    return answered;
  });
}
