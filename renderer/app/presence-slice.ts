import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CasePresence, CaseViewer } from '../../shared';

export interface PresenceState {
  /** Who has each case open, as last heard (a heartbeat's answer or a stream event). */
  cases: Record<string, { viewers: CaseViewer[]; heardAt: number }>;
  /** The case this window is typing a reply in, and when the last key was pressed. */
  typing: { caseId: string; at: number } | null;
  /** This agent's availability, as they set it in the header (off at every start). */
  availability: { chat: boolean; phone: boolean };
  /** Why the availability could not be reported (offline, refused), or null. */
  availabilityError: string | null;
}

const initialState: PresenceState = {
  cases: {},
  typing: null,
  availability: { chat: false, phone: false },
  availabilityError: null,
};

export const presenceSlice = createSlice({
  name: 'presence',
  initialState,
  reducers: {
    presenceHeard(state, action: PayloadAction<{ presence: CasePresence; at: number }>) {
      const { presence, at } = action.payload;
      state.cases[presence.caseId] = { viewers: presence.viewers, heardAt: at };
    },
    replyTyped(state, action: PayloadAction<{ caseId: string; at: number }>) {
      state.typing = action.payload;
    },
    typingStopped(state, action: PayloadAction<string>) {
      if (state.typing?.caseId === action.payload) state.typing = null;
    },
    availabilitySet(state, action: PayloadAction<{ chat: boolean; phone: boolean }>) {
      state.availability = action.payload;
    },
    availabilityReported(state, action: PayloadAction<string | null>) {
      state.availabilityError = action.payload;
    },
  },
});

export const { presenceHeard, replyTyped, typingStopped, availabilitySet, availabilityReported } =
  presenceSlice.actions;
