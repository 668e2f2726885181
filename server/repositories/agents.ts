import type { Agent, Currency, Language, Role } from '../../shared';
import type { Queryable } from '../db/database';
import { isUuid } from './timestamps';

export interface AgentRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  roles: Role[];
  languages: Language[];
  refund_limit_minor: number;
  refund_limit_currency: Currency;
}

export const toAgent = (r: AgentRow): Agent => ({
  id: r.id,
  name: r.name,
  email: r.email,
  roles: r.roles,
  languages: r.languages,
  refundLimit: { amount: r.refund_limit_minor, currency: r.refund_limit_currency },
});

export async function findAgentByEmail(db: Queryable, email: string): Promise<AgentRow | null> {
  const res = await db.query<AgentRow>('SELECT * FROM agents WHERE lower(email) = lower($1)', [
    email,
  ]);
  return res.rows[0] ?? null;
}

export async function findAgent(db: Queryable, id: string): Promise<Agent | null> {
  if (!isUuid(id)) return null;
  const res = await db.query<AgentRow>('SELECT * FROM agents WHERE id = $1', [id]);
  return res.rows[0] ? toAgent(res.rows[0]) : null;
}

export async function listAgents(db: Queryable): Promise<Agent[]> {
  const res = await db.query<AgentRow>('SELECT * FROM agents ORDER BY name');
  return res.rows.map(toAgent);
}

export interface NewAgent {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
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
