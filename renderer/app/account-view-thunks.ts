import { PartyAccountRead } from '../data/read-schemas';
import { request } from './api-client';
import type { AppThunk } from './store';

/**
 * The service's record of one account (every case, not only the device's), for the Account
 * view; null offline or when the service cannot answer — the device's record shows then.
 * A read, never a queued change.
 */
export const fetchPartyAccount =
  (kind: 'buyer' | 'seller', externalId: string): AppThunk<Promise<PartyAccountRead | null>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return null;
    try {
      const body = await request<unknown>(
        serverUrl,
        `/api/v1/parties/${kind}/${encodeURIComponent(externalId)}/account`,
        { token: open.token },
      );
      const read = PartyAccountRead.safeParse(body);
      return read.success ? read.data : null;
    } catch {
      return null;
    }
  };
