import type { CreateAgentRequest, Invitation, UpdateAgentRequest } from '../../shared';
import {
  acceptInvitation,
  changePassword,
  inviteAgent,
  listTeam,
  lookupInvitation,
  resetAgentPassword,
  setAgentActive,
  updateAgent,
} from './account-api';
import { ApiError, UnreachableError } from './api-client';
import { beginSession } from './session-thunks';
import type { AppThunk } from './store';
import { teamFailed, teamLoaded, teamLoading } from './team-slice';

/** What a person should read when an account request fails. */
export function describeAccountError(err: unknown): string {
  if (err instanceof UnreachableError) return `${err.message} Check your connection.`;
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'email_taken':
        return 'Someone already has an account with this email.';
      case 'invitation_expired':
        return 'This invitation has expired or was used already. Ask your administrator for a new one.';
      case 'wrong_password':
        return 'Your current password is not right.';
      case 'stale_state':
        return 'Not possible: the team needs at least one active admin.';
      case 'forbidden':
        return 'Only an admin may change accounts.';
      case 'rate_limited':
        return 'Too many wrong passwords. Wait 15 minutes and try again.';
      default:
        return err.message;
    }
  }
  return 'That did not work for an unexpected reason. Try again.';
}

/** Either what the service answered, or what the person should read. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; code?: string };

const attempt = async <T>(run: () => Promise<T>): Promise<Outcome<T>> => {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return {
      ok: false,
      error: describeAccountError(err),
      ...(err instanceof ApiError ? { code: err.code } : {}),
    };
  }
};

export const loadTeam =
  (): AppThunk =>
  async (dispatch, _getState, { connection, serverUrl }) => {
    const c = connection.get();
    if (!c) return;
    dispatch(teamLoading());
    const r = await attempt(() => listTeam(serverUrl, c.token));
    dispatch(r.ok ? teamLoaded(r.value) : teamFailed(r.error));
  };

/** Runs an admin's change with this window's session, then lists the team again. */
const adminChange =
  <T>(run: (serverUrl: string, token: string) => Promise<T>): AppThunk<Promise<Outcome<T>>> =>
  async (dispatch, _getState, { connection, serverUrl }) => {
    const c = connection.get();
    if (!c) return { ok: false, error: 'You are signed out.' };
    const r = await attempt(() => run(serverUrl, c.token));
    if (r.ok) await dispatch(loadTeam());
    return r;
  };

export const inviteTeamMember = (body: CreateAgentRequest) =>
  adminChange((url, token) => inviteAgent(url, token, body).then((a) => a.invitation));

export const editTeamMember = (id: string, body: UpdateAgentRequest) =>
  adminChange((url, token) => updateAgent(url, token, id, body));

export const setTeamMemberActive = (id: string, active: boolean) =>
  adminChange((url, token) => setAgentActive(url, token, id, active));

export const resetTeamMemberPassword = (id: string): AppThunk<Promise<Outcome<Invitation>>> =>
  adminChange((url, token) => resetAgentPassword(url, token, id));

/** Sets the invitee's password and signs them in, as a sign-in would. */
export const acceptInvitationWith =
  (invitation: string, password: string): AppThunk<Promise<Outcome<null>>> =>
  async (dispatch, _getState, { serverUrl }) => {
    const r = await attempt(() => acceptInvitation(serverUrl, invitation, password));
    if (!r.ok) return r;
    await dispatch(beginSession(r.value));
    return { ok: true, value: null };
  };

/** Whom an invitation is for, to judge a new password by; null when it cannot be told. */
export const lookUpInvitee =
  (invitation: string): AppThunk<Promise<{ name: string; email: string } | null>> =>
  async (_dispatch, _getState, { serverUrl }) =>
    lookupInvitation(serverUrl, invitation).then(
      ({ name, email }) => ({ name, email }),
      () => null,
    );

export const changeOwnPassword =
  (current: string, next: string): AppThunk<Promise<Outcome<null>>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const c = connection.get();
    if (!c) return { ok: false, error: 'You are signed out.' };
    return attempt(() => changePassword(serverUrl, c.token, current, next).then(() => null));
  };
