import {
  canSeeCase,
  seesAllCases,
  worksCases,
  type Actor,
  type Language,
  type Role,
  type PullResponse,
  type SyncChange,
  type SyncEntity,
} from '../../shared';
import type { Queryable } from '../db/database';
import { agentFor, type AgentRow } from '../repositories/agents';
import { CASE_SELECT, toCase, type CaseRow } from '../repositories/case-rows';
import { PART_ENTITIES, PART_TABLES, loadEntities, loadPartsOfCases } from './entity-loaders';
import { decodeCursor, encodeCursor, type SyncCursor } from './sync-cursor';

/** The log position before which every transaction has finished: nothing can appear there any more. */
async function stableHorizon(db: Queryable): Promise<string> {
  const res = await db.query<{ x: string }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x',
  );
  return res.rows[0]!.x;
}

export async function pullChanges(
  db: Queryable,
  actor: Actor,
  cursorText: string | undefined,
  limit: number,
): Promise<PullResponse> {
  const cursor: SyncCursor = cursorText
    ? decodeCursor(cursorText)
    : { kind: 'snapshot', since: await stableHorizon(db), phase: 0, after: null };
  return cursor.kind === 'snapshot'
    ? pullSnapshot(db, actor, cursor, limit)
    : pullLog(db, actor, cursor, limit);
}

// Snapshot phases, in order: the directory, the cases, then each kind of part.
const PHASES: readonly SyncEntity[] = ['agent', 'case', ...PART_ENTITIES];

function visibility(actor: Actor, params: unknown[]): string {
  if (!worksCases(actor)) return 'FALSE';
  if (seesAllCases(actor)) return 'TRUE';
  params.push(actor.languages, actor.id);
  return `(c.language = ANY ($${params.length - 1}::text[]) OR c.assignee_id = $${params.length}::uuid)`;
}

async function snapshotPage(
  db: Queryable,
  actor: Actor,
  entity: SyncEntity,
  after: string | null,
  n: number,
) {
  const params: unknown[] = [after ?? '00000000-0000-0000-0000-000000000000', n];
  if (entity === 'agent') {
    const res = await db.query<AgentRow>(
      'SELECT * FROM agents WHERE id > $1 ORDER BY id LIMIT $2',
      params,
    );
    return res.rows.map((r) => ({ id: r.id, data: agentFor(actor, r) }));
  }
  const vis = visibility(actor, params);
  if (entity === 'case') {
    const res = await db.query<CaseRow>(
      `${CASE_SELECT} WHERE c.id > $1 AND ${vis} ORDER BY c.id LIMIT $2`,
      params,
    );
    return res.rows.map((r) => ({ id: r.id, data: toCase(r) }));
  }
  const t = PART_TABLES[entity];
  const res = await db.query<Record<string, unknown>>(
    `SELECT p.* FROM ${t.table} p JOIN cases c ON c.id = p.case_id WHERE p.id > $1 AND ${vis} ORDER BY p.id LIMIT $2`,
    params,
  );
  return res.rows.map((r) => ({ id: r.id as string, data: t.toJson(r as never) }));
}

async function pullSnapshot(
  db: Queryable,
  actor: Actor,
  cursor: Extract<SyncCursor, { kind: 'snapshot' }>,
  limit: number,
): Promise<PullResponse> {
  const changes: SyncChange[] = [];
  let { phase, after } = cursor;
  while (phase < PHASES.length && changes.length < limit) {
    const entity = PHASES[phase]!;
    const want = limit - changes.length;
    const page = await snapshotPage(db, actor, entity, after, want);
    for (const p of page) changes.push({ entity, id: p.id, op: 'upsert', data: p.data });
    if (page.length < want) {
      phase += 1;
      after = null;
    } else {
      after = page[page.length - 1]!.id;
    }
  }
  const next: SyncCursor =
    phase < PHASES.length
      ? { kind: 'snapshot', since: cursor.since, phase, after }
      : { kind: 'log', txid: cursor.since, seq: 0 };
  // After the snapshot the log since its start still has to be read: always more.
  return { changes, cursor: encodeCursor(next), hasMore: true };
}

interface ChangeRow {
  seq: number;
  txid: string;
  entity: SyncEntity;
  entity_id: string;
  case_id: string | null;
  scope_changed: boolean;
  prev_assignee_id: string | null;
  prev_roles: Role[] | null;
  prev_languages: Language[] | null;
  language: Language | null;
  assignee_id: string | null;
}

