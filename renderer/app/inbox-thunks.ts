import { markInboxRead } from '../data/inbox';
import type { AppThunk } from './store';
import { caseOpened } from './ui-slice';

/** Marks notifications read on this device (the list follows by its live query). */
export const inboxRead =
  (ids: string[]): AppThunk =>
  async (_dispatch, _getState, { connection }) => {
    const open = connection.get();
    if (open && ids.length) await markInboxRead(open.db, ids, new Date()).catch(() => undefined);
  };

/** A notification chosen: its case opens, and it counts as read. */
export const inboxItemOpened =
  (item: { id: string; caseId: string }): AppThunk =>
  async (dispatch) => {
    dispatch(caseOpened(item.caseId));
    await dispatch(inboxRead([item.id]));
  };
