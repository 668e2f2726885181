import {
  DomainError,
  enrolmentRequired,
  formatRecoveryCode,
  secondFactorRequired,
  type Agent,
  type DisableSecondFactorRequest,
  type Role,
  type SecondFactorEnrolment,
  type SecondFactorStatus,
} from '../../shared';
import type { Database, Queryable } from '../db/database';
import { recordAccountEvent } from '../repositories/account-events';
import { findAgentRow } from '../repositories/agents';
import {
  claimTimeStep,
  countRecoveryCodesLeft,
  deleteSecondFactor,
  findSecondFactor,
  putPendingSecondFactor,
  readSecondFactorPolicy,
  replaceRecoveryCodes,
  spendRecoveryCode,
  writeSecondFactorPolicy,
} from '../repositories/second-factors';
import { iso } from '../repositories/timestamps';
import { hashToken } from './auth';
import {
  releaseLoginAttempt,
  reserveLoginAttempt,
  reserveSecondFactorAttempt,
} from './login-limits';
import { verifyPassword } from './passwords';
import type { SecretBox } from './second-factor-secrets';
import {
  matchingTimeStep,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
  qrCodeDataUrl,
  RECOVERY_CODE_COUNT,
} from './totp';

/** What a session knows about itself, from authentication (see authenticateSession). */
export interface SessionFacts {
  viaSso: boolean;
}

const invalidCode = () =>
  new DomainError('invalid_second_factor', 'The authentication code is not right.');

/** Whether a TOTP code is right for the agent's confirmed factor now, and spends its step. */
export async function acceptTotp(
  db: Queryable,
  box: SecretBox,
  agentId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const factor = await findSecondFactor(db, agentId);
  if (!factor?.confirmed_at) return false;
  const step = await matchingTimeStep(box.open(factor.secret, agentId), code, now);
  return step !== null && (await claimTimeStep(db, agentId, step));
}

export async function acceptRecoveryCode(
  db: Queryable,
  agentId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  return spendRecoveryCode(db, agentId, hashToken(code), now);
}

/**
 * Checks the second factor of a sign-in whose password was right. `reservation` is the
 * attempt the login limits already counted: it is marked as a code guess before the code
 * is checked, and the caller takes it back only when everything was right.
 */
export async function checkSecondFactor(
  db: Database,
  box: SecretBox,
  agentId: string,
  email: string,
  reservation: string,
  given: { totp?: string; recoveryCode?: string },
  now: Date,
): Promise<void> {
  await reserveSecondFactorAttempt(db, reservation, email, now);
  const ok = given.totp
    ? await acceptTotp(db, box, agentId, given.totp, now)
    : given.recoveryCode
      ? await acceptRecoveryCode(db, agentId, given.recoveryCode, now)
      : false;
  if (!ok) throw invalidCode();
}

export async function hasActiveSecondFactor(db: Queryable, agentId: string): Promise<boolean> {
  return !!(await findSecondFactor(db, agentId))?.confirmed_at;
}

export async function secondFactorStatus(
  db: Queryable,
  me: Agent,
  session: SessionFacts,
): Promise<SecondFactorStatus> {
  const factor = await findSecondFactor(db, me.id);
  const requiredFor = await readSecondFactorPolicy(db);
  const active = !!factor?.confirmed_at;
  return {
    active,
    confirmedAt: factor?.confirmed_at ? iso(factor.confirmed_at) : null,
    recoveryCodesLeft: active ? await countRecoveryCodesLeft(db, me.id) : 0,
    required: secondFactorRequired(me.roles, requiredFor),
    enrolmentRequired: enrolmentRequired({
      roles: me.roles,
      requiredFor,
      active,
      viaSso: session.viaSso,
    }),
  };
}

const alreadyOn = () =>
  new DomainError(
    'stale_state',
    'Two-step sign-in is already on; turn it off first to set up another authenticator.',
  );

/** A new secret for the caller's authenticator app; not asked for until confirmed. */
export async function beginEnrolment(
  db: Database,
  box: SecretBox,
  me: Agent,
  now: Date,
): Promise<SecondFactorEnrolment> {
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await findAgentRow(tx, me.id, { forUpdate: true });
    if ((await findSecondFactor(tx, me.id))?.confirmed_at) throw alreadyOn();
    await putPendingSecondFactor(tx, me.id, box.seal(secret, me.id), now);
  });
  const uri = otpauthUri(secret, me.email);
  return { secret, otpauthUri: uri, qrCode: await qrCodeDataUrl(uri) };
}

function newRecoveryCodes(): { shown: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { shown: codes.map(formatRecoveryCode), hashes: codes.map(hashToken) };
}

/**
 * The first right code from the app turns the factor on and answers the recovery codes,
 * the only time they are ever shown.
 */
