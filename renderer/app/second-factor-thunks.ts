import type {
  DisableSecondFactorRequest,
  Role,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../shared';
import { describeAccountError, type Outcome } from './account-thunks';
import { ApiError, signOutOnServer } from './api-client';
import { heldForEnrolment, holdForEnrolment } from './enrolment-hold';
import {
  beginSecondFactor,
  confirmSecondFactor,
  fetchSecondFactor,
  fetchSecondFactorPolicy,
  saveSecondFactorPolicy,
  turnOffSecondFactor,
} from './second-factor-api';
import { signedOut } from './session-slice';
import { beginSession } from './session-thunks';
import type { AppThunk } from './store';

/** What a person should read when a two-step sign-in request fails. */
export function describeSecondFactorError(err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'invalid_second_factor':
        return 'That code is not right, or was used already. Enter the newest code from your app.';
      case 'wrong_password':
        return 'That password is not right.';
      case 'stale_state':
        return err.message;
      case 'rate_limited':
        return 'Too many wrong codes or passwords. Wait 15 minutes and try again.';
    }
  }
  return describeAccountError(err);
}

/**
 * Runs a request with this window's session, or with the session held while its owner sets
 * up two-step sign-in before the workspace opens.
 */
const withSession =
  <T>(run: (serverUrl: string, token: string) => Promise<T>): AppThunk<Promise<Outcome<T>>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const token = connection.get()?.token ?? heldForEnrolment()?.token;
    if (!token) return { ok: false, error: 'You are signed out.' };
    try {
      return { ok: true, value: await run(serverUrl, token) };
    } catch (err) {
      return {
        ok: false,
        error: describeSecondFactorError(err),
        ...(err instanceof ApiError ? { code: err.code } : {}),
      };
    }
  };

export const loadSecondFactor = (): AppThunk<Promise<Outcome<SecondFactorStatus>>> =>
  withSession(fetchSecondFactor);

export const startSecondFactor = (): AppThunk<Promise<Outcome<SecondFactorEnrolment>>> =>
  withSession(beginSecondFactor);

export const confirmSecondFactorWith = (code: string): AppThunk<Promise<Outcome<string[]>>> =>
  withSession((url, token) => confirmSecondFactor(url, token, code));

export const turnOffSecondFactorWith = (
  proof: DisableSecondFactorRequest,
): AppThunk<Promise<Outcome<null>>> =>
  withSession((url, token) => turnOffSecondFactor(url, token, proof).then(() => null));

export const loadSecondFactorPolicy = (): AppThunk<Promise<Outcome<Role[]>>> =>
  withSession(fetchSecondFactorPolicy);

export const saveSecondFactorPolicyWith = (
  requiredFor: Role[],
): AppThunk<Promise<Outcome<Role[]>>> =>
  withSession((url, token) => saveSecondFactorPolicy(url, token, requiredFor));

/** Two-step sign-in is set up (and the recovery codes read): the workspace opens. */
export const finishEnrolment = (): AppThunk => async (dispatch) => {
  const held = heldForEnrolment();
  if (!held) return;
  holdForEnrolment(null);
  await dispatch(beginSession(held));
};

/** The person would rather not set it up now: the held session ends. */
export const abandonEnrolment =
  (): AppThunk =>
  async (dispatch, _getState, { serverUrl }) => {
    const held = heldForEnrolment();
    holdForEnrolment(null);
    if (held) await signOutOnServer(serverUrl, held.token).catch(() => undefined);
    dispatch(signedOut());
  };
