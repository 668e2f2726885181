import { configureStore, type ThunkAction, type UnknownAction } from '@reduxjs/toolkit';
import type { Platform } from '../../shared/desktop/platform';
import { httpTransport, type SyncTransport } from '../data/sync-transport';
import { fileDb } from '../attachments/attachment-thunks';
import { httpUpload, withPendingUploads } from '../attachments/pending-uploads';
import { createConnectionHolder, type ConnectionHolder } from './connection';
import { hostSlice } from './host-slice';
import { inboxSlice } from './inbox-slice';
import { presenceSlice } from './presence-slice';
import { sessionSlice } from './session-slice';
import { syncSlice } from './sync-slice';
import { teamSlice } from './team-slice';
import { uiSlice } from './ui-slice';

/** What thunks reach the world through: the host, and the window's open connection. */
export interface ThunkExtra {
  platform: Platform;
  connection: ConnectionHolder;
  /** The case service's address: the page's own origin (app:// forwards it in the desktop app). */
  serverUrl: string;
  /** How the sync engine reaches the service: HTTP and SSE, or a fake in tests. */
  transport: (serverUrl: string, token: string) => SyncTransport;
}

export function makeStore(extra: Pick<ThunkExtra, 'platform' | 'serverUrl'> & Partial<ThunkExtra>) {
  const thunkExtra: ThunkExtra = {
    connection: createConnectionHolder(),
    // Files attached offline go up just ahead of the reply or note that names them.
    transport: (url, token) =>
      withPendingUploads(httpTransport(url, token), fileDb(), httpUpload(url, token)),
    ...extra,
  };
  const store = configureStore({
    reducer: {
      session: sessionSlice.reducer,
      ui: uiSlice.reducer,
      sync: syncSlice.reducer,
      host: hostSlice.reducer,
      team: teamSlice.reducer,
      presence: presenceSlice.reducer,
      inbox: inboxSlice.reducer,
    },
    middleware: (getDefault) => getDefault({ thunk: { extraArgument: thunkExtra } }),
  });
  return Object.assign(store, { extra: thunkExtra });
}

export type AppStore = ReturnType<typeof makeStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
export type AppThunk<R = Promise<void>> = ThunkAction<R, RootState, ThunkExtra, UnknownAction>;
