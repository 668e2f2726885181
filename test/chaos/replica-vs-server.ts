import type { z } from 'zod';
import { Case, ExternalDispute, Message, Note } from '../../shared';
import { toCase } from '../../renderer/data/local-case';
import { ActionRead, EventRead } from '../../renderer/data/read-schemas';
import type { ChaosDevice } from './chaos-device';

type Get = (url: string) => Promise<{ statusCode: number; json(): unknown }>;

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
 * still only local (an optimistic row, a case rebased on pending changes).
 */
export async function replicaDifferences(
  device: ChaosDevice,
  get: Get,
  caseIds: readonly string[],
): Promise<string[]> {
  const out: string[] = [];
  for (const id of caseIds) {
    const res = await get(`/api/v1/cases/${id}`);
    const local = await device.db.cases.get(id);
    if (res.statusCode === 404) {
      if (local) out.push(`${device.name}: holds case ${id} it may not see`);
      continue;
    }
    if (res.statusCode !== 200) throw new Error(`GET case ${id}: ${res.statusCode}`);
    const server = res.json() as Record<string, unknown[]> & { case: unknown };
    if (!local) {
      out.push(`${device.name}: lacks case ${id}`);
      continue;
    }
    if (local.server) out.push(`${device.name}: case ${id} still rebased on local changes`);
    const mine = JSON.stringify(Case.parse(toCase(local)));
    const theirs = JSON.stringify(Case.parse(server.case));
    if (mine !== theirs) out.push(`${device.name}: case ${id} differs:\n  ${mine}\n  ${theirs}`);
    for (const [key, schema] of Object.entries(PARTS) as [keyof typeof PARTS, z.ZodType][]) {
      const rows = (await device.db[TABLE[key]].where('caseId').equals(id).toArray()) as {
        pending?: true;
      }[];
      if (rows.some((x) => x.pending)) out.push(`${device.name}: ${key} of ${id} still pending`);
      const a = normal(schema, rows);
      const b = normal(schema, server[key] ?? []);
      if (a !== b) out.push(`${device.name}: ${key} of ${id} differ:\n  ${a}\n  ${b}`);
    }
  }
  return out;
}
