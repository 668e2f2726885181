import { describe, expect, it } from 'vitest';
import {
  caseOpened,
  draftChanged,
  filterSet,
  filteredQueueOpened,
  filtersCleared,
  pageChosen,
  searchChanged,
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

  it('opens the team queue with exactly the filters of a dashboard bar, search and ticks cleared', () => {
    let s = reduce(initial, filterSet({ key: 'priority', value: 'urgent' }));
    s = reduce(s, searchChanged('bronze'));
    s = reduce(s, pageChosen('dashboard'));
    s = reduce(s, filteredQueueOpened({ language: 'de', status: 'pending_seller' }));
    expect(s.page).toBe('queue');
    expect(s.view).toBe('team');
    expect(s.filters).toEqual({
      status: 'pending_seller',
      language: 'de',
      channel: '',
      topic: '',
      priority: '',
      assignee: '',
      periodOf: '',
      periodFrom: '',
      periodTo: '',
    });
    expect(s.search).toBe('');
    expect(s.picked).toEqual({});
  });

  it('drops a bar’s days with what happened on them, and clears its agent and days with the rest', () => {
    let s = reduce(
      initial,
      filteredQueueOpened({
        assignee: 'agent-1',
        periodOf: 'resolved',
        periodFrom: '2026-12-01',
        periodTo: '2026-12-07',
      }),
    );
    s = reduce(s, filterSet({ key: 'periodOf', value: '' }));
    expect(s.filters).toMatchObject({ assignee: 'agent-1', periodFrom: '', periodTo: '' });
    s = reduce(s, filtersCleared());
    expect(s.filters.assignee).toBe('');
  });
});
