import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type Actor,
  type Agent,
  type CreateAgentRequest,
  type Invitation,
  type UpdateAgentRequest,
} from '../../shared';
import type { Queryable } from '../db/database';
import { recordAccountEvent } from '../repositories/account-events';
import { findAgentByEmail, findAgentRow, insertAgent, toAgent } from '../repositories/agents';
import { recordEvent } from '../repositories/case-parts';
import { issueInvitation, voidInvitations } from './invitations';
import { announceSessionChange, revokeAgentSessions } from './session-revocation';

/** Who made an account change: an admin, or the command line (null). */
export type AccountActor = Pick<Actor, 'id'> | null;

const noAgent = () => new DomainError('not_found', 'No such agent.');

/**
 * Locks every active admin, in id order, before the account being changed: two admins
 * demoting or deactivating each other at once then run one after the other, and the
 * second sees that only one admin is left.
 */
async function lockActiveAdmins(tx: Queryable): Promise<string[]> {
  const res = await tx.query<{ id: string }>(
    `SELECT id FROM agents WHERE active AND 'admin' = ANY (roles) ORDER BY id FOR UPDATE`,
  );
  return res.rows.map((r) => r.id);
}

function requireAnotherAdmin(admins: string[], agentId: string, what: string): void {
  if (admins.length === 1 && admins[0] === agentId) {
    throw new DomainError(
      'stale_state',
      `This is the last active admin; make someone else an admin before you ${what}.`,
    );
  }
}

async function lockAgent(tx: Queryable, id: string) {
  const row = await findAgentRow(tx, id, { forUpdate: true });
  if (!row) throw noAgent();
  return row;
}

export async function createAgent(
  tx: Queryable,
  actor: AccountActor,
  req: CreateAgentRequest,
  now: Date,
): Promise<{ agent: Agent; invitation: Invitation }> {
  const taken = () =>
    new DomainError('email_taken', 'An account with this email already exists.', {
      fields: [{ path: 'body.email', message: 'already in use' }],
    });
  if (await findAgentByEmail(tx, req.email)) throw taken();
  const id = randomUUID();
  // Two creations of one email at once: the unique index refuses the second.
  await tx.query('SAVEPOINT create_agent');
  try {
    await insertAgent(tx, {
      id,
      name: req.name,
      email: req.email,
      passwordHash: null,
      roles: req.roles,
      languages: req.languages,
      refundLimitMinor: req.refundLimit.amount,
      refundLimitCurrency: req.refundLimit.currency,
    });
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    await tx.query('ROLLBACK TO SAVEPOINT create_agent');
    throw taken();
  }
  const invitation = await issueInvitation(tx, id, actor?.id ?? null, now);
  const agent = toAgent((await findAgentRow(tx, id))!);
  await recordAccountEvent(tx, {
    agentId: id,
    actorId: actor?.id ?? null,
    type: 'agent.created',
    at: now,
    data: {
      to: {
        name: agent.name,
        email: agent.email,
        roles: agent.roles,
        languages: agent.languages,
        refundLimit: agent.refundLimit,
      },
      invitationExpiresAt: invitation.expiresAt,
    },
  });
  return { agent, invitation };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateAgent(
  tx: Queryable,
  actor: AccountActor,
  id: string,
  patch: UpdateAgentRequest,
  now: Date,
): Promise<Agent> {
  const admins = await lockActiveAdmins(tx);
  const before = toAgent(await lockAgent(tx, id));
  const after: Agent = {
    ...before,
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.roles === undefined ? {} : { roles: patch.roles }),
    ...(patch.languages === undefined ? {} : { languages: patch.languages }),
    ...(patch.refundLimit === undefined ? {} : { refundLimit: patch.refundLimit }),
    ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
  };
  const fields = (['name', 'roles', 'languages', 'refundLimit', 'capacity'] as const).filter(
    (f) => !sameJson(before[f], after[f]),
  );
  if (fields.length === 0) return before;
  if (before.active && before.roles.includes('admin') && !after.roles.includes('admin')) {
    requireAnotherAdmin(admins, id, 'take the admin role away');
  }
  await tx.query(
    `UPDATE agents SET name = $2, roles = $3, languages = $4, refund_limit_minor = $5,
            refund_limit_currency = $6, capacity = $7 WHERE id = $1`,
    [
      id,
      after.name,
      after.roles,
      after.languages,
      after.refundLimit.amount,
      after.refundLimit.currency,
      after.capacity,
    ],
  );
  await recordAccountEvent(tx, {
    agentId: id,
    actorId: actor?.id ?? null,
    type: 'agent.updated',
    at: now,
    data: {
      from: Object.fromEntries(fields.map((f) => [f, before[f]])),
      to: Object.fromEntries(fields.map((f) => [f, after[f]])),
    },
  });
  return toAgent((await findAgentRow(tx, id))!);
}

