import type { z } from 'zod';
import { Case, ExternalDispute, Message, Note } from '../../shared';
import { toCase } from '../../renderer/data/local-case';
import { ActionRead, EventRead } from '../../renderer/data/read-schemas';
import type { ChaosDevice } from './chaos-device';
import type { ServerView } from './server-view';

const PARTS = {
  messages: Message,
  notes: Note,
  actions: ActionRead,
  externalDisputes: ExternalDispute,
  events: EventRead,
} as const;
const TABLE = {
  messages: 'messages',
  notes: 'notes',
  actions: 'actions',
  externalDisputes: 'disputes',
  events: 'events',
} as const;

/** Both sides through the same schema (unknown fields dropped), ordered by id. */
const normal = (schema: z.ZodType, rows: unknown[]) =>
  JSON.stringify(
    rows.map((x) => schema.parse(x) as { id: string }).sort((a, b) => a.id.localeCompare(b.id)),
  );

/**
 * Where this device's replica differs from what the service shows its agent for these
 * cases: the case itself, each part, and nothing left over that it may not see or that is
 * still only local (an optimistic row, a case rebased on pending changes). The replica is
 * read once per table for all the cases.
 */
export async function replicaDifferences(
  device: ChaosDevice,
  server: ServerView,
  caseIds: readonly string[],
): Promise<string[]> {
  const out: string[] = [];
  const db = device.db;
  const [cases, ...tables] = await db.transaction(
    'r',
    [db.cases, ...Object.values(TABLE).map((t) => db[t])],
    () =>
      Promise.all([
        db.cases.bulkGet([...caseIds]),
        ...Object.values(TABLE).map(
          (t) =>
            db[t].where('caseId').anyOf(caseIds).toArray() as Promise<
              { caseId: string; pending?: true }[]
            >,
        ),
      ]),
  );
  const local = new Map(Object.keys(TABLE).map((key, i) => [key, tables[i]!]));
  caseIds.forEach((id, i) => {
    const mine = cases[i];
    const theirs = server.get(id);
    if (theirs === undefined) throw new Error(`no server view of case ${id}`);
    if (theirs === null) {
      if (mine) out.push(`${device.name}: holds case ${id} it may not see`);
      return;
    }
    if (!mine) {
      out.push(`${device.name}: lacks case ${id}`);
      return;
    }
    if (mine.server) out.push(`${device.name}: case ${id} still rebased on local changes`);
    const a = JSON.stringify(Case.parse(toCase(mine)));
    const b = JSON.stringify(Case.parse(theirs.case));
    if (a !== b) out.push(`${device.name}: case ${id} differs:\n  ${a}\n  ${b}`);
    for (const [key, schema] of Object.entries(PARTS) as [keyof typeof PARTS, z.ZodType][]) {
      const rows = local.get(key)!.filter((x) => x.caseId === id);
      if (rows.some((x) => x.pending)) out.push(`${device.name}: ${key} of ${id} still pending`);
      const x = normal(schema, rows);
      const y = normal(schema, theirs[key] ?? []);
      if (x !== y) out.push(`${device.name}: ${key} of ${id} differ:\n  ${x}\n  ${y}`);
    }
  });
  return out;
}
