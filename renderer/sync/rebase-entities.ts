import { replicaTable, type CasedeskDb } from '../db/casedesk-db';
import { toLocalCase, toServerCase } from '../db/local-case';
import type {
  EntityRef,
  LocalCase,
  LocalOverlay,
  OutboxEntry,
  OverlayTable,
  ServerShapes,
  ShownShapes,
} from '../db/replica-types';
import { mutationTargets } from './mutation-args';
import { applyMutation } from './optimistic';

type Row = Record<string, unknown> & LocalOverlay<unknown> & { pendingDecision?: unknown };

/** The server's version of a row: kept under `base` while local changes cover it. */
export function serverTruth(table: OverlayTable, row: Row | undefined): unknown {
  if (!row) return undefined;
  if (row.base !== undefined) return row.base ?? undefined;
  if (table === 'cases') return toServerCase(row as unknown as LocalCase);
  const { base: _b, pending: _p, pendingDecision: _d, ...truth } = row;
  return truth;
}

export function toRow(table: OverlayTable, shown: unknown, overlay?: LocalOverlay<unknown>): Row {
  if (table === 'cases') {
    return toLocalCase(
      shown as ShownShapes['cases'],
      overlay as LocalOverlay<ServerShapes['cases']>,
    ) as unknown as Row;
  }
  return { ...(shown as Row), ...overlay };
}

export const refKey = (r: EntityRef) => `${r.table}/${r.id}`;

/**
 * Puts rows back together as the server's truth with every still-pending change re-applied
 * on top, in outbox order. Called whenever either side moves — a pull, an answer, a new
 * change, a refusal — so a refused change disappears and the server's version shows again.
 * Runs inside the caller's transaction; `pending` is the whole pending outbox, in seq order.
 */
export async function rebaseEntities(
  db: CasedeskDb,
  refs: Iterable<EntityRef>,
  pending: readonly OutboxEntry[],
): Promise<void> {
  const unique = new Map<string, EntityRef>();
  for (const r of refs) unique.set(refKey(r), r);
  if (!unique.size) return;
  const byRef = new Map<string, OutboxEntry[]>();
  for (const e of pending) {
    for (const t of mutationTargets(e)) {
      const k = refKey(t);
      if (!unique.has(k)) continue;
      const list = byRef.get(k);
      if (list) list.push(e);
      else byRef.set(k, [e]);
    }
  }
  for (const [key, ref] of unique) {
    const table = replicaTable<Row>(db, ref.table);
    const row = await table.get(ref.id);
    const truth = serverTruth(ref.table, row);
    const queued = byRef.get(key) ?? [];
    const shown = queued.reduce<unknown>(
      (r, e) => applyMutation(ref.table, r as never, e, db.agentId),
      truth,
    );
    if (shown === undefined) {
      if (row) await table.delete(ref.id);
    } else if (!queued.length) {
      await table.put(toRow(ref.table, shown));
    } else {
      await table.put(toRow(ref.table, shown, { base: (truth ?? null) as never, pending: true }));
    }
  }
}
