import { createHash, randomBytes } from 'node:crypto';
import { DomainError, enrolmentRequired, type Agent, type LoginRequest } from '../../shared';
import type { Database, Queryable } from '../db/database';
import { findAgentByEmail, toAgent, type AgentRow } from '../repositories/agents';
import { knownRoles, readSecondFactorPolicy } from '../repositories/second-factors';
import {
  dropLoginReservation,
  LOGIN_LIMITS,
  releaseLoginAttempt,
  reserveLoginAttempt,
} from './login-limits';
import { decoyHash, verifyPassword } from './passwords';
import { checkSecondFactor, hasActiveSecondFactor } from './second-factor';
import type { SecretBox } from './second-factor-secrets';
import { revokeSession } from './session-revocation';

export const AUTH_POLICY = {
  sessionHours: 12,
  failureWindowMinutes: LOGIN_LIMITS.windowMinutes,
  maxFailuresPerAccount: LOGIN_LIMITS.perAccount,
  maxFailuresPerAddress: LOGIN_LIMITS.perAddress,
} as const;

/** Tokens are stored only as their SHA-256: a leaked table lets nobody in. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/**
 * What a sign-in answers: the contract's `{token, agent}`, plus
 * `secondFactorEnrolmentRequired: true` (only then) when the session may do nothing but
 * set up two-step sign-in.
 */
export interface LoginResult {
  token: string;
  agent: Agent;
  secondFactorEnrolmentRequired?: true;
}

export async function login(
  db: Database,
  box: SecretBox,
  req: LoginRequest,
  address: string,
  now = new Date(),
): Promise<LoginResult> {
  const email = req.email.toLowerCase();
  // Counted before the password is checked, never after: see reserveLoginAttempt.
  const reservation = await reserveLoginAttempt(db, email, address, now);

  // No transaction is open while scrypt runs: it takes tens of milliseconds per guess.
  const found = await findAgentByEmail(db, email);
  // A deactivated agent, or an invited one who has not chosen a password, cannot sign in;
  // they get the same answer, equally slow, as a wrong password.
  const row = found?.active && found.password_hash ? found : null;
  const ok = row
    ? await verifyPassword(req.password, row.password_hash!)
    : await verifyPassword(req.password, await decoyHash()).then(() => false);
  if (!row || !ok) throw new DomainError('invalid_credentials', 'Email or password is wrong.');

  const secondFactor = await hasActiveSecondFactor(db, row.id);
  if (secondFactor) {
    if (!req.totp && !req.recoveryCode) {
      await dropLoginReservation(db, reservation);
      throw new DomainError(
        'second_factor_required',
        'Enter the code from your authenticator app (or a recovery code).',
      );
    }
    await checkSecondFactor(db, box, row.id, email, reservation, req, now);
  }

  const token = newSessionToken();
  await db.transaction(async (tx) => {
    await releaseLoginAttempt(tx, reservation, email, address);
    await openSession(tx, row.id, token, now);
  });
  const agent = toAgent({ ...row, last_seen_at: now });
  const requiredFor = await readSecondFactorPolicy(db);
  const limited = enrolmentRequired({
    roles: agent.roles,
    requiredFor,
    active: secondFactor,
    viaSso: false,
  });
  return { token, agent, ...(limited ? { secondFactorEnrolmentRequired: true as const } : {}) };
}

/** Stores a new session for `token` (its hash only) and marks the agent seen. */
export async function openSession(
  tx: Queryable,
  agentId: string,
  token: string,
  now: Date,
  opts: { viaSso?: boolean } = {},
): Promise<void> {
  const expires = new Date(now.getTime() + AUTH_POLICY.sessionHours * 3_600_000);
  await tx.query(
    'INSERT INTO sessions (token_hash, agent_id, created_at, expires_at, via_sso) VALUES ($1, $2, $3, $4, $5)',
    [hashToken(token), agentId, now, expires, opts.viaSso ?? false],
  );
  await tx.query('DELETE FROM sessions WHERE agent_id = $1 AND expires_at <= $2', [agentId, now]);
  await tx.query('UPDATE agents SET last_seen_at = $2 WHERE id = $1', [agentId, now]);
}

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** How stale `lastSeenAt` may get: touching it on every request would be a write per request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

/**
 * The agents of those of `tokenHashes` that are live sessions of active agents at `now`:
 * what open event streams are re-checked against (see SessionWatch).
 */
export async function liveSessions(
  db: Queryable,
  tokenHashes: string[],
  now = new Date(),
): Promise<Map<string, Agent>> {
  if (tokenHashes.length === 0) return new Map();
  const res = await db.query<AgentRow & { token_hash: string }>(
    `SELECT s.token_hash, a.* FROM sessions s JOIN agents a ON a.id = s.agent_id
      WHERE s.token_hash = ANY ($1::text[]) AND s.expires_at > $2 AND a.active`,
    [tokenHashes, now],
  );
  return new Map(res.rows.map((r) => [r.token_hash, toAgent(r)]));
}

/**
 * The agent a bearer token belongs to, or null when it is unknown or expired. A session of
 * a deactivated agent is refused with its own code, so their client can say why.
 */
export async function authenticate(
  db: Database,
  token: string,
  now = new Date(),
): Promise<Agent | null> {
  return (await authenticateSession(db, token, now))?.agent ?? null;
}

/** A session's agent and how it stands with two-step sign-in. */
export interface AuthenticatedSession {
  agent: Agent;
  viaSso: boolean;
  /** May do nothing but set up a second factor (403 second_factor_enrolment_required). */
  enrolmentRequired: boolean;
}

export async function authenticateSession(
  db: Database,
  token: string,
  now = new Date(),
): Promise<AuthenticatedSession | null> {
  const res = await db.query<
    AgentRow & { via_sso: boolean; second_factor_active: boolean; required_for: string[] }
  >(
    `SELECT a.*, s.via_sso,
            EXISTS (SELECT 1 FROM second_factors f
                     WHERE f.agent_id = a.id AND f.confirmed_at IS NOT NULL) AS second_factor_active,
            (SELECT required_for FROM second_factor_policy) AS required_for
       FROM sessions s JOIN agents a ON a.id = s.agent_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [hashToken(token), now],
  );
  const row = res.rows[0];
  if (!row) return null;
  if (!row.active) {
    throw new DomainError('account_deactivated', 'This account has been deactivated.');
  }
  const seen = row.last_seen_at === null ? 0 : new Date(row.last_seen_at).getTime();
  if (now.getTime() - seen >= LAST_SEEN_INTERVAL_MS) {
    // Not a sync change: the agents trigger ignores this column.
    await db.query(
      'UPDATE agents SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $2)',
      [row.id, now],
    );
    row.last_seen_at = now;
  }
  const agent = toAgent(row);
  return {
    agent,
    viaSso: row.via_sso,
    enrolmentRequired: enrolmentRequired({
      roles: agent.roles,
      requiredFor: knownRoles(row.required_for ?? []),
      active: row.second_factor_active,
      viaSso: row.via_sso,
    }),
  };
}

export async function logout(db: Database, token: string, agentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, hashToken(token));
    // Presence belongs to a signed-in agent; a help center must not offer a chat nobody staffs.
    const left = await tx.query('SELECT 1 FROM sessions WHERE agent_id = $1 LIMIT 1', [agentId]);
    if (left.rows.length === 0) {
      await tx.query(
        'UPDATE presence SET available = false, updated_at = now() WHERE agent_id = $1',
        [agentId],
      );
    }
  });
}
