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

/** The latest state of entities by id, as the REST endpoints show them to `viewer`. */
export async function loadEntities(
  db: Queryable,
  entity: SyncEntity,
  ids: string[],
  viewer: Actor,
): Promise<Map<string, { data: unknown; caseId: string | null }>> {
  const out = new Map<string, { data: unknown; caseId: string | null }>();
  if (ids.length === 0) return out;
  if (entity === 'case') {
    const res = await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = ANY ($1::uuid[])`, [ids]);
    for (const r of res.rows) out.set(r.id, { data: toCase(r), caseId: r.id });
  } else if (entity === 'agent') {
    const res = await db.query<AgentRow>('SELECT * FROM agents WHERE id = ANY ($1::uuid[])', [ids]);
    for (const r of res.rows) out.set(r.id, { data: agentFor(viewer, r), caseId: null });
  } else {
    const t = PART_TABLES[entity];
    const res = await db.query<Row>(`SELECT * FROM ${t.table} WHERE id = ANY ($1::uuid[])`, [ids]);
    for (const r of res.rows) {
      out.set(r.id as string, { data: t.toJson(r as never), caseId: r.case_id as string });
    }
  }
  return out;
}

/** Every part of the given cases, oldest first: what a client gains with sight of a case. */
export async function loadPartsOfCases(
  db: Queryable,
  caseIds: string[],
): Promise<{ entity: SyncEntity; id: string; data: unknown }[]> {
  if (caseIds.length === 0) return [];
  const out: { entity: SyncEntity; id: string; data: unknown }[] = [];
  for (const entity of PART_ENTITIES) {
    const t = PART_TABLES[entity];
    const order = entity === 'event' ? 'seq' : 'created_at, id';
    const res = await db.query<Row>(
      `SELECT * FROM ${t.table} WHERE case_id = ANY ($1::uuid[]) ORDER BY ${order}`,
      [caseIds],
    );
    for (const r of res.rows) out.push({ entity, id: r.id as string, data: t.toJson(r as never) });
  }
  return out;
}
