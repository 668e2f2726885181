import type { Actor, SyncEntity } from '../../shared';
import type { Queryable } from '../db/database';
import { agentFor, type AgentRow } from '../repositories/agents';
import { toAction, toDispute, toEvent, toMessage, toNote } from '../repositories/case-parts';
import { CASE_SELECT, toCase, type CaseRow } from '../repositories/case-rows';

type Row = Record<string, unknown>;

interface EntityTable {
  table: string;
  toJson: (row: never) => unknown;
}

/** Where each part of a case lives and how it is shown; shared by pull and snapshot. */
export const PART_TABLES: Record<Exclude<SyncEntity, 'case' | 'agent'>, EntityTable> = {
  message: { table: 'messages', toJson: toMessage },
  note: { table: 'notes', toJson: toNote },
  action: { table: 'actions', toJson: toAction },
  external_dispute: { table: 'external_disputes', toJson: toDispute },
  event: { table: 'events', toJson: toEvent },
};
export const PART_ENTITIES = Object.keys(PART_TABLES) as (keyof typeof PART_TABLES)[];

// A part's row as JSON: a message's original text is read on demand, never synced.
const rowJson = (entity: keyof typeof PART_TABLES) =>
  entity === 'message' ? `to_jsonb(p) - 'original_body'` : 'to_jsonb(p)';

export interface PullLoad {
  /** The latest state of each named entity, by entity and id, as the REST endpoints show it. */
  states: Map<SyncEntity, Map<string, unknown>>;
  /** Every part of the gained cases, oldest first, with its case. */
  parts: { entity: SyncEntity; id: string; data: unknown; caseId: string }[];
}

/**
 * What one pull hands out, in one statement: the latest state of the entities it names, and
 * every part of the cases whose sight it gains. Each kind is one JSON array (the row mappers
 * take JSON rows), so a pull costs two round trips — its change read and this — however
 * many kinds of entity changed, where a query per kind made a pull six.
 */
export async function loadForPull(
  db: Queryable,
  wanted: ReadonlyMap<SyncEntity, readonly string[]>,
  gainedCaseIds: readonly string[],
  viewer: Actor,
): Promise<PullLoad> {
  const params: unknown[] = [];
  const columns: string[] = [];
  const ids = (list: readonly string[]) => `$${params.push(list)}::uuid[]`;
  const arrayOf = (name: string, rowSql: string, from: string) =>
    columns.push(`(SELECT coalesce(json_agg(${rowSql}), '[]') FROM ${from}) AS "${name}"`);
  for (const [entity, list] of wanted) {
    if (!list.length) continue;
    if (entity === 'case')
      arrayOf(entity, 'x', `(${CASE_SELECT} WHERE c.id = ANY (${ids(list)})) x`);
    else if (entity === 'agent')
      arrayOf(entity, `to_jsonb(a) - 'password_hash'`, `agents a WHERE a.id = ANY (${ids(list)})`);
    else
      arrayOf(
        entity,
        rowJson(entity),
        `${PART_TABLES[entity].table} p WHERE p.id = ANY (${ids(list)})`,
      );
  }
  if (gainedCaseIds.length) {
    const cases = ids(gainedCaseIds);
    for (const entity of PART_ENTITIES) {
      const order = entity === 'event' ? 'p.seq' : 'p.created_at, p.id';
      arrayOf(
        `gained ${entity}`,
        `${rowJson(entity)} ORDER BY ${order}`,
        `${PART_TABLES[entity].table} p WHERE p.case_id = ANY (${cases})`,
      );
    }
  }
  const out: PullLoad = { states: new Map(), parts: [] };
  if (!columns.length) return out;
  const res = await db.query<Record<string, Row[]>>(`SELECT ${columns.join(',\n')}`, params);
  const row = res.rows[0]!;
  for (const entity of wanted.keys()) {
    const states = new Map<string, unknown>();
    for (const r of row[entity] ?? []) states.set(r.id as string, toJson(entity, r, viewer));
    out.states.set(entity, states);
  }
  for (const entity of gainedCaseIds.length ? PART_ENTITIES : []) {
    for (const r of row[`gained ${entity}`]!) {
      const data = PART_TABLES[entity].toJson(r as never);
      out.parts.push({ entity, id: r.id as string, data, caseId: r.case_id as string });
    }
  }
  return out;
}

function toJson(entity: SyncEntity, r: Row, viewer: Actor): unknown {
  if (entity === 'case') return toCase(r as unknown as CaseRow);
  if (entity === 'agent') return agentFor(viewer, r as unknown as AgentRow);
  return PART_TABLES[entity].toJson(r as never);
}
