import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CaseStatus, Channel, Language, Priority, Topic } from '../../shared';

export const QUEUE_VIEWS = [
  'mine',
  'unassigned',
  'team',
  'trust_safety',
  'approvals',
  'disputes',
  'appeals',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const VIEW_LABELS: Record<QueueView, string> = {
  mine: 'My cases',
  unassigned: 'Unassigned',
  team: 'Team queue',
  trust_safety: 'Trust & Safety',
  approvals: 'Approvals',
  disputes: 'External disputes',
  appeals: 'Appeals',
};

/**
 * What a dashboard bar counted by date: cases created, first answered or resolved on those
 * days, or with a refund executed or a restriction taking effect on them.
 */
export const PERIOD_KINDS = ['created', 'responded', 'resolved', 'refunded', 'restricted'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface QueueFilters {
  status: CaseStatus | '';
  language: Language | '';
  channel: Channel | '';
  topic: Topic | '';
  priority: Priority | '';
  /** An agent's id: their cases only (a dashboard bar; shown as a chip). */
  assignee: string;
  /** With `periodFrom`/`periodTo` (UTC days, both included): a dashboard bar's days. */
  periodOf: PeriodKind | '';
  periodFrom: string;
  periodTo: string;
}

export type SortKey = 'sla' | 'updated' | 'priority' | 'reference';

/** Whose account the Account view shows: the replica's id and the marketplace's. */
export interface AccountRef {
  kind: 'buyer' | 'seller';
  id: string;
  externalId: string;
  name: string;
}

export interface UiState {
  /** The queue and its cases, or a page of its own (Team, an Account, the Dashboard). */
  page: 'queue' | 'team' | 'account' | 'dashboard';
  /** The party the Account view shows (page `account`). */
  account: AccountRef | null;
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
  /** Cases ticked for a bulk action (id → reference), and the row a shift-click extends from. */
  picked: Record<string, string>;
  pickAnchor: number | null;
}

export const EMPTY_FILTERS: QueueFilters = {
  status: '',
  language: '',
  channel: '',
  topic: '',
  priority: '',
  assignee: '',
  periodOf: '',
  periodFrom: '',
  periodTo: '',
};

const initialState: UiState = {
  page: 'queue',
  account: null,
  view: 'mine',
  filters: EMPTY_FILTERS,
  search: '',
  sort: { key: 'sla', direction: 'asc' },
  selectedIndex: 0,
  openCaseId: null,
  shortcutsOpen: false,
  drafts: {},
  picked: {},
  pickAnchor: null,
};

// Ticked cases belong to the list they were ticked in: a bulk action must never reach a
// case the agent can no longer see in the queue.
const unpick = (state: UiState) => {
  state.picked = {};
  state.pickAnchor = null;
};

export const uiSlice = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    viewChosen(state, action: PayloadAction<QueueView>) {
      // Filters belong to the view they were set in: carried into another one, they would
      // hide its cases without a word. Choosing the same view again keeps them.
      if (state.view !== action.payload) {
        state.filters = EMPTY_FILTERS;
        unpick(state);
      }
      state.page = 'queue';
      state.view = action.payload;
      state.selectedIndex = 0;
    },
    pageChosen(state, action: PayloadAction<UiState['page']>) {
      state.page = action.payload;
      if (action.payload !== 'queue') unpick(state);
    },
    /** A dashboard bar: the team queue filtered to what it counted, nothing else. */
    filteredQueueOpened(state, action: PayloadAction<Partial<QueueFilters>>) {
      state.page = 'queue';
      state.view = 'team';
      state.filters = { ...EMPTY_FILTERS, ...action.payload };
      state.search = '';
      state.selectedIndex = 0;
      unpick(state);
    },
    accountOpened(state, action: PayloadAction<AccountRef>) {
      state.page = 'account';
      state.account = action.payload;
    },
    filterSet(state, action: PayloadAction<{ key: keyof QueueFilters; value: string }>) {
      (state.filters as unknown as Record<string, string>)[action.payload.key] =
        action.payload.value;
      // The days go with what happened on them: one without the other filters nothing.
      if (action.payload.key === 'periodOf' && !action.payload.value) {
        state.filters.periodFrom = '';
        state.filters.periodTo = '';
      }
      state.selectedIndex = 0;
      unpick(state);
    },
    filtersCleared(state) {
      state.filters = EMPTY_FILTERS;
      state.search = '';
      state.selectedIndex = 0;
      unpick(state);
    },
    searchChanged(state, action: PayloadAction<string>) {
      state.search = action.payload;
      state.selectedIndex = 0;
      unpick(state);
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
    /** A tick (or x) on one row; a shift-click ticks every row from the last one to this. */
    rowsPicked(
      state,
      action: PayloadAction<{
        rows: { id: string; reference: string }[];
        index: number;
        range: boolean;
      }>,
    ) {
      const { rows, index, range } = action.payload;
      if (range) for (const r of rows) state.picked[r.id] = r.reference;
      else
        for (const r of rows) {
          if (state.picked[r.id]) delete state.picked[r.id];
          else state.picked[r.id] = r.reference;
        }
      state.pickAnchor = index;
    },
    pickCleared: unpick,
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
  accountOpened,
  filteredQueueOpened,
  filterSet,
  filtersCleared,
  searchChanged,
  sortChosen,
  selectionMoved,
  selectionSet,
  caseOpened,
  shortcutsToggled,
  draftChanged,
  rowsPicked,
  pickCleared,
} = uiSlice.actions;
