import { randomBytes } from 'node:crypto';
import { DomainError, enrolmentRequired, type Invitation } from '../../shared';
import type { Queryable } from '../db/database';
import { recordAccountEvent } from '../repositories/account-events';
import { toAgent, type AgentRow } from '../repositories/agents';
import { readSecondFactorPolicy } from '../repositories/second-factors';
import { hashToken, newSessionToken, openSession, type LoginResult } from './auth';
import { hasActiveSecondFactor } from './second-factor';
import { requireStrongPassword } from './password-rules';
import { hashPassword } from './passwords';
import { revokeAgentSessions } from './session-revocation';

export const INVITATION_DAYS = 7;

/**
 * A new single-use invitation for the agent (creating the account or resetting its
 * password); any earlier one still open stops working, so only the newest link counts.
 */
export async function issueInvitation(
  tx: Queryable,
  agentId: string,
  actorId: string | null,
  now: Date,
): Promise<Invitation> {
  await voidInvitations(tx, agentId, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await tx.query(
    `INSERT INTO invitations (token_hash, agent_id, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashToken(token), agentId, actorId, now, expiresAt],
  );
  return { token, expiresAt: expiresAt.toISOString() };
}

export async function voidInvitations(tx: Queryable, agentId: string, now: Date): Promise<void> {
  await tx.query('UPDATE invitations SET used_at = $2 WHERE agent_id = $1 AND used_at IS NULL', [
    agentId,
    now,
  ]);
}

const expired = () =>
  new DomainError(
    'invitation_expired',
    'This invitation has expired or was already used; ask an administrator for a new one.',
  );

/** Sets the invited agent's password and signs them in; the invitation is then spent. */
export async function acceptInvitation(
  tx: Queryable,
  req: { token: string; password: string },
  now: Date,
): Promise<LoginResult> {
  // Locked, so two tabs accepting the same link at once cannot both succeed.
  const inv = await tx.query<{ agent_id: string; expires_at: Date; used_at: Date | null }>(
    'SELECT agent_id, expires_at, used_at FROM invitations WHERE token_hash = $1 FOR UPDATE',
    [hashToken(req.token)],
  );
  const i = inv.rows[0];
  if (!i || i.used_at !== null || new Date(i.expires_at) <= now) throw expired();
  const res = await tx.query<AgentRow>('SELECT * FROM agents WHERE id = $1 FOR UPDATE', [
    i.agent_id,
  ]);
  const row = res.rows[0]!;
  if (!row.active) throw expired();
  requireStrongPassword(req.password, row);

  await tx.query('UPDATE invitations SET used_at = $2 WHERE token_hash = $1', [
    hashToken(req.token),
    now,
  ]);
  await tx.query('UPDATE agents SET password_hash = $2 WHERE id = $1', [
    row.id,
    await hashPassword(req.password),
  ]);
  await revokeAgentSessions(tx, row.id);
  const token = newSessionToken();
  await openSession(tx, row.id, token, now);
  await recordAccountEvent(tx, {
    agentId: row.id,
    actorId: row.id,
    type: 'agent.invitation_accepted',
    at: now,
    data: {},
  });
  const agent = toAgent({ ...row, last_seen_at: now });
  // A password session like a sign-in's: limited to enrolment when the role requires it.
  // (An invitation itself is not asked for a code: an admin issued it.)
  const limited = enrolmentRequired({
    roles: agent.roles,
    requiredFor: await readSecondFactorPolicy(tx),
    active: await hasActiveSecondFactor(tx, row.id),
    viaSso: false,
  });
  return { token, agent, ...(limited ? { secondFactorEnrolmentRequired: true as const } : {}) };
}

/**
 * Whom an open invitation is for, so the invitation screen can judge a password against
 * their name and email as the service will. Its holder may set the password anyway, so
 * this tells them nothing more; anything but an open invitation is 410.
 */
export async function lookupInvitation(
  db: Queryable,
  token: string,
  now: Date,
): Promise<{ name: string; email: string; expiresAt: string }> {
  const res = await db.query<{ name: string; email: string; expires_at: Date; active: boolean }>(
    `SELECT a.name, a.email, a.active, i.expires_at FROM invitations i
       JOIN agents a ON a.id = i.agent_id
      WHERE i.token_hash = $1 AND i.used_at IS NULL`,
    [hashToken(token)],
  );
  const row = res.rows[0];
  if (!row || !row.active || new Date(row.expires_at) <= now) throw expired();
  return { name: row.name, email: row.email, expiresAt: new Date(row.expires_at).toISOString() };
}
