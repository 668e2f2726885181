import type { Case, PullResponse } from '../../../shared';
import type { SyncTransport } from '../../data/sync-transport';
import { ANA } from '../../data/testing/case-fixtures';

/**
 * A case service for window tests that holds one case for Ana and accepts nothing: its
 * pull answers the case at once, and a push never answers, so nothing leaves the outbox.
 */
export const oneCaseTransport = (aCase: Case) => (): SyncTransport => ({
  pull: async (): Promise<PullResponse> => ({
    changes: [
      { entity: 'agent', op: 'upsert', id: ANA.id, data: ANA },
      { entity: 'case', op: 'upsert', id: aCase.id, data: aCase },
    ],
    cursor: 'c1',
    hasMore: false,
  }),
  push: () => new Promise(() => undefined),
  subscribe: () => () => undefined,
});
