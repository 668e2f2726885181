import type { ReplicaDb, SetAsideRow } from './replica-db';
import { setAsideKey, type CheckedChanges } from './validate-changes';

/**
 * Records what a pulled page held that this client could not read, inside the page's own
 * transaction: readable changes settle an entity set aside before, unreadable ones are
 * kept with their raw data and reason, and a case that left the replica takes its set-aside
 * parts with it. A delete of an entity type this client does not know needs no keeping.
 */
export async function recordSetAside(
  db: ReplicaDb,
  { readable, unreadable }: CheckedChanges,
  goneCases: readonly string[],
  now: Date,
): Promise<void> {
  const stillUnreadable = new Set(unreadable.map((u) => setAsideKey(u.entity, u.id)));
  const settled = readable
    .map((ch) => setAsideKey(ch.entity, ch.id))
    .filter((k) => !stillUnreadable.has(k));
  // Most pages have nothing set aside, before or now: skip the writes (a first sync's hot path).
  if (unreadable.length === 0 && (await db.setAside.count()) === 0) return;
  if (settled.length) await db.setAside.bulkDelete(settled);
  if (goneCases.length) await db.setAside.where('caseId').anyOf(goneCases).delete();
  const deleted = unreadable.filter((u) => u.op === 'delete' && u.data == null);
  await db.setAside.bulkDelete(deleted.map((u) => setAsideKey(u.entity, u.id)));
  const kept: SetAsideRow[] = unreadable
    .filter((u) => !deleted.includes(u))
    .map((u) => {
      // A change without an id cannot be settled by a later one; keep each such on its own.
      const key = u.id ? setAsideKey(u.entity, u.id) : `${u.entity}:#${crypto.randomUUID()}`;
      const caseId = caseIdOf(u.entity, u.id, u.data);
      return {
        key,
        entity: u.entity,
        id: u.id,
        ...(caseId ? { caseId } : {}),
        op: u.op,
        data: u.data,
        reason: u.reason,
        receivedAt: now.toISOString(),
      };
    });
  await db.setAside.bulkPut(kept);
}

function caseIdOf(entity: string, id: string, data: unknown): string | undefined {
  if (entity === 'case') return id || undefined;
  const caseId = (data as { caseId?: unknown } | null)?.caseId;
  return typeof caseId === 'string' ? caseId : undefined;
}

/** What the agent is told about items set aside: how many, and the first few in detail. */
export interface SetAsideSummary {
  count: number;
  items: { key: string; what: string; reason: string }[];
}

const SHOWN = 20;

const ENTITY_WORDS: Record<string, string> = {
  case: 'Case',
  message: 'Message',
  note: 'Note',
  action: 'Resolution action',
  external_dispute: 'External dispute',
  event: 'History entry',
  agent: 'Agent',
};

export async function setAsideSummary(db: ReplicaDb): Promise<SetAsideSummary> {
  const [count, rows] = await Promise.all([
    db.setAside.count(),
    db.setAside.orderBy('key').limit(SHOWN).toArray(),
  ]);
  return {
    count,
    items: rows.map((r) => {
      const reference = (r.data as { reference?: unknown } | null)?.reference;
      const name = typeof reference === 'string' ? reference : r.id;
      return {
        key: r.key,
        what: `${ENTITY_WORDS[r.entity] ?? `An item of kind "${r.entity}"`}${name ? ` ${name}` : ''}`,
        reason: r.reason,
      };
    }),
  };
}
