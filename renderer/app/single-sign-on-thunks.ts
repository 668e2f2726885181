import { checkHealth, describeSignInError, exchangeSsoCode } from './api-client';
import { beginSession } from './session-thunks';
import { signInFailed, signInStarted, ssoOffered } from './session-slice';
import type { AppThunk } from './store';

/** The marker on the workspace's own address that the service sends a sign-in back to. */
const RETURN_PARAM = 'sso';

export const SSO_REFUSED =
  'Single sign-on did not sign you in: your company account has no active Casedesk account with a verified email. Ask your administrator.';

export const SSO_UNAVAILABLE =
  'The single sign-on service cannot be reached just now. Try again in a moment, or sign in with your password.';

const ssoError = (error: string | null) =>
  error === 'temporarily_unavailable' ? SSO_UNAVAILABLE : SSO_REFUSED;

/** Whether the service offers single sign-on; an unreachable one simply does not. */
export const checkSingleSignOn =
  (): AppThunk =>
  async (dispatch, _getState, { serverUrl }) => {
    const health = await checkHealth(serverUrl).catch(() => null);
    dispatch(ssoOffered(health?.sso === true));
  };

/**
 * Begins a sign-in at the company's provider. In a browser the page goes there and the
 * service sends it back to this address with a one-time code; the desktop app opens the
 * system browser and receives the code on a loopback address (RFC 8252).
 */
export const signInWithSso =
  (): AppThunk =>
  async (dispatch, _getState, { platform, serverUrl }) => {
    dispatch(signInStarted());
    if (platform.kind === 'web') {
      const back = new URL(window.location.pathname, window.location.origin);
      back.searchParams.set(RETURN_PARAM, '1');
      const start = new URL('/api/v1/auth/oidc/start', serverUrl);
      start.searchParams.set('redirect_uri', back.href);
      window.location.assign(start.href);
      return;
    }
    const r = await platform.signInWithSso();
    if ('code' in r) await dispatch(finishSingleSignOn(r.code));
    else
      dispatch(
        signInFailed(
          ['access_denied', 'temporarily_unavailable'].includes(r.error)
            ? ssoError(r.error)
            : r.error,
        ),
      );
  };

/**
 * On start in a browser: the service sent the page back from the provider. The desktop
 * app receives its code on the loopback address instead, so its address is never read.
 */
export const takeSsoReturn =
  (): AppThunk<Promise<boolean>> =>
  async (dispatch, _getState, { platform }) => {
    if (platform.kind !== 'web') return false;
    const params = new URLSearchParams(window.location.search);
    if (params.get(RETURN_PARAM) !== '1') return false;
    // The code is single use: it must not stay in the address bar or the history.
    window.history.replaceState(null, '', window.location.pathname);
    const code = params.get('code');
    if (code) await dispatch(finishSingleSignOn(code));
    else dispatch(signInFailed(SSO_REFUSED));
    return true;
  };

const finishSingleSignOn =
  (code: string): AppThunk =>
  async (dispatch, _getState, { serverUrl }) => {
    dispatch(signInStarted());
    try {
      await dispatch(beginSession(await exchangeSsoCode(serverUrl, code)));
    } catch (err) {
      dispatch(signInFailed(describeSignInError(err)));
    }
  };
