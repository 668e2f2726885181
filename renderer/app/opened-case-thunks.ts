import { z } from 'zod';
import { Message } from '../../shared';
import { CaseContextRead, figuresFromService } from '../data/party-figures';
import { EventRead } from '../data/read-schemas';
import { keepCaseHistory } from '../data/replica-writes';
import { request } from './api-client';
import type { AppThunk } from './store';

/**
 * What the workspace reads of the service's case detail, in one schema: the parties'
 * figures, the case's whole history, and who replied when (for the collision check).
 */
const OpenedCaseRead = CaseContextRead.extend({
  events: z.array(EventRead),
  messages: z.array(Message.pick({ id: true, to: true, authorId: true, createdAt: true })),
});
type OpenedCaseRead = z.infer<typeof OpenedCaseRead>;

/** A reply of the case as the service holds it: enough to tell who replied since when. */
export type ServiceReply = OpenedCaseRead['messages'][number];

/** The service's case detail, or null offline, when it cannot answer, or after `capMs`. */
const readOpenedCase =
  (caseId: string, capMs?: number): AppThunk<Promise<OpenedCaseRead | null>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return null;
    const signal = capMs === undefined ? undefined : AbortSignal.timeout(capMs);
    try {
      const body = await request<unknown>(
        serverUrl,
        `/api/v1/cases/${encodeURIComponent(caseId)}`,
        { token: open.token, ...(signal ? { signal } : {}) },
      );
      const read = OpenedCaseRead.safeParse(body);
      return read.success ? read.data : null;
    } catch {
      return null;
    }
  };

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
  async (dispatch, _getState, { connection }) => {
    const read = await dispatch(readOpenedCase(c.id));
    const open = connection.get();
    if (!read || !open) return;
    await open.db.figures.bulkPut(figuresFromService(read, c, new Date()));
    await keepCaseHistory(open.db, c.id, read.events);
  };

/**
 * The case's replies as the service holds them now, for the check before a reply is sent:
 * the device may not have pulled a colleague's reply yet (the stream's poke and the pull
 * take a moment, longer on a slow machine), and a warning resting on the device alone
 * would miss it. Null offline or when the service does not answer within `capMs` (a send
 * that waits a little is better than a collision unseen; the cap only bounds a service
 * that hangs): then the device's replies are all there is to check against. The read also
 * starts a pull, so that a reply it found comes into the conversation.
 */
export const repliesOnService =
  (caseId: string, capMs = 8_000): AppThunk<Promise<ServiceReply[] | null>> =>
  async (dispatch, _getState, { connection }) => {
    const read = await dispatch(readOpenedCase(caseId, capMs));
    if (read) void connection.get()?.engine.sync();
    return read?.messages ?? null;
  };
