import { configureStore } from '@reduxjs/toolkit';
import { sessionSlice } from './session-slice';
import { syncSlice } from './sync-slice';
import { uiSlice } from './ui-slice';

export function makeStore() {
  return configureStore({
    reducer: { session: sessionSlice.reducer, ui: uiSlice.reducer, sync: syncSlice.reducer },
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
