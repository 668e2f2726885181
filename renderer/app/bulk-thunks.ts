import { planBulk, type BulkChange } from '../../shared';
import { toCase } from '../data/local-case';
import { enqueueMutation } from '../data/replica-writes';
import type { AppThunk } from './store';

export interface BulkQueued {
  /** The outbox ids of the queued changes: their refusals are told together. */
  mutationIds: string[];
  skipped: { reference: string; why: string }[];
}

/**
 * A change to every selected case: one mutation per case in the outbox, exactly as the
 * same change made on each case would queue it, from the cases as the replica holds them
 * now (a case that changed since it was ticked is judged as it is).
 */
export const writeBulk =
  (change: BulkChange, caseIds: string[]): AppThunk<Promise<BulkQueued>> =>
  async (_dispatch, _getState, { connection }) => {
    const c = connection.get();
    if (!c) throw new Error('Not signed in.');
    const rows = await c.db.cases.bulkGet(caseIds);
    const plan = planBulk(
      change,
      rows.flatMap((r) => (r ? [toCase(r)] : [])),
    );
    const mutationIds: string[] = [];
    for (const m of plan.mutations) {
      mutationIds.push(await enqueueMutation(c.db, c.agent, m.op, m.args));
    }
    await c.engine.afterLocalWrite();
    return { mutationIds, skipped: plan.skipped };
  };
