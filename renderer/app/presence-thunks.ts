import { CasePresence } from '../../shared';
import { request } from './api-client';
import { availabilityReported, availabilitySet, presenceHeard } from './presence-slice';
import type { AppThunk } from './store';

/**
 * "I have this case open", typing or not: a heartbeat while the case shows. Its answer is
 * who else is there. Offline or refused, nothing happens: presence is advisory, and what
 * was heard expires by itself (CASE_PRESENCE_TTL_MS).
 */
export const caseHeartbeat =
  (caseId: string, typing: boolean): AppThunk =>
  async (dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return;
    try {
      const body = await request<unknown>(
        serverUrl,
        `/api/v1/cases/${encodeURIComponent(caseId)}/presence`,
        { method: 'POST', token: open.token, body: JSON.stringify({ typing }) },
      );
      const read = CasePresence.safeParse(body);
      if (read.success) dispatch(presenceHeard({ presence: read.data, at: Date.now() }));
    } catch {
      // Offline, or the case is no longer visible: the others simply stop seeing us.
    }
  };

/** The case was closed here: the others stop seeing this agent at once. */
export const caseLeft =
  (caseId: string): AppThunk =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return;
    await request(serverUrl, `/api/v1/cases/${encodeURIComponent(caseId)}/presence`, {
      method: 'DELETE',
      token: open.token,
    }).catch(() => undefined);
  };

/** A `presence` event from the sync stream (data as sent); unreadable ones are dropped. */
export const presenceEventReceived =
  (data: string): AppThunk<void> =>
  (dispatch) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const read = CasePresence.safeParse(parsed);
    if (read.success) dispatch(presenceHeard({ presence: read.data, at: Date.now() }));
  };

/**
 * Reports the agent's availability for chat and phone (`POST /me/presence`); repeated by
 * the heartbeat while the app runs, since the service counts a report older than two
 * minutes as unavailable.
 */
export const reportAvailability =
  (next?: { chat: boolean; phone: boolean }): AppThunk =>
  async (dispatch, getState, { connection, serverUrl }) => {
    if (next) dispatch(availabilitySet(next));
    const { chat, phone } = getState().presence.availability;
    const open = connection.get();
    if (!open) return;
    const channels = [...(chat ? ['chat'] : []), ...(phone ? ['phone'] : [])];
    try {
      await request(serverUrl, '/api/v1/me/presence', {
        method: 'POST',
        token: open.token,
        body: JSON.stringify({ available: channels.length > 0, channels }),
      });
      dispatch(availabilityReported(null));
    } catch (err) {
      dispatch(
        availabilityReported(
          `Not reported: ${(err as Error).message}. Casedesk tries again in a moment.`,
        ),
      );
    }
  };
