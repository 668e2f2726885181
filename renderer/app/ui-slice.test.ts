import { describe, expect, it } from 'vitest';
import {
  caseOpened,
  draftChanged,
  filterSet,
  selectionMoved,
  sortChosen,
  uiSlice,
  viewChosen,
} from './ui-slice';

const reduce = uiSlice.reducer;
const initial = reduce(undefined, { type: 'init' });

describe('the ui slice', () => {
  it('sorts by SLA due, soonest first, by default', () => {
    expect(initial.sort).toEqual({ key: 'sla', direction: 'asc' });
    expect(initial.view).toBe('mine');
  });

  it('flips the direction when the same sort is chosen again', () => {
    const once = reduce(initial, sortChosen('sla'));
    expect(once.sort.direction).toBe('desc');
    expect(reduce(once, sortChosen('updated')).sort).toEqual({ key: 'updated', direction: 'desc' });
  });

  it('keeps the selection inside the list', () => {
    let s = reduce(initial, selectionMoved({ by: -1, count: 10 }));
    expect(s.selectedIndex).toBe(0);
    s = reduce(s, selectionMoved({ by: 25, count: 10 }));
    expect(s.selectedIndex).toBe(9);
  });

  it('starts at the top when the view or a filter changes', () => {
    const moved = reduce(initial, selectionMoved({ by: 3, count: 10 }));
    expect(reduce(moved, viewChosen('team')).selectedIndex).toBe(0);
    expect(reduce(moved, filterSet({ key: 'language', value: 'de' })).selectedIndex).toBe(0);
  });

  it('clears the filters when another view is chosen, and keeps them for the same view', () => {
    const filtered = reduce(initial, filterSet({ key: 'status', value: 'resolved' }));
    expect(reduce(filtered, viewChosen('mine')).filters.status).toBe('resolved');
    expect(reduce(filtered, viewChosen('team')).filters).toEqual(initial.filters);
  });

  it('keeps drafts per case', () => {
    let s = reduce(initial, draftChanged({ caseId: 'a', kind: 'reply', text: 'Hallo' }));
    s = reduce(s, caseOpened('b'));
    expect(s.drafts.a?.reply).toBe('Hallo');
  });
});
