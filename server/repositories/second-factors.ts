import { Role, type Role as RoleT } from '../../shared';
import type { Queryable } from '../db/database';

export interface SecondFactorRow {
  agent_id: string;
  secret: string;
  created_at: Date | string;
  confirmed_at: Date | string | null;
  last_used_step: string | number | null;
}

export async function findSecondFactor(
  db: Queryable,
  agentId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SecondFactorRow | null> {
  const res = await db.query<SecondFactorRow>(
    `SELECT * FROM second_factors WHERE agent_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [agentId],
  );
  return res.rows[0] ?? null;
}

/** A new, unconfirmed secret in place of any unconfirmed one before it. */
export async function putPendingSecondFactor(
  tx: Queryable,
  agentId: string,
  sealedSecret: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO second_factors (agent_id, secret, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (agent_id) DO UPDATE SET secret = $2, created_at = $3, confirmed_at = NULL,
       last_used_step = NULL`,
    [agentId, sealedSecret, now],
  );
}

/**
 * Records that a code of `step` was accepted, unless one of that step or a later one was
 * already: the atomic check that keeps a code from working twice.
 */
export async function claimTimeStep(
  db: Queryable,
  agentId: string,
  step: number,
  opts: { confirm?: Date } = {},
): Promise<boolean> {
  const res = await db.query(
    `UPDATE second_factors SET last_used_step = $2,
            confirmed_at = COALESCE(confirmed_at, $3)
      WHERE agent_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)
        AND (confirmed_at IS NOT NULL) = $4`,
    [agentId, step, opts.confirm ?? null, !opts.confirm],
  );
  return res.rowCount === 1;
}

export async function deleteSecondFactor(tx: Queryable, agentId: string): Promise<boolean> {
  await tx.query('DELETE FROM recovery_codes WHERE agent_id = $1', [agentId]);
  const res = await tx.query('DELETE FROM second_factors WHERE agent_id = $1', [agentId]);
  return res.rowCount === 1;
}

export async function replaceRecoveryCodes(
  tx: Queryable,
  agentId: string,
  codeHashes: string[],
): Promise<void> {
  await tx.query('DELETE FROM recovery_codes WHERE agent_id = $1', [agentId]);
  for (const hash of codeHashes) {
    await tx.query('INSERT INTO recovery_codes (agent_id, code_hash) VALUES ($1, $2)', [
      agentId,
      hash,
    ]);
  }
}

/** Spends a recovery code; false when it is unknown or was used before. */
export async function spendRecoveryCode(
  db: Queryable,
  agentId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const res = await db.query(
    `UPDATE recovery_codes SET used_at = $3
      WHERE agent_id = $1 AND code_hash = $2 AND used_at IS NULL`,
    [agentId, codeHash, now],
  );
  return res.rowCount === 1;
}

export async function countRecoveryCodesLeft(db: Queryable, agentId: string): Promise<number> {
  const res = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM recovery_codes WHERE agent_id = $1 AND used_at IS NULL',
    [agentId],
  );
  return res.rows[0]!.n;
}

/** The roles the admins' setting names; a role this version does not know is left out. */
export const knownRoles = (raw: readonly string[]): RoleT[] =>
  raw.filter((r): r is RoleT => Role.safeParse(r).success);

export async function readSecondFactorPolicy(
  db: Queryable,
  opts: { forUpdate?: boolean } = {},
): Promise<RoleT[]> {
  const res = await db.query<{ required_for: string[] }>(
    `SELECT required_for FROM second_factor_policy${opts.forUpdate ? ' FOR UPDATE' : ''}`,
  );
  return knownRoles(res.rows[0]?.required_for ?? []);
}

export async function writeSecondFactorPolicy(tx: Queryable, requiredFor: RoleT[]): Promise<void> {
  await tx.query('UPDATE second_factor_policy SET required_for = $1', [requiredFor]);
}
