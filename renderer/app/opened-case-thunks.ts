import { z } from 'zod';
import { CaseContextRead, figuresFromService } from '../data/party-figures';
import { EventRead } from '../data/read-schemas';
import { keepCaseHistory } from '../data/replica-writes';
import { request } from './api-client';
import type { AppThunk } from './store';

/** The case's history in the service's case detail; anything else there is read elsewhere. */
const CaseHistoryRead = z.object({ events: z.array(EventRead) });

/**
 * Reads the opened case from the service, once, and keeps two things on the device:
 * - the figures for its buyer and seller: the device may hold only some of their cases,
 *   and a partial count shown as the whole one misleads;
 * - its whole history: a first sync brings only the last days' events (issue 15), so the
 *   rest is read here and kept, and the case opens whole offline from then on.
 * Offline, or if the service cannot answer, what is kept stays (the figures with their
 * age) and nothing else changes: this is a read, never a queued change.
 */
export const refreshOpenedCase =
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
    if (read.success) await open.db.figures.bulkPut(figuresFromService(read.data, c, new Date()));
    const history = CaseHistoryRead.safeParse(body);
    if (history.success) await keepCaseHistory(open.db, c.id, history.data.events);
  };
