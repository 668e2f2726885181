import type { Queryable } from '../db/database';

/**
 * Told (by NOTIFY, after the revoking transaction commits) on every instance whenever
 * sessions were revoked, so their open event streams re-check at once instead of at the
 * next periodic check. The payload says nothing: each instance asks the database.
 */
export const SESSIONS_CHANNEL = 'casedesk_sessions';

/**
 * Tells every instance that sessions changed: call it in the transaction that ends them
 * by other means (an agent deactivated, say). `revokeSession` and `revokeAgentSessions`
 * call it themselves.
 */
export async function announceSessionChange(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_notify('${SESSIONS_CHANNEL}', '')`);
}

/** Ends one session (logout): its token stops working and its streams close within seconds. */
export async function revokeSession(tx: Queryable, tokenHash: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  await announceSessionChange(tx);
}

/**
 * Ends every session of an agent (deactivation, password reset), or every one but
 * `exceptTokenHash` (a password change keeps the session it was made from). Their tokens
 * stop working when the transaction commits; their open streams, on any instance, close
 * within seconds.
 */
export async function revokeAgentSessions(
  tx: Queryable,
  agentId: string,
  exceptTokenHash: string | null = null,
): Promise<number> {
  const res = await tx.query(
    'DELETE FROM sessions WHERE agent_id = $1 AND token_hash IS DISTINCT FROM $2',
    [agentId, exceptTokenHash],
  );
  await announceSessionChange(tx);
  return res.rowCount;
}
