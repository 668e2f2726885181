import { DomainError, type Agent, type ChangePasswordRequest } from '../../shared';
import type { Database, Queryable } from '../db/database';
import { recordAccountEvent } from '../repositories/account-events';
import { findAgentRow } from '../repositories/agents';
import { hashToken } from './auth';
import { releaseLoginAttempt, reserveLoginAttempt } from './login-limits';
import { requireStrongPassword } from './password-rules';
import { hashPassword, verifyPassword } from './passwords';
import { revokeAgentSessions } from './session-revocation';

const wrongPassword = () =>
  new DomainError('wrong_password', 'The current password is not right.', {
    fields: [{ path: 'body.current', message: 'is not your current password' }],
  });

/**
 * Counts a check of the caller's current password like a sign-in attempt (429
 * `rate_limited` past the login limits), with no transaction open while scrypt runs; a
 * wrong one stays counted and is 422 `wrong_password`.
 */
export async function checkCurrentPassword(
  db: Database,
  me: Agent,
  current: string,
  address: string,
  now: Date,
): Promise<void> {
  const email = me.email.toLowerCase();
  const reservation = await reserveLoginAttempt(db, email, address, now);
  const row = await findAgentRow(db, me.id);
  const ok = !!row?.password_hash && (await verifyPassword(current, row.password_hash));
  if (!ok) throw wrongPassword();
  await db.transaction((tx) => releaseLoginAttempt(tx, reservation, email, address));
}

/** The caller changes their own password; their other sessions end, this one goes on. */
export async function changeOwnPassword(
  tx: Queryable,
  me: Agent,
  sessionToken: string,
  req: ChangePasswordRequest,
  now: Date,
): Promise<void> {
  const row = (await findAgentRow(tx, me.id, { forUpdate: true }))!;
  const ok = row.password_hash !== null && (await verifyPassword(req.current, row.password_hash));
  if (!ok) throw wrongPassword();
  requireStrongPassword(req.new, row);
  await tx.query('UPDATE agents SET password_hash = $2 WHERE id = $1', [
    me.id,
    await hashPassword(req.new),
  ]);
  await revokeAgentSessions(tx, me.id, hashToken(sessionToken));
  await recordAccountEvent(tx, {
    agentId: me.id,
    actorId: me.id,
    type: 'agent.password_changed',
    at: now,
    data: {},
  });
}
