import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATE, type SyncEngineState } from '../sync/sync-state';
import {
  selectIsSyncing,
  selectRejectedForDisplay,
  selectSyncStatus,
  syncReset,
  syncSlice,
  syncStateReported,
} from './sync-slice';

const reported: SyncEngineState = {
  ...INITIAL_SYNC_STATE,
  phase: 'pushing',
  pending: 3,
  rejected: [
    {
      id: 'm1',
      op: 'case.action',
      args: {
        caseId: 'c1',
        type: 'refund',
        amount: { amount: 1250, currency: 'EUR' },
        reason: 'x',
      },
      caseId: 'c1',
      error: { code: 'refund_exceeds_refundable', message: 'Only 10.00 EUR is still refundable.' },
      createdAt: '2026-11-03T09:00:00.000Z',
    },
  ],
};

describe('the sync slice', () => {
  it('holds what the engine reported, and forgets it on reset', () => {
    const state = syncSlice.reducer(undefined, syncStateReported(reported));
    expect(state).toEqual(reported);
    expect(syncSlice.reducer(state, syncReset())).toEqual(INITIAL_SYNC_STATE);
  });

  it('counts pushing and pulling as syncing', () => {
    expect(selectIsSyncing({ sync: reported })).toBe(true);
    expect(selectIsSyncing({ sync: { ...reported, phase: 'in-sync' } })).toBe(false);
  });

  it('names refused changes for people, with the server’s reason', () => {
    expect(selectRejectedForDisplay({ sync: reported })).toEqual([
      {
        id: 'm1',
        caseId: 'c1',
        label: 'Refund 12.50 EUR',
        error: 'Only 10.00 EUR is still refundable.',
      },
    ]);
  });

  it('gives the status indicator a stable object while nothing changes', () => {
    const root = { sync: reported };
    expect(selectSyncStatus(root)).toBe(selectSyncStatus(root));
    expect(selectSyncStatus(root)).toMatchObject({ syncing: true, pending: 3, online: true });
  });
});
