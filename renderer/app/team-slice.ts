import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { TeamMember } from '../../shared';

export interface TeamState {
  /** The team as the service last listed it; null until first loaded. */
  members: TeamMember[] | null;
  loading: boolean;
  error: string | null;
}

const initialState: TeamState = { members: null, loading: false, error: null };

/** The Team view's list of accounts (admins and leads), read from the service on demand. */
export const teamSlice = createSlice({
  name: 'team',
  initialState,
  reducers: {
    teamLoading(state) {
      state.loading = true;
    },
    teamLoaded(state, action: PayloadAction<TeamMember[]>) {
      state.members = action.payload;
      state.loading = false;
      state.error = null;
    },
    teamFailed(state, action: PayloadAction<string>) {
      state.loading = false;
      state.error = action.payload;
    },
  },
});

export const { teamLoading, teamLoaded, teamFailed } = teamSlice.actions;
