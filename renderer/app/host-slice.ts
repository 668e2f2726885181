import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { AppInfo } from '../../shared/desktop/ipc-contract';
import type { Settings } from '../../shared/desktop/settings';

export interface HostState {
  /** What the host says about itself (version, channel, server); null until it answered. */
  info: AppInfo | null;
  settings: Settings | null;
  /** One line the person should read, with a Dismiss button (weak key storage, a missing case). */
  notice: string | null;
  /** A case link (deep link, notification) that came while nobody was signed in: opened after sign-in. */
  heldCase: string | null;
}

const initialState: HostState = { info: null, settings: null, notice: null, heldCase: null };

/** The desktop app or the browser the workspace runs in, as the UI needs to show it. */
export const hostSlice = createSlice({
  name: 'host',
  initialState,
  reducers: {
    hostLoaded(state, action: PayloadAction<{ info: AppInfo; settings: Settings }>) {
      state.info = action.payload.info;
      state.settings = action.payload.settings;
    },
    settingsChanged(state, action: PayloadAction<Settings>) {
      state.settings = action.payload;
    },
    noticeShown(state, action: PayloadAction<string | null>) {
      state.notice = action.payload;
    },
    caseLinkHeld(state, action: PayloadAction<string | null>) {
      state.heldCase = action.payload;
    },
  },
});

export const { hostLoaded, settingsChanged, noticeShown, caseLinkHeld } = hostSlice.actions;
