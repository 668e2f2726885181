import {
  CasesPageRead,
  RemoteCaseRead,
  remoteSearchPath,
  type RemoteHit,
} from '../data/remote-cases';
import { request } from './api-client';
import type { AppThunk } from './store';

/**
 * A search also asks the service, when online, for the cases this device does not hold
 * (resolved long ago, or never synced here): those it finds that the replica lacks. A read,
 * never queued; offline or on any failure it finds nothing more.
 */
export const searchBeyondDevice =
  (typed: string): AppThunk<Promise<RemoteHit[]>> =>
  async (_dispatch, getState, { connection, serverUrl }) => {
    const open = connection.get();
    const path = remoteSearchPath(typed);
    if (!open || !path || !getState().sync.online) return [];
    let body: unknown;
    try {
      body = await request<unknown>(serverUrl, path, { token: open.token });
    } catch {
      return [];
    }
    const read = CasesPageRead.safeParse(body);
    if (!read.success) return [];
    const found = read.data.cases;
    const held = await open.db.cases.bulkGet(found.map((c) => c.id));
    return found
      .filter((_, i) => !held[i])
      .map((c) => ({
        id: c.id,
        reference: c.reference,
        buyerName: c.buyer.name,
        status: c.status,
        topic: c.topic,
        updatedAt: c.updatedAt,
      }));
  };

/**
 * A case not on this device, read from the service to be shown read-only. It is not kept:
 * the replica holds what sync brings and keeps current, and a case put there by hand would
 * never be updated or taken away again.
 */
export const fetchRemoteCase =
  (id: string): AppThunk<Promise<RemoteCaseRead | null>> =>
  async (_dispatch, _getState, { connection, serverUrl }) => {
    const open = connection.get();
    if (!open) return null;
    try {
      const body = await request<unknown>(serverUrl, `/api/v1/cases/${encodeURIComponent(id)}`, {
        token: open.token,
      });
      const read = RemoteCaseRead.safeParse(body);
      return read.success ? read.data : null;
    } catch {
      return null;
    }
  };
