import type {
  Language,
  MoveOpenCasesRequest,
  MoveOpenCasesResponse,
  RoutingSettings,
} from '../../shared';
import { describeAccountError, loadTeam, type Outcome } from './account-thunks';
import { ApiError } from './api-client';
import { getRouting, patchCapacity, postMoveOpenCases, putRouting } from './routing-api';
import type { AppThunk } from './store';

/** A lead's routing request with this window's session; the team is listed again after a change. */
const leadRequest =
  <T>(
    run: (serverUrl: string, token: string) => Promise<T>,
    reload: boolean,
  ): AppThunk<Promise<Outcome<T>>> =>
  async (dispatch, _getState, { connection, serverUrl }) => {
    const c = connection.get();
    if (!c) return { ok: false, error: 'You are signed out.' };
    try {
      const value = await run(serverUrl, c.token);
      if (reload) await dispatch(loadTeam());
      return { ok: true, value };
    } catch (err) {
      const forbidden = err instanceof ApiError && err.code === 'forbidden';
      return {
        ok: false,
        error: forbidden ? err.message : describeAccountError(err),
        ...(err instanceof ApiError ? { code: err.code } : {}),
      };
    }
  };

export const loadRouting = (): AppThunk<Promise<Outcome<RoutingSettings>>> =>
  leadRequest((url, token) => getRouting(url, token), false);

export const switchAutoAssign = (language: Language, on: boolean) =>
  leadRequest((url, token) => putRouting(url, token, language, on), false);

export const changeCapacity = (id: string, capacity: number) =>
  leadRequest((url, token) => patchCapacity(url, token, id, capacity), true);

export const moveAgentCases = (
  id: string,
  body: MoveOpenCasesRequest,
): AppThunk<Promise<Outcome<MoveOpenCasesResponse>>> =>
  leadRequest((url, token) => postMoveOpenCases(url, token, id, body), true);
