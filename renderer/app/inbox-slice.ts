import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { InboxRead } from '../data/inbox';
import type { RootState } from './store';

/**
 * What happened to me (the Notifications list), as the desk-signals watcher last read it
 * from the replica: one read on each replica change serves both the desktop notifications
 * and the list, instead of a second read of the same events beside it.
 */
export interface InboxState {
  read: InboxRead;
}

export const EMPTY_INBOX: InboxRead = { items: [], unread: 0 };

export const inboxSlice = createSlice({
  name: 'inbox',
  initialState: { read: EMPTY_INBOX } as InboxState,
  reducers: {
    inboxChanged(state, action: PayloadAction<InboxRead>) {
      state.read = action.payload;
    },
    /** Signed out, or the watcher stopped: nothing is shown from a replica no longer read. */
    inboxEmptied(state) {
      state.read = EMPTY_INBOX;
    },
  },
});

export const { inboxChanged, inboxEmptied } = inboxSlice.actions;
export const selectInbox = (s: RootState): InboxRead => s.inbox.read;
