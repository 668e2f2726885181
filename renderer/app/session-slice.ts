import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Agent } from '../../shared';

export interface SessionState {
  status: 'starting' | 'signed_out' | 'signing_in' | 'signed_in';
  agent: Agent | null;
  serverUrl: string;
  error: string | null;
  /** The service offers single sign-on (its health says so). */
  ssoOffered: boolean;
}

const initialState: SessionState = {
  status: 'starting',
  agent: null,
  serverUrl: '',
  error: null,
  ssoOffered: false,
};

/** Who is signed in, to which server. The token itself never enters Redux state. */
export const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    serverChosen(state, action: PayloadAction<string>) {
      state.serverUrl = action.payload;
    },
    ssoOffered(state, action: PayloadAction<boolean>) {
      state.ssoOffered = action.payload;
    },
    signInStarted(state) {
      state.status = 'signing_in';
      state.error = null;
    },
    signInFailed(state, action: PayloadAction<string>) {
      state.status = 'signed_out';
      state.error = action.payload;
    },
    signedIn(state, action: PayloadAction<Agent>) {
      state.status = 'signed_in';
      state.agent = action.payload;
      state.error = null;
    },
    signedOut(state, action: PayloadAction<string | undefined>) {
      state.status = 'signed_out';
      state.agent = null;
      state.error = action.payload ?? null;
    },
  },
});

export const { serverChosen, ssoOffered, signInStarted, signInFailed, signedIn, signedOut } =
  sessionSlice.actions;
