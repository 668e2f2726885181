import { CaseContextRead, figuresFromService } from '../data/party-figures';
import { request } from './api-client';
import type { AppThunk } from './store';

/**
 * Reads the service's figures for the open case's buyer and seller and keeps them on the
 * device: the device may hold only some of their cases, and a partial count shown as the
 * whole one misleads. Offline, or if the service cannot answer, the kept ones stay (with
 * their age) and nothing else changes: this is a read, never a queued change.
 */
export const refreshPartyFigures =
  (c: { id: string; buyerId: string; sellerId?: string | undefined }): AppThunk<Promise<void>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return;
    let body: unknown;
    try {
      body = await request<unknown>(serverUrl, `/api/v1/cases/${encodeURIComponent(c.id)}`, {
        token: open.token,
      });
    } catch {
      return;
    }
    const read = CaseContextRead.safeParse(body);
    if (!read.success) return;
    await open.db.figures.bulkPut(figuresFromService(read.data, c, new Date()));
  };
