import type { z } from 'zod';
import {
  Action,
  Agent,
  Case,
  CaseEvent,
  ExternalDispute,
  Message,
  Note,
  type SyncChange,
  type SyncEntity,
} from '../../shared';

const SCHEMAS = {
  case: Case,
  message: Message,
  note: Note,
  action: Action,
  external_dispute: ExternalDispute,
  event: CaseEvent,
  agent: Agent,
} as const satisfies Record<SyncEntity, z.ZodType>;

export type EntityData<E extends SyncEntity> = z.infer<(typeof SCHEMAS)[E]>;

/** A pulled change whose data has been checked against the domain schema. */
export type ServerChange = {
  [E in SyncEntity]:
    | { entity: E; id: string; op: 'upsert'; data: EntityData<E> }
    | { entity: E; id: string; op: 'delete'; data: null };
}[SyncEntity];

/** The server sent something this client cannot store as it is. */
export class SyncDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncDataError';
  }
}

/**
 * Validates every pulled entity, always: a malformed row stored in the replica would break
 * the workspace far from its cause, and a batch refused whole leaves the cursor where it was.
 */
export function parseServerChanges(changes: readonly SyncChange[]): ServerChange[] {
  return changes.map((ch) => {
    if (ch.op === 'delete') return { entity: ch.entity, id: ch.id, op: 'delete', data: null };
    const res = SCHEMAS[ch.entity].safeParse(ch.data);
    if (!res.success || (res.data as { id: string }).id !== ch.id) {
      const why = res.success ? 'its id does not match' : res.error.issues[0]?.message;
      throw new SyncDataError(`The server sent an invalid ${ch.entity} (${ch.id}): ${why}.`);
    }
    return { entity: ch.entity, id: ch.id, op: 'upsert', data: res.data } as ServerChange;
  });
}
