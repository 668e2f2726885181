import Dexie, { type Table } from 'dexie';
import type { SyncEntity } from '../../shared';
import { partTables, replicaTable, type CasedeskDb } from '../db/casedesk-db';
import { toLocalCase } from '../db/local-case';
import { listPendingEntries } from '../db/outbox-readers';
import type { EntityRef } from '../db/replica-types';
import { mutationTargets } from './mutation-args';
import { rebaseEntities, refKey } from './rebase-entities';
import type { ServerChange } from './validate-changes';

const TABLE_OF = {
  case: 'cases',
  message: 'messages',
  note: 'notes',
  action: 'actions',
  external_dispute: 'externalDisputes',
  event: 'events',
  agent: 'agents',
} as const satisfies Record<SyncEntity, string>;
type TableName = (typeof TABLE_OF)[SyncEntity];

interface BatchPlan {
  /** Cases deleted somewhere in the batch: their parts go with them. */
  deletedCases: string[];
  puts: Map<TableName, unknown[]>;
  deletes: Map<TableName, string[]>;
  /** Every row the batch writes, as `table/id`, and every case it concerns. */
  touched: Set<string>;
  touchedCases: Set<string>;
}

const caseOf = (ch: ServerChange): string | null =>
  ch.op === 'delete' || ch.entity === 'agent'
    ? null
    : ch.entity === 'case'
      ? ch.id
      : ch.data.caseId;

/**
 * Each change carries its entity's latest state, so the last change per entity wins. A
 * part delivered before its case's delete in the same batch is gone with the case; one
 * delivered after it (sight regained) stays.
 */
function planBatch(changes: readonly ServerChange[]): BatchPlan {
  const last = new Map<string, { ch: ServerChange; pos: number }>();
  const caseDeletedAt = new Map<string, number>();
  changes.forEach((ch, pos) => {
    last.set(`${ch.entity}/${ch.id}`, { ch, pos });
    if (ch.entity === 'case' && ch.op === 'delete') caseDeletedAt.set(ch.id, pos);
  });
  const plan: BatchPlan = {
    deletedCases: [...caseDeletedAt.keys()],
    puts: new Map(),
    deletes: new Map(),
    touched: new Set(),
    touchedCases: new Set(caseDeletedAt.keys()),
  };
  for (const { ch, pos } of last.values()) {
    const table = TABLE_OF[ch.entity];
    plan.touched.add(`${table}/${ch.id}`);
    const caseId = caseOf(ch);
    if (caseId) plan.touchedCases.add(caseId);
    if (ch.op === 'delete') {
      plan.deletes.set(table, [...(plan.deletes.get(table) ?? []), ch.id]);
      continue;
    }
    if (ch.entity !== 'case' && caseId && pos < (caseDeletedAt.get(caseId) ?? -1)) continue;
    const row = ch.entity === 'case' ? toLocalCase(ch.data) : ch.data;
    const rows = plan.puts.get(table) ?? [];
    rows.push(row);
    plan.puts.set(table, rows);
  }
  return plan;
}

async function deleteCaseWithParts(db: CasedeskDb, caseId: string): Promise<void> {
  await db.cases.delete(caseId);
  for (const t of partTables(db)) {
    const index = t === db.events ? '[caseId+at]' : '[caseId+createdAt]';
    await (t as Table<unknown, string>)
      .where(index)
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .delete();
  }
}

/**
 * Applies one pulled batch and its cursor in one transaction: a crash or a refused write
 * leaves neither half-applied data nor a cursor ahead of its data. Rows that local changes
 * cover are rebuilt as the new server truth with those changes on top.
 */
export async function applyServerChanges(
  db: CasedeskDb,
  changes: readonly ServerChange[],
  cursor: string,
  opts: { complete: boolean; now?: Date },
): Promise<void> {
  const plan = planBatch(changes);
  await db.transaction('rw', db.tables, async () => {
    for (const caseId of plan.deletedCases) await deleteCaseWithParts(db, caseId);
    for (const [table, ids] of plan.deletes) await replicaTable(db, table).bulkDelete(ids);
    for (const [table, rows] of plan.puts) await replicaTable(db, table).bulkPut(rows);
    const pending = await listPendingEntries(db);
    const covered: EntityRef[] = [];
    for (const e of pending) {
      for (const ref of mutationTargets(e)) {
        if (plan.touched.has(refKey(ref)) || (e.caseId && plan.touchedCases.has(e.caseId))) {
          covered.push(ref);
        }
      }
    }
    await rebaseEntities(db, covered, pending);
    const now = (opts.now ?? new Date()).toISOString();
    await db.meta.bulkPut([
      { key: 'cursor', value: cursor },
      ...(opts.complete ? [{ key: 'lastSyncAt' as const, value: now }] : []),
    ]);
  });
}
