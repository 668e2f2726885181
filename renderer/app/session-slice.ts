import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Agent } from '../../shared';

export interface SessionState {
  /** `enrolling`: signed in, but the role requires two-step sign-in, which must be set up first. */
  status: 'starting' | 'signed_out' | 'signing_in' | 'enrolling' | 'signed_in';
  agent: Agent | null;
  serverUrl: string;
  error: string | null;
  /** The service offers single sign-on (its health says so). */
  ssoOffered: boolean;
  /** The password was right and the service asks for the authenticator app's code. */
  codeAsked: boolean;
}

const initialState: SessionState = {
  status: 'starting',
  agent: null,
  serverUrl: '',
  error: null,
  ssoOffered: false,
  codeAsked: false,
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
    codeAsked(state) {
      state.status = 'signed_out';
      state.codeAsked = true;
      state.error = null;
    },
    /** Back to email and password (the person chose to start over). */
    codeDropped(state) {
      state.codeAsked = false;
      state.error = null;
    },
    enrolmentStarted(state, action: PayloadAction<Agent>) {
      state.status = 'enrolling';
      state.agent = action.payload;
      state.codeAsked = false;
      state.error = null;
    },
    signedIn(state, action: PayloadAction<Agent>) {
      state.status = 'signed_in';
      state.agent = action.payload;
      state.error = null;
      state.codeAsked = false;
    },
    signedOut(state, action: PayloadAction<string | undefined>) {
      state.status = 'signed_out';
      state.agent = null;
      state.error = action.payload ?? null;
      state.codeAsked = false;
    },
  },
});

export const {
  serverChosen,
  ssoOffered,
  signInStarted,
  signInFailed,
  codeAsked,
  codeDropped,
  enrolmentStarted,
  signedIn,
  signedOut,
} = sessionSlice.actions;
