import { useDispatch, useSelector, useStore } from 'react-redux';
import { useConnection } from './connection';
import type { AppDispatch, AppStore, RootState } from './store';

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
export const useAppStore = useStore.withTypes<AppStore>();

/** The window's open connection (replica and sync engine), or null when signed out. */
export function useAppConnection() {
  return useConnection(useAppStore().extra.connection);
}