async function pullLog(
  db: Queryable,
  actor: Actor,
  cursor: Extract<SyncCursor, { kind: 'log' }>,
  limit: number,
): Promise<PullResponse> {
  const res = await db.query<ChangeRow>(
    `SELECT ch.seq, ch.txid::text AS txid, ch.entity, ch.entity_id, ch.case_id, ch.scope_changed,
            ch.prev_assignee_id, ch.prev_roles, ch.prev_languages, c.language, c.assignee_id
       FROM changes ch LEFT JOIN cases c ON c.id = ch.case_id
      WHERE ch.txid < pg_snapshot_xmin(pg_current_snapshot())
        AND (ch.txid, ch.seq) > ($1::xid8, $2::bigint)
      ORDER BY ch.txid, ch.seq
      LIMIT $3`,
    [cursor.txid, cursor.seq, limit + 1],
  );
  const rows = res.rows.slice(0, limit);
  const hasMore = res.rows.length > limit;

  // Decide per row, keep the last decision per entity (each change carries the latest state).
  const decisions = new Map<
    string,
    { entity: SyncEntity; id: string; op: 'upsert' | 'delete' | 'gain' | 'lose' }
  >();
  const decide = (entity: SyncEntity, id: string, op: 'upsert' | 'delete' | 'gain' | 'lose') => {
    const key = `${entity}:${id}`;
    // Gaining sight is stronger than a later change in the same batch: the client has none
    // of the case's earlier parts yet, so it must still get the case whole, not just the
    // newest part (a lead assigns, then adds a note, before the agent pulls).
    const earlier = decisions.get(key)?.op;
    const kept = earlier === 'gain' && op === 'upsert' ? 'gain' : op;
    decisions.delete(key);
    decisions.set(key, { entity, id, op: kept });
  };
  for (const r of rows) {
    if (r.entity === 'agent') {
      decide('agent', r.entity_id, 'upsert');
      if (r.entity_id === actor.id && r.scope_changed) {
        const before = { ...actor, roles: r.prev_roles ?? [], languages: r.prev_languages ?? [] };
        for (const s of await casesWhoseSightChanged(db, before, actor)) {
          decide('case', s.id, s.seeNow ? 'gain' : 'lose');
        }
      }
      continue;
    }
    if (!r.language) continue;
    const seeNow = canSeeCase(actor, { language: r.language, assigneeId: r.assignee_id });
    if (r.scope_changed) {
      const seeBefore = canSeeCase(actor, { language: r.language, assigneeId: r.prev_assignee_id });
      if (seeNow && !seeBefore) decide('case', r.entity_id, 'gain');
      else if (!seeNow && seeBefore) decide('case', r.entity_id, 'lose');
      else if (seeNow) decide('case', r.entity_id, 'upsert');
    } else if (seeNow) {
      decide(r.entity, r.entity_id, 'upsert');
    }
  }

  const wanted = new Map<SyncEntity, string[]>();
  for (const d of decisions.values()) {
    if (d.op === 'upsert' || d.op === 'gain')
      wanted.set(d.entity, [...(wanted.get(d.entity) ?? []), d.id]);
  }
  const loaded = new Map<SyncEntity, Map<string, { data: unknown }>>();
  for (const [entity, ids] of wanted)
    loaded.set(entity, await loadEntities(db, entity, ids, actor));
  const sightChanged = [...decisions.values()]
    .filter((d) => d.op === 'gain' || d.op === 'lose')
    .map((d) => d.id);
  const partsByCase = new Map<string, { entity: SyncEntity; id: string; data: unknown }[]>();
  for (const p of await loadPartsOfCasesWithCase(db, sightChanged)) {
    partsByCase.set(p.caseId, [...(partsByCase.get(p.caseId) ?? []), p]);
  }

  const changes: SyncChange[] = [];
  for (const d of decisions.values()) {
    const state = loaded.get(d.entity)?.get(d.id);
    if (d.op === 'upsert' && state)
      changes.push({ entity: d.entity, id: d.id, op: 'upsert', data: state.data });
    if (d.op === 'gain' && state) {
      changes.push({ entity: 'case', id: d.id, op: 'upsert', data: state.data });
      for (const p of partsByCase.get(d.id) ?? [])
        changes.push({ entity: p.entity, id: p.id, op: 'upsert', data: p.data });
    }
    if (d.op === 'lose') {
      for (const p of partsByCase.get(d.id) ?? [])
        changes.push({ entity: p.entity, id: p.id, op: 'delete', data: null });
      changes.push({ entity: 'case', id: d.id, op: 'delete', data: null });
    }
  }
  // A part may be named twice (its own change and its case's gain); the last word counts.
  const unique = [...new Map(changes.map((c) => [`${c.entity}:${c.id}`, c])).values()];
  const last = rows[rows.length - 1];
  const next: SyncCursor = last ? { kind: 'log', txid: last.txid, seq: last.seq } : cursor;
  return { changes: unique, cursor: encodeCursor(next), hasMore };
}

/**
 * The cases the caller could see under their previous roles and languages but not now, or
 * the other way round: after an admin changes an agent's scope, their replica loses the
 * first as deletes and gains the second whole. Cases assigned to them are seen either way.
 */
async function casesWhoseSightChanged(
  db: Queryable,
  before: Actor,
  now: Actor,
): Promise<{ id: string; seeNow: boolean }[]> {
  const params: unknown[] = [];
  const was = visibility(before, params);
  const is = visibility(now, params);
  const res = await db.query<{ id: string; see_now: boolean }>(
    `SELECT c.id, (${is}) AS see_now FROM cases c WHERE (${was}) IS DISTINCT FROM (${is}) ORDER BY c.id`,
    params,
  );
  return res.rows.map((r) => ({ id: r.id, seeNow: r.see_now }));
}

async function loadPartsOfCasesWithCase(db: Queryable, caseIds: string[]) {
  const parts = await loadPartsOfCases(db, caseIds);
  return parts.map((p) => ({ ...p, caseId: (p.data as { caseId: string }).caseId }));
}