/**
 * Takes access away at once: every session answers 401 account_deactivated from now on
 * (they are kept, not deleted, so the client can tell why), open invitations stop working,
 * and the agent's open cases go back to the queue, each with an event. Pending proposals
 * stay for reviewers to decide.
 */
export async function deactivateAgent(
  tx: Queryable,
  actor: AccountActor,
  id: string,
  now: Date,
): Promise<Agent> {
  const admins = await lockActiveAdmins(tx);
  const row = await lockAgent(tx, id);
  if (!row.active) return toAgent(row);
  if (row.roles.includes('admin')) requireAnotherAdmin(admins, id, 'deactivate this account');

  await tx.query('UPDATE agents SET active = false WHERE id = $1', [id]);
  // Its sessions stay (to answer account_deactivated); their open streams close now.
  await announceSessionChange(tx);
  await voidInvitations(tx, id, now);
  // Nobody may offer a buyer a chat this agent would have answered.
  await tx.query('UPDATE presence SET available = false, updated_at = $2 WHERE agent_id = $1', [
    id,
    now,
  ]);
  const open = await tx.query<{ id: string; status: string }>(
    `SELECT id, status FROM cases WHERE assignee_id = $1 AND status <> 'resolved' ORDER BY id FOR UPDATE`,
    [id],
  );
  for (const c of open.rows) {
    await tx.query(
      'UPDATE cases SET assignee_id = NULL, version = version + 1, updated_at = $2 WHERE id = $1',
      [c.id, now],
    );
    await recordEvent(tx, {
      caseId: c.id,
      type: 'case.released',
      actorId: actor?.id ?? null,
      at: now,
      data: { fromAssigneeId: id, status: c.status, reason: 'agent_deactivated' },
    });
  }
  await recordAccountEvent(tx, {
    agentId: id,
    actorId: actor?.id ?? null,
    type: 'agent.deactivated',
    at: now,
    data: { from: { active: true }, to: { active: false }, releasedCases: open.rows.length },
  });
  return toAgent((await findAgentRow(tx, id))!);
}

/** Gives access back. Sessions from before the deactivation never come back to life. */
export async function activateAgent(
  tx: Queryable,
  actor: AccountActor,
  id: string,
  now: Date,
): Promise<Agent> {
  const row = await lockAgent(tx, id);
  if (row.active) return toAgent(row);
  await revokeAgentSessions(tx, id);
  await tx.query('UPDATE agents SET active = true WHERE id = $1', [id]);
  await recordAccountEvent(tx, {
    agentId: id,
    actorId: actor?.id ?? null,
    type: 'agent.activated',
    at: now,
    data: { from: { active: false }, to: { active: true } },
  });
  return toAgent((await findAgentRow(tx, id))!);
}

/** The old password and every session stop at once; the agent sets a new one by invitation. */
export async function resetPassword(
  tx: Queryable,
  actor: AccountActor,
  id: string,
  now: Date,
): Promise<{ invitation: Invitation }> {
  const row = await lockAgent(tx, id);
  await tx.query('UPDATE agents SET password_hash = NULL WHERE id = $1', [id]);
  await revokeAgentSessions(tx, id);
  const invitation = await issueInvitation(tx, row.id, actor?.id ?? null, now);
  await recordAccountEvent(tx, {
    agentId: id,
    actorId: actor?.id ?? null,
    type: 'agent.password_reset',
    at: now,
    data: { invitationExpiresAt: invitation.expiresAt },
  });
  return { invitation };
}
