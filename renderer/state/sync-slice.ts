import { createSelector, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { INITIAL_SYNC_STATE, type SyncEngineState } from '../sync/sync-state';
import { mutationLabel } from './mutation-labels';

export type SyncState = SyncEngineState;

/** Mirrors what the sync engine publishes; the engine is the only writer. */
export const syncSlice = createSlice({
  name: 'sync',
  initialState: INITIAL_SYNC_STATE,
  reducers: {
    syncStateReported: (_state, action: PayloadAction<SyncEngineState>) => action.payload,
    syncReset: () => INITIAL_SYNC_STATE,
  },
});

export const { syncStateReported, syncReset } = syncSlice.actions;

interface WithSync {
  sync: SyncState;
}

export const selectSync = (s: WithSync) => s.sync;
export const selectSyncPhase = (s: WithSync) => s.sync.phase;
export const selectIsOnline = (s: WithSync) => s.sync.online;
export const selectPendingCount = (s: WithSync) => s.sync.pending;
export const selectRejected = (s: WithSync) => s.sync.rejected;
export const selectRejectedCount = (s: WithSync) => s.sync.rejected.length;
export const selectLastSyncAt = (s: WithSync) => s.sync.lastSyncAt;
export const selectIsSyncing = (s: WithSync) =>
  s.sync.phase === 'pushing' || s.sync.phase === 'pulling';

/** Refused changes as the agent reads them: what it was, why the server said no. */
export const selectRejectedForDisplay = createSelector([selectRejected], (rejected) =>
  rejected.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    label: mutationLabel(r.op, r.args),
    error: r.error.message,
  })),
);

/** Everything the sync status indicator shows. */
export const selectSyncStatus = createSelector(
  [selectSync, selectIsSyncing, selectRejectedForDisplay],
  (s, syncing, rejected) => ({
    phase: s.phase,
    online: s.online,
    syncing,
    pending: s.pending,
    rejected,
    lastSyncAt: s.lastSyncAt,
    storageWarning: s.storageWarning,
    lastError: s.lastError,
  }),
);
