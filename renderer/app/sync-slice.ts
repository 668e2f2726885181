import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { SyncSnapshot } from '../data/sync-engine';

const initialState: SyncSnapshot = {
  phase: 'pulling',
  online: true,
  pending: 0,
  rejected: [],
  setAside: { count: 0, items: [] },
  lastSyncAt: null,
  error: null,
  storageWarning: null,
  needsSignIn: false,
  accountDeactivated: false,
  firstSync: null,
};

/** What the sync engine last reported: the engine owns the truth, this mirrors it for the UI. */
export const syncSlice = createSlice({
  name: 'sync',
  initialState,
  reducers: {
    syncReported: (_state, action: PayloadAction<SyncSnapshot>) => action.payload,
  },
});

export const { syncReported } = syncSlice.actions;
