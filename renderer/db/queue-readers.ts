import Dexie, { type IndexableType } from 'dexie';
import type { CasedeskDb } from './casedesk-db';
import {
  SORT_INDEX,
  compareCases,
  conditionsOf,
  coversAll,
  matches,
  slaRanges,
  type QueueConditions,
  type QueueFilter,
  type QueueSort,
  type SlaRange,
} from './queue-query';
import type { LocalCase } from './replica-types';

/** Below this many candidates a non-SLA sort (or a search) reads them and sorts in memory. */
const IN_MEMORY_SORT_LIMIT = 2_000;
const BY_SLA: QueueSort = { key: 'sla', direction: 'asc' };

export interface QueuePageRequest {
  filter: QueueFilter;
  sort?: QueueSort;
  offset?: number;
  limit: number;
}

function rangeOf(db: CasedeskDb, r: SlaRange) {
  return db.cases
    .where(r.index)
    .between(r.lower as IndexableType, r.upper as IndexableType, true, r.includeUpper);
}

function filteredRange(db: CasedeskDb, r: SlaRange, q: QueueConditions) {
  const c = rangeOf(db, r);
  return coversAll(r, q) ? c : c.filter((row) => matches(row, q, r.covers ?? undefined));
}

/**
 * Picks the SLA-sorted index range with the fewest entries: IndexedDB counts a key range
 * without reading the records, so asking is cheap and spares walking a large range for a
 * rare match.
 */
async function narrowestRange(db: CasedeskDb, q: QueueConditions) {
  const ranges = slaRanges(q);
  // The bare SLA range (last) contains every other one: only count it when it is alone.
  const candidates = ranges.length > 1 ? ranges.slice(0, -1) : ranges;
  const counts = await Promise.all(candidates.map((r) => rangeOf(db, r).count()));
  let best = 0;
  counts.forEach((n, i) => {
    if (n < counts[best]!) best = i;
  });
  return { range: candidates[best]!, count: counts[best]! };
}

/** Cases with an action awaiting approval: few by nature, found through the actions index. */
async function casesAwaitingApproval(db: CasedeskDb, q: QueueConditions): Promise<LocalCase[]> {
  const keys = await db.actions
    .where('[status+caseId]')
    .between(['pending_approval', Dexie.minKey], ['pending_approval', Dexie.maxKey])
    .keys();
  const ids = [...new Set(keys.map((k) => (k as unknown as [string, string])[1]))];
  const rows = await db.cases.bulkGet(ids);
  return rows.filter((c): c is LocalCase => c !== undefined && matches(c, q));
}

/**
 * Cases whose words start with the rarest search word, through the token index; null
 * when even that word is too common to be worth it (the range scan then filters instead).
 */
async function searchCandidates(db: CasedeskDb, q: QueueConditions): Promise<LocalCase[] | null> {
  const counts = await Promise.all(
    q.search.map((w) => db.cases.where('searchTokens').startsWith(w).count()),
  );
  const rarest = q.search[counts.indexOf(Math.min(...counts))]!;
  if (Math.min(...counts) > IN_MEMORY_SORT_LIMIT * 4) return null;
  const ids = await db.cases.where('searchTokens').startsWith(rarest).primaryKeys();
  const rows = await db.cases.bulkGet([...new Set(ids)]);
  return rows.filter((c): c is LocalCase => c !== undefined && matches(c, q));
}

/** The rows a search or the approvals view found, fewer than a few thousand by nature. */
async function smallSet(db: CasedeskDb, filter: QueueFilter, q: QueueConditions) {
  if (filter.view === 'approvals') return casesAwaitingApproval(db, q);
  return q.search.length ? searchCandidates(db, q) : null;
}

/**
 * One page of a queue view, read through an index so a replica of 100,000 cases is never
 * loaded whole: sorted by SLA it is one index range walked from `offset`; other sorts either
 * sort a small filtered set in memory or walk that sort's own index with a row filter.
 */
export async function queuePage(db: CasedeskDb, req: QueuePageRequest): Promise<LocalCase[]> {
  const { filter, sort = BY_SLA, offset = 0, limit } = req;
  const q = conditionsOf(filter, db.agentId);
  const few = await smallSet(db, filter, q);
  if (few) return few.sort(compareCases(sort)).slice(offset, offset + limit);
  const { range, count } = await narrowestRange(db, q);
  if (sort.key === 'sla') {
    const c = filteredRange(db, range, q);
    return (sort.direction === 'desc' ? c.reverse() : c).offset(offset).limit(limit).toArray();
  }
  if (count <= IN_MEMORY_SORT_LIMIT) {
    const rows = await filteredRange(db, range, q).toArray();
    return rows.sort(compareCases(sort)).slice(offset, offset + limit);
  }
  const c = db.cases.orderBy(SORT_INDEX[sort.key]).filter((row) => matches(row, q));
  return (sort.direction === 'desc' ? c.reverse() : c).offset(offset).limit(limit).toArray();
}

/** How many cases a view holds; a native index count whenever the filter maps onto one index. */
export async function countCases(db: CasedeskDb, filter: QueueFilter): Promise<number> {
  const q = conditionsOf(filter, db.agentId);
  const few = await smallSet(db, filter, q);
  if (few) return few.length;
  const { range, count } = await narrowestRange(db, q);
  return coversAll(range, q) ? count : filteredRange(db, range, q).count();
}
