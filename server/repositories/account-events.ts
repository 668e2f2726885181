import { randomUUID } from 'node:crypto';
import type { AccountEvent, AccountEventType } from '../../shared';
import type { Queryable } from '../db/database';
import { iso } from './timestamps';

export interface NewAccountEvent {
  agentId: string;
  /** Null when the change came from the command line. */
  actorId: string | null;
  type: AccountEventType;
  at: Date;
  data: Record<string, unknown>;
}

/** Appends to the accounts' audit trail; call it inside the transaction that makes the change. */
export async function recordAccountEvent(tx: Queryable, e: NewAccountEvent): Promise<void> {
  await tx.query(
    'INSERT INTO account_events (id, agent_id, actor_id, type, at, data) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), e.agentId, e.actorId, e.type, e.at, JSON.stringify(e.data)],
  );
}

interface AccountEventRow {
  seq: string;
  id: string;
  agent_id: string;
  actor_id: string | null;
  type: AccountEventType;
  at: Date | string;
  data: Record<string, unknown>;
}

const toAccountEvent = (r: AccountEventRow): AccountEvent => ({
  id: r.id,
  agentId: r.agent_id,
  type: r.type,
  actorId: r.actor_id,
  at: iso(r.at),
  data: r.data,
});

/** Oldest first, keyset-paged by position; `agentId` null lists every account's events. */
export async function listAccountEvents(
  db: Queryable,
  agentId: string | null,
  limit: number,
  after: string | undefined,
): Promise<{ events: AccountEvent[]; cursor: string | null }> {
  const res = await db.query<AccountEventRow>(
    `SELECT seq::text AS seq, id, agent_id, actor_id, type, at, data FROM account_events
      WHERE ($1::uuid IS NULL OR agent_id = $1::uuid) AND seq > $2::bigint
      ORDER BY seq LIMIT $3`,
    [agentId, after ?? '0', limit + 1],
  );
  const rows = res.rows.slice(0, limit);
  const more = res.rows.length > limit;
  return {
    events: rows.map(toAccountEvent),
    cursor: more ? rows[rows.length - 1]!.seq : null,
  };
}
