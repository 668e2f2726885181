import { DomainError, type Agent, type ChangePasswordRequest } from '../../shared';
import type { Queryable } from '../db/database';
import { recordAccountEvent } from '../repositories/account-events';
import { findAgentRow } from '../repositories/agents';
import { hashToken } from './auth';
import { requireStrongPassword } from './password-rules';
import { hashPassword, verifyPassword } from './passwords';
import { revokeAgentSessions } from './session-revocation';

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
  if (!ok) {
    throw new DomainError('wrong_password', 'The current password is not right.', {
      fields: [{ path: 'body.current', message: 'is not your current password' }],
    });
  }
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
