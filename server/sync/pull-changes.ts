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
import { PART_ENTITIES, PART_TABLES, loadForPull } from './entity-loaders';
import { SYNC_HORIZON } from './sync-horizon';
import { decodeCursor, encodeCursor, type SyncCursor } from './sync-cursor';

/** The log position before which every transaction has finished: nothing can appear there any more. */
async function stableHorizon(db: Queryable): Promise<string> {
  const res = await db.query<{ x: string }>(`SELECT ${SYNC_HORIZON}::text AS x`);
  return res.rows[0]!.x;
}

export async function pullChanges(
  db: Queryable,
  actor: Actor,
  cursorText: string | undefined,
  limit: number,
  historySince: string | null = null,
): Promise<PullResponse> {
  if (!cursorText) {
    const since = await stableHorizon(db);
    const page = await pullSnapshot(
      db,
      actor,
      { kind: 'snapshot', since, phase: 0, after: null },
      limit,
      historySince,
    );
    return { ...page, estimatedCases: await visibleCases(db, actor) };
  }
  const cursor = decodeCursor(cursorText);
  return cursor.kind === 'snapshot'
    ? pullSnapshot(db, actor, cursor, limit, historySince)
    : pullLog(db, actor, cursor, limit);
}

/**
 * Events a client reads without opening their case (the Notifications list reads events by
 * kind; a complaint's decision and a dead delivery are looked up across cases): a snapshot
 * that leaves older history to be read when a case opens still carries these.
 */
const EVENTS_READ_ACROSS_CASES = ['complaint.decided', 'delivery.dead'];

/**
 * How many cases the caller may see now: what a first sync is about to bring, for its
 * progress. One count when a first sync starts (tens of milliseconds at 100,000 cases),
 * never on later pages.
 */
async function visibleCases(db: Queryable, actor: Actor): Promise<number> {
  const params: unknown[] = [];
  const vis = visibility(actor, params);
  const res = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE ${vis}`,
    params,
  );
  return res.rows[0]!.n;
}

/** What one snapshot phase walks: an entity, and for cases which of them. */
interface Phase {
  entity: SyncEntity;
  cases?: 'open' | 'resolved';
}

// Phase numbers are written into the cursors handed out: never renumber one. 0 is the
// directory, 1 every case (cursors from before open cases came first), 2.. each kind of
// part, then the open cases and the resolved ones.
const PHASES: readonly Phase[] = [
  { entity: 'agent' },
  { entity: 'case' },
  ...PART_ENTITIES.map((entity) => ({ entity })),
  { entity: 'case', cases: 'open' },
  { entity: 'case', cases: 'resolved' },
];
const OPEN_CASES = PHASES.length - 2;
// The order they run in: the open cases first, so that the queues (which hold only open
// cases) fill first and are whole early in a first sync; resolved ones and the parts after.
const ORDER = [0, OPEN_CASES, OPEN_CASES + 1, ...PART_ENTITIES.map((_, i) => 2 + i)];
const DONE = -1;

/** The phase after this one; an unknown one (a newer service's) ends the snapshot. */
function nextPhase(phase: number): number {
  // Every case at once (a cursor from before the split): the parts follow, as they did.
  if (phase === 1) return 2;
  const at = ORDER.indexOf(phase);
  return at < 0 || at === ORDER.length - 1 ? DONE : ORDER[at + 1]!;
}

function visibility(actor: Actor, params: unknown[]): string {
  if (!worksCases(actor)) return 'FALSE';
  if (seesAllCases(actor)) return 'TRUE';
  params.push(actor.languages, actor.id);
  return `(c.language = ANY ($${params.length - 1}::text[]) OR c.assignee_id = $${params.length}::uuid)`;
}

async function snapshotPage(
  db: Queryable,
  actor: Actor,
  { entity, cases }: Phase,
  after: string | null,
  n: number,
  historySince: string | null,
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
    const which =
      cases === 'open'
        ? `AND c.status <> 'resolved'`
        : cases === 'resolved'
          ? `AND c.status = 'resolved'`
          : '';
    const res = await db.query<CaseRow>(
      `${CASE_SELECT} WHERE c.id > $1 ${which} AND ${vis} ORDER BY c.id LIMIT $2`,
      params,
    );
    return res.rows.map((r) => ({ id: r.id, data: toCase(r) }));
  }
  const t = PART_TABLES[entity];
  // A client that reads history when a case opens gets only the recent events (the ones
  // its Notifications list shows) and those read across cases: at 100,000 cases the events
  // outnumber the cases four to one, and each costs the device four index entries.
  let recent = '';
  if (entity === 'event' && historySince) {
    params.push(historySince, EVENTS_READ_ACROSS_CASES);
    recent = `AND (p.at >= $${params.length - 1}::timestamptz OR p.type = ANY ($${params.length}::text[]))`;
  }
  const res = await db.query<Record<string, unknown>>(
    `SELECT p.* FROM ${t.table} p JOIN cases c ON c.id = p.case_id WHERE p.id > $1 AND ${vis} ${recent} ORDER BY p.id LIMIT $2`,
    params,
  );
  return res.rows.map((r) => ({ id: r.id as string, data: t.toJson(r as never) }));
}

async function pullSnapshot(
  db: Queryable,
  actor: Actor,
  cursor: Extract<SyncCursor, { kind: 'snapshot' }>,
  limit: number,
  historySince: string | null,
): Promise<PullResponse> {
  const changes: SyncChange[] = [];
  let { phase, after } = cursor;
  if (!PHASES[phase]) phase = DONE;
  while (phase !== DONE && changes.length < limit) {
    const current = PHASES[phase]!;
    const want = limit - changes.length;
    const page = await snapshotPage(db, actor, current, after, want, historySince);
    for (const p of page)
      changes.push({ entity: current.entity, id: p.id, op: 'upsert', data: p.data });
    if (page.length < want) {
      phase = nextPhase(phase);
      after = null;
    } else {
      after = page[page.length - 1]!.id;
    }
  }
  const next: SyncCursor =
    phase !== DONE
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
      WHERE ch.txid < ${SYNC_HORIZON}
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
  const sightChanged = [...decisions.values()]
    .filter((d) => d.op === 'gain' || d.op === 'lose')
    .map((d) => d.id);
  const { states, parts } = await loadForPull(db, wanted, sightChanged, actor);
  const partsByCase = new Map<string, { entity: SyncEntity; id: string; data: unknown }[]>();
  for (const p of parts) partsByCase.set(p.caseId, [...(partsByCase.get(p.caseId) ?? []), p]);

  const changes: SyncChange[] = [];
  for (const d of decisions.values()) {
    const state = states.get(d.entity)?.get(d.id);
    if (d.op === 'upsert' && state)
      changes.push({ entity: d.entity, id: d.id, op: 'upsert', data: state });
    if (d.op === 'gain' && state) {
      changes.push({ entity: 'case', id: d.id, op: 'upsert', data: state });
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
