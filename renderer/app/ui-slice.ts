import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CaseStatus, Channel, Language, Priority, Topic } from '../../shared';

export const QUEUE_VIEWS = [
  'mine',
  'unassigned',
  'team',
  'trust_safety',
  'approvals',
  'disputes',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const VIEW_LABELS: Record<QueueView, string> = {
  mine: 'My cases',
  unassigned: 'Unassigned',
  team: 'Team queue',
  trust_safety: 'Trust & Safety',
  approvals: 'Approvals',
  disputes: 'External disputes',
};

export interface QueueFilters {
  status: CaseStatus | '';
  language: Language | '';
  channel: Channel | '';
  topic: Topic | '';
  priority: Priority | '';
}

export type SortKey = 'sla' | 'updated' | 'priority' | 'reference';

export interface UiState {
  /** The queue and its cases, or a page of its own (Team). */
  page: 'queue' | 'team';
  view: QueueView;
  filters: QueueFilters;
  search: string;
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  selectedIndex: number;
  /** The case open in the detail pane, by id. */
  openCaseId: string | null;
  shortcutsOpen: boolean;
  /** Unsent reply and note texts by case, so switching cases loses nothing. */
  drafts: Record<string, { reply?: string; note?: string }>;
}

export const EMPTY_FILTERS: QueueFilters = {
  status: '',
  language: '',
  channel: '',
  topic: '',
  priority: '',
};

const initialState: UiState = {
  page: 'queue',
  view: 'mine',
  filters: EMPTY_FILTERS,
  search: '',
  sort: { key: 'sla', direction: 'asc' },
  selectedIndex: 0,
  openCaseId: null,
  shortcutsOpen: false,
  drafts: {},
};

export const uiSlice = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    viewChosen(state, action: PayloadAction<QueueView>) {
      // Filters belong to the view they were set in: carried into another one, they would
      // hide its cases without a word. Choosing the same view again keeps them.
      if (state.view !== action.payload) state.filters = EMPTY_FILTERS;
      state.page = 'queue';
      state.view = action.payload;
      state.selectedIndex = 0;
    },
    pageChosen(state, action: PayloadAction<UiState['page']>) {
      state.page = action.payload;
    },
    filterSet(state, action: PayloadAction<{ key: keyof QueueFilters; value: string }>) {
      (state.filters as unknown as Record<string, string>)[action.payload.key] =
        action.payload.value;
      state.selectedIndex = 0;
    },
    filtersCleared(state) {
      state.filters = EMPTY_FILTERS;
      state.search = '';
      state.selectedIndex = 0;
    },
    searchChanged(state, action: PayloadAction<string>) {
      state.search = action.payload;
      state.selectedIndex = 0;
    },
    sortChosen(state, action: PayloadAction<SortKey>) {
      state.sort =
        state.sort.key === action.payload
          ? { key: action.payload, direction: state.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { key: action.payload, direction: action.payload === 'updated' ? 'desc' : 'asc' };
    },
    selectionMoved(state, action: PayloadAction<{ by: number; count: number }>) {
      const max = Math.max(0, action.payload.count - 1);
      state.selectedIndex = Math.min(max, Math.max(0, state.selectedIndex + action.payload.by));
    },
    selectionSet(state, action: PayloadAction<number>) {
      state.selectedIndex = Math.max(0, action.payload);
    },
    caseOpened(state, action: PayloadAction<string | null>) {
      state.openCaseId = action.payload;
    },
    shortcutsToggled(state, action: PayloadAction<boolean | undefined>) {
      state.shortcutsOpen = action.payload ?? !state.shortcutsOpen;
    },
    draftChanged(
      state,
      action: PayloadAction<{ caseId: string; kind: 'reply' | 'note'; text: string }>,
    ) {
      const d = (state.drafts[action.payload.caseId] ??= {});
      d[action.payload.kind] = action.payload.text;
    },
  },
});

export const {
  viewChosen,
  pageChosen,
  filterSet,
  filtersCleared,
  searchChanged,
  sortChosen,
  selectionMoved,
  selectionSet,
  caseOpened,
  shortcutsToggled,
  draftChanged,
} = uiSlice.actions;
