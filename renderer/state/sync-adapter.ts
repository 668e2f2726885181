import type { Dispatch } from '@reduxjs/toolkit';
import type { SyncEngineState } from '../sync/sync-state';
import { syncStateReported } from './sync-slice';

/** The engine's `onState`, dispatching into the sync slice; the engine never sees Redux. */
export function syncStateListener(dispatch: Dispatch): (state: SyncEngineState) => void {
  return (state) => dispatch(syncStateReported(state));
}
