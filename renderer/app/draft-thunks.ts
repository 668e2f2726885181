import { readDraft, saveDraft, type DraftKind } from '../data/drafts';
import type { AppThunk } from './store';
import { draftChanged } from './ui-slice';

/**
 * The agent typed (or a send cleared the composer): the store follows at once, the
 * device's copy right after, so a reload or a restart finds the text again.
 */
export const editDraft =
  (p: { caseId: string; kind: DraftKind; text: string }): AppThunk<void> =>
  (dispatch, _getState, { connection }) => {
    dispatch(draftChanged(p));
    const open = connection.get();
    // A draft that cannot be kept (storage full) still works in this window.
    if (open) void saveDraft(open.db, p.caseId, p.kind, p.text, new Date()).catch(() => undefined);
  };

/** A case opened: its kept drafts come back, unless this window already holds newer text. */
export const restoreDrafts =
  (caseId: string): AppThunk =>
  async (dispatch, getState, { connection }) => {
    const open = connection.get();
    if (!open) return;
    const row = await readDraft(open.db, caseId).catch(() => undefined);
    if (!row) return;
    const held = getState().ui.drafts[caseId];
    for (const kind of ['reply', 'note'] as const) {
      const text = row[kind];
      if (text && held?.[kind] === undefined) dispatch(draftChanged({ caseId, kind, text }));
    }
  };
