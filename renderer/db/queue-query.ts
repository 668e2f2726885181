import type { CaseStatus, Channel, Language, Priority, Topic } from '../../shared';
import { PRIORITY_RANK, searchWords } from './local-case';
import { NO_DEADLINE, type LocalCase } from './replica-types';

export const QUEUE_VIEWS = [
  'mine',
  'unassigned',
  'team',
  'trust_safety',
  'approvals',
  'disputes',
  'all',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** '' or absent means "any", so the UI's filter form can be passed as it is. */
export interface QueueFilter {
  view: QueueView;
  status?: CaseStatus | '';
  language?: Language | '';
  channel?: Channel | '';
  topic?: Topic | '';
  priority?: Priority | '';
  search?: string;
}

export type QueueSortKey = 'sla' | 'updated' | 'priority' | 'reference';
export interface QueueSort {
  key: QueueSortKey;
  direction: 'asc' | 'desc';
}

type IndexedField = 'assigneeKey' | 'tsQueue' | 'disputed' | 'status' | 'language' | 'priorityRank';
type Field = IndexedField | 'channel' | 'topic';
export interface Constraint {
  field: Field;
  value: string | number;
}

/** What a filter asks for, as equalities on flat fields plus "open only" and search words. */
export interface QueueConditions {
  equalities: Constraint[];
  openOnly: boolean;
  search: string[];
}

const INDEXED: ReadonlySet<Field> = new Set<Field>([
  'assigneeKey',
  'tsQueue',
  'disputed',
  'status',
  'language',
  'priorityRank',
]);
export const isIndexed = (c: Constraint) => INDEXED.has(c.field);

/**
 * Views show open work, except the disputes view (a dispute outlives its case) and an
 * explicit status filter, which may ask for resolved cases.
 */
export function conditionsOf(f: QueueFilter, agentId: string): QueueConditions {
  const eq: Constraint[] = [];
  if (f.view === 'mine') eq.push({ field: 'assigneeKey', value: agentId });
  if (f.view === 'unassigned') eq.push({ field: 'assigneeKey', value: '' });
  if (f.view === 'trust_safety') eq.push({ field: 'tsQueue', value: 1 });
  if (f.view === 'disputes') eq.push({ field: 'disputed', value: 1 });
  if (f.status) eq.push({ field: 'status', value: f.status });
  if (f.language) eq.push({ field: 'language', value: f.language });
  if (f.priority) eq.push({ field: 'priorityRank', value: PRIORITY_RANK[f.priority] });
  if (f.channel) eq.push({ field: 'channel', value: f.channel });
  if (f.topic) eq.push({ field: 'topic', value: f.topic });
  return {
    equalities: eq,
    openOnly: !f.status && f.view !== 'disputes' && f.view !== 'all',
    search: searchWords(f.search ?? ''),
  };
}

export function matches(c: LocalCase, q: QueueConditions, except?: Constraint): boolean {
  for (const e of q.equalities) {
    if (e !== except && (c as unknown as Record<Field, unknown>)[e.field] !== e.value) return false;
  }
  if (q.openOnly && c.slaDueAt >= NO_DEADLINE) return false;
  return q.search.every((w) => c.search.includes(w));
}

/** An index range already sorted by slaDueAt, and what it leaves to check row by row. */
export interface SlaRange {
  index: string;
  lower: unknown[] | string;
  upper: unknown[] | string;
  includeUpper: boolean;
  /** The equality this range guarantees, if any; every other condition is checked per row. */
  covers: Constraint | null;
}

/** The smallest string key, below every ISO time. */
const LOWEST = '';
/** Above every ISO time and NO_DEADLINE; a plain string so it compares like one. */
const HIGHEST = '\uffff';

/** One candidate range per indexed equality, and the bare SLA index as the fallback. */
export function slaRanges(q: QueueConditions): SlaRange[] {
  const upper = q.openOnly ? NO_DEADLINE : HIGHEST;
  const includeUpper = false;
  const ranges: SlaRange[] = q.equalities.filter(isIndexed).map((e) => ({
    index: `[${e.field}+slaDueAt]`,
    lower: [e.value, LOWEST],
    upper: [e.value, upper],
    includeUpper,
    covers: e,
  }));
  ranges.push({ index: 'slaDueAt', lower: LOWEST, upper, includeUpper, covers: null });
  return ranges;
}

/** True when the range leaves nothing to check per row, so IndexedDB can count and skip natively. */
export function coversAll(range: SlaRange, q: QueueConditions): boolean {
  return !q.search.length && q.equalities.every((e) => e === range.covers);
}

const SORT_FIELD: Record<Exclude<QueueSortKey, 'sla'>, (c: LocalCase) => string | number> = {
  updated: (c) => c.updatedAt,
  reference: (c) => c.reference,
  priority: (c) => c.priorityRank,
};

/** The same order IndexedDB gives: by key, ties by primary key; desc reverses both. */
export function compareCases(sort: QueueSort): (a: LocalCase, b: LocalCase) => number {
  const key =
    sort.key === 'sla'
      ? (c: LocalCase) => c.slaDueAt
      : sort.key === 'priority'
        ? (c: LocalCase) => `${c.priorityRank}${c.slaDueAt}`
        : SORT_FIELD[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    return a.id === b.id ? 0 : a.id < b.id ? -sign : sign;
  };
}

/** The global index each non-SLA sort walks when the filtered set is too big to sort in memory. */
export const SORT_INDEX: Record<Exclude<QueueSortKey, 'sla'>, string> = {
  updated: 'updatedAt',
  reference: 'reference',
  priority: '[priorityRank+slaDueAt]',
};
