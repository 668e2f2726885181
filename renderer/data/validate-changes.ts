import { z } from 'zod';
import { Id, SYNC_ENTITIES, type SyncEntity } from '../../shared';
import { ENTITY_SCHEMAS, type EntityData } from './read-schemas';

export type { EntityData } from './read-schemas';

/**
 * A pull page as far as this client must understand it to go on: the changes stay raw
 * here and are read one by one, so one it cannot read never stops the others.
 */
export const PulledPage = z.object({
  changes: z.array(z.unknown()),
  cursor: z.string().min(1),
  hasMore: z.boolean(),
  /** About how many cases a first sync brings: its first page only, when the service says. */
  estimatedCases: z.number().int().nonnegative().optional(),
});
export type PulledPage = z.infer<typeof PulledPage>;

/** A pulled change whose data has been checked against the domain schema. */
export type ServerChange = {
  [E in SyncEntity]:
    | { entity: E; id: string; op: 'upsert'; data: EntityData<E> }
    | { entity: E; id: string; op: 'delete'; data: null };
}[SyncEntity];

/**
 * A change this client could not read: an entity type it does not know, or data its schemas
 * refuse. Kept as sent, with the reason, so the agent can be told and nothing is lost.
 */
export interface UnreadableChange {
  entity: string;
  id: string;
  op: string;
  data: unknown;
  reason: string;
}

export interface CheckedChanges {
  readable: ServerChange[];
  unreadable: UnreadableChange[];
}

/** The server sent something this client cannot go on from (the page itself is unreadable). */
export class SyncDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncDataError';
  }
}

const Envelope = z.object({
  entity: z.string().min(1).max(100),
  id: Id,
  op: z.string().min(1).max(100),
  data: z.unknown(),
});

const isKnownEntity = (e: string): e is SyncEntity =>
  (SYNC_ENTITIES as readonly string[]).includes(e);

function describe(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'it does not match what this version of Casedesk expects';
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return `${issue.message}${where}`;
}

/** Reads one change, or says why it cannot. */
function checkChange(raw: unknown): ServerChange | UnreadableChange {
  const env = Envelope.safeParse(raw);
  if (!env.success) {
    const r = (raw ?? {}) as { entity?: unknown; id?: unknown; op?: unknown; data?: unknown };
    return {
      entity: typeof r.entity === 'string' ? r.entity.slice(0, 100) : 'unknown',
      id: typeof r.id === 'string' ? r.id.slice(0, 100) : '',
      op: typeof r.op === 'string' ? r.op.slice(0, 100) : '',
      data: raw,
      reason: `The change itself is malformed: ${describe(env.error.issues[0])}.`,
    };
  }
  const { entity, id, op, data } = env.data;
  const unreadable = (reason: string) => ({ entity, id, op, data, reason });
  if (!isKnownEntity(entity))
    return unreadable(`This version of Casedesk does not know the kind of item "${entity}".`);
  if (op === 'delete') return { entity, id, op, data: null } as ServerChange;
  if (op !== 'upsert')
    return unreadable(`This version of Casedesk does not know the change "${op}".`);
  const res = ENTITY_SCHEMAS[entity].safeParse(data);
  if (!res.success)
    return unreadable(`The ${entity} could not be read: ${describe(res.error.issues[0])}.`);
  if ((res.data as { id: string }).id !== id)
    return unreadable(`The ${entity}'s id does not match.`);
  return { entity, id, op, data: res.data } as ServerChange;
}

/**
 * Validates every pulled change on its own, always (never "only in debug"): a malformed row
 * stored in the replica would break the workspace far from its cause. What cannot be read
 * is set aside rather than refusing the page, so one entity from a newer or faulty service
 * never stops everyone's sync (the contract's forward-compatibility rule).
 */
export function checkServerChanges(changes: readonly unknown[]): CheckedChanges {
  const checked = changes.map(checkChange);
  // Within a page the last word per entity wins, as in the replica: an unreadable change
  // followed by a readable one of the same entity is settled, not set aside.
  const lastReadable = new Map<string, number>();
  checked.forEach((ch, i) => {
    if (!('reason' in ch)) lastReadable.set(setAsideKey(ch.entity, ch.id), i);
  });
  const readable: ServerChange[] = [];
  const unreadable: UnreadableChange[] = [];
  checked.forEach((ch, i) => {
    if (!('reason' in ch)) readable.push(ch);
    else if ((lastReadable.get(setAsideKey(ch.entity, ch.id)) ?? -1) < i) unreadable.push(ch);
  });
  return { readable, unreadable };
}

/** One set-aside row per entity. */
export const setAsideKey = (entity: string, id: string): string => `${entity}:${id}`;

/** The page around the changes: without it (not JSON, no cursor) nothing can be applied. */
export function parsePulledPage(body: unknown): PulledPage {
  const res = PulledPage.safeParse(body);
  if (!res.success)
    throw new SyncDataError(
      `The server sent a sync page this version of Casedesk cannot read (${describe(res.error.issues[0])}).`,
    );
  return res.data;
}
