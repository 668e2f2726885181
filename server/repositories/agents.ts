import {
  seesFullDirectory,
  type Actor,
  type Agent,
  type AgentEntity,
  type Currency,
  type Language,
  type Role,
} from '../../shared';
import type { Queryable } from '../db/database';
import { iso, isUuid } from './timestamps';

export interface AgentRow {
  id: string;
  name: string;
  email: string;
  /** Null until an invited agent has chosen one (and after a reset). */
  password_hash: string | null;
  roles: Role[];
  languages: Language[];
  refund_limit_minor: number;
  refund_limit_currency: Currency;
  active: boolean;
  last_seen_at: Date | string | null;
  capacity: number;
}

export const toAgent = (r: AgentRow): Agent => ({
  id: r.id,
  name: r.name,
  email: r.email,
  roles: r.roles,
  languages: r.languages,
  refundLimit: { amount: Number(r.refund_limit_minor), currency: r.refund_limit_currency },
  active: r.active,
  lastSeenAt: r.last_seen_at === null ? null : iso(r.last_seen_at),
  capacity: r.capacity,
});

/**
 * An agent as `viewer` may see them: admins and leads (and anyone looking at themselves)
 * get the whole account; everyone else the directory (id, name, roles, languages, active).
 */
export function agentFor(viewer: Pick<Actor, 'id' | 'roles'>, r: AgentRow): AgentEntity {
  if (seesFullDirectory(viewer) || viewer.id === r.id) return toAgent(r);
  return { id: r.id, name: r.name, roles: r.roles, languages: r.languages, active: r.active };
}

export async function findAgentByEmail(db: Queryable, email: string): Promise<AgentRow | null> {
  const res = await db.query<AgentRow>('SELECT * FROM agents WHERE lower(email) = lower($1)', [
    email,
  ]);
  return res.rows[0] ?? null;
}

export async function findAgentRow(
  db: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AgentRow | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<AgentRow>(
    `SELECT * FROM agents WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return res.rows[0] ?? null;
}

export async function findAgent(db: Queryable, id: string): Promise<Agent | null> {
  const row = await findAgentRow(db, id);
  return row ? toAgent(row) : null;
}

export async function listAgentRows(db: Queryable): Promise<AgentRow[]> {
  const res = await db.query<AgentRow>('SELECT * FROM agents ORDER BY name, id');
  return res.rows;
}

export async function listAgents(db: Queryable): Promise<Agent[]> {
  return (await listAgentRows(db)).map(toAgent);
}

export interface NewAgent {
  id: string;
  name: string;
  email: string;
  passwordHash: string | null;
  roles: Role[];
  languages: Language[];
  refundLimitMinor: number;
  refundLimitCurrency: Currency;
}

export async function insertAgent(db: Queryable, a: NewAgent): Promise<void> {
  await db.query(
    `INSERT INTO agents (id, name, email, password_hash, roles, languages, refund_limit_minor, refund_limit_currency)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      a.id,
      a.name,
      a.email,
      a.passwordHash,
      a.roles,
      a.languages,
      a.refundLimitMinor,
      a.refundLimitCurrency,
    ],
  );
}