export async function confirmEnrolment(
  db: Database,
  box: SecretBox,
  me: Agent,
  code: string,
  now: Date,
): Promise<{ recoveryCodes: string[] }> {
  return db.transaction(async (tx) => {
    await findAgentRow(tx, me.id, { forUpdate: true });
    const factor = await findSecondFactor(tx, me.id);
    if (!factor) {
      throw new DomainError('stale_state', 'Start setting up two-step sign-in first.');
    }
    if (factor.confirmed_at) throw alreadyOn();
    const step = await matchingTimeStep(box.open(factor.secret, me.id), code, now);
    if (step === null || !(await claimTimeStep(tx, me.id, step, { confirm: now }))) {
      throw new DomainError('invalid_second_factor', 'The authentication code is not right.', {
        fields: [{ path: 'body.code', message: 'is not the code the app shows now' }],
      });
    }
    const { shown, hashes } = newRecoveryCodes();
    await replaceRecoveryCodes(tx, me.id, hashes);
    await recordAccountEvent(tx, {
      agentId: me.id,
      actorId: me.id,
      type: 'agent.second_factor_enabled',
      at: now,
      data: { from: { secondFactor: false }, to: { secondFactor: true } },
    });
    return { recoveryCodes: shown };
  });
}

const proofRefused = (field: string) =>
  new DomainError(
    field === 'password' ? 'wrong_password' : 'invalid_second_factor',
    field === 'password' ? 'The password is not right.' : 'The code is not right.',
    { fields: [{ path: `body.${field}`, message: 'is not right' }] },
  );

/**
 * The owner turns it off, proving it with their password, a code or a recovery code; each
 * is counted like a sign-in attempt (a stolen session must not become a way to guess them).
 */
export async function disableOwnSecondFactor(
  db: Database,
  box: SecretBox,
  me: Agent,
  proof: DisableSecondFactorRequest,
  address: string,
  now: Date,
): Promise<void> {
  if (!(await hasActiveSecondFactor(db, me.id))) {
    throw new DomainError('stale_state', 'Two-step sign-in is not on.');
  }
  const email = me.email.toLowerCase();
  const reservation = await reserveLoginAttempt(db, email, address, now);
  if (proof.password !== undefined) {
    const row = await findAgentRow(db, me.id);
    const ok = !!row?.password_hash && (await verifyPassword(proof.password, row.password_hash));
    if (!ok) throw proofRefused('password');
  } else {
    await reserveSecondFactorAttempt(db, reservation, email, now);
    const ok = proof.code
      ? await acceptTotp(db, box, me.id, proof.code, now)
      : await acceptRecoveryCode(db, me.id, proof.recoveryCode!, now);
    if (!ok) throw proofRefused(proof.code ? 'code' : 'recoveryCode');
  }
  await db.transaction(async (tx) => {
    await releaseLoginAttempt(tx, reservation, email, address);
    await removeSecondFactor(tx, me.id, me.id, now, {
      by: 'self',
      with: proof.password !== undefined ? 'password' : proof.code ? 'code' : 'recovery_code',
    });
  });
}

/**
 * Turns an agent's second factor off (an admin for someone who lost their phone, or the
 * command line with `actorId` null). Nothing happens when there is none.
 */
export async function removeSecondFactor(
  tx: Queryable,
  agentId: string,
  actorId: string | null,
  now: Date,
  data: Record<string, unknown>,
): Promise<boolean> {
  const had = await hasActiveSecondFactor(tx, agentId);
  await deleteSecondFactor(tx, agentId);
  if (!had) return false;
  await recordAccountEvent(tx, {
    agentId,
    actorId,
    type: 'agent.second_factor_disabled',
    at: now,
    data: { from: { secondFactor: true }, to: { secondFactor: false }, ...data },
  });
  return true;
}

/** The admins' setting, read by anyone on staff. */
export async function readPolicy(db: Queryable): Promise<{ requiredFor: Role[] }> {
  return { requiredFor: await readSecondFactorPolicy(db) };
}

/**
 * Changes which roles must use a second factor. An admin cannot make it a rule that would
 * shut their own session out at once: they set up their own first.
 */
export async function setPolicy(
  tx: Queryable,
  actor: Agent,
  session: SessionFacts,
  requiredFor: Role[],
  now: Date,
): Promise<{ requiredFor: Role[] }> {
  const before = await readSecondFactorPolicy(tx, { forUpdate: true });
  const sorted = [...requiredFor].sort();
  if (JSON.stringify([...before].sort()) === JSON.stringify(sorted)) return { requiredFor: before };
  const active = await hasActiveSecondFactor(tx, actor.id);
  if (enrolmentRequired({ roles: actor.roles, requiredFor: sorted, active, ...session })) {
    throw new DomainError(
      'stale_state',
      'Set up two-step sign-in for yourself before you require it of your own role.',
    );
  }
  await writeSecondFactorPolicy(tx, sorted);
  await recordAccountEvent(tx, {
    agentId: actor.id,
    actorId: actor.id,
    type: 'settings.second_factor_requirement_changed',
    at: now,
    data: { from: { requiredFor: before }, to: { requiredFor: sorted } },
  });
  return { requiredFor: sorted };
}
