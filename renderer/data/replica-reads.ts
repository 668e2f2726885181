import Dexie, { type Collection, type InsertType } from 'dexie';
import {
  languagesSeen,
  type Agent,
  type ExternalDispute,
  type Message,
  type Note,
} from '../../shared';
import type { ActionRead, AgentRead, EventRead } from './read-schemas';
import type { LocalCase, OutboxEntry, ReplicaDb } from './replica-db';
import { countMerged, pageMerged, type MergedRanges } from './merged-ranges';
import { matchesSearch, searchWords } from './search-words';
import { bucket, CASES_REVISION, FACETS as COUNTED_FACETS } from './view-counts';
import { partyKey, type PartyFiguresRow } from './party-figures';
import { decisionOf, type LocalAccount } from './account-record';

type Cases = Collection<LocalCase, string, InsertType<LocalCase, 'id'>>;

export type QueueViewName =
  'mine' | 'unassigned' | 'team' | 'trust_safety' | 'approvals' | 'disputes' | 'appeals';

export interface QueueQuery {
  view: QueueViewName;
  filters: {
    status: string;
    language: string;
    channel: string;
    topic: string;
    priority: string;
    /** A dashboard bar's: an agent's id, and what happened on which UTC days (inclusive). */
    assignee?: string;
    periodOf?: '' | 'created' | 'responded' | 'resolved' | 'refunded' | 'restricted';
    periodFrom?: string;
    periodTo?: string;
  };
  search: string;
  sort: { key: 'sla' | 'updated' | 'priority' | 'reference'; direction: 'asc' | 'desc' };
}

/**
 * A read of several steps as one IndexedDB transaction. IndexedDB runs transactions over
 * the same stores in the order they were made, and a sync writes a page in one: a read
 * whose steps each made their own transaction waited for a page write before every step
 * (a view took 13 s to show during a first sync); as one, it waits for one at most.
 */
function oneRead<T>(db: ReplicaDb, read: () => Promise<T>): Promise<T> {
  return db.transaction(
    'r',
    [
      db.cases,
      db.counts,
      db.messages,
      db.notes,
      db.actions,
      db.disputes,
      db.events,
      db.outbox,
      db.figures,
      db.meta,
      db.histories,
    ],
    read,
  );
}

const all = (prefix: (string | number)[]) => [
  [...prefix, Dexie.minKey],
  [...prefix, Dexie.maxKey],
];

/**
 * My cases, Unassigned and the team queue hold open cases; filtered to Resolved they hold
 * the resolved cases of the same people or languages instead, newest first (their clocks
 * have stopped). The other views say which cases they hold themselves.
 */
const resolvedOnly = (q: QueueQuery) =>
  q.filters.status === 'resolved' &&
  (q.view === 'mine' || q.view === 'unassigned' || q.view === 'team');

/**
 * Which cases a view holds, as a test on one case (for the non-SLA orders). A search
 * (`withResolved`) also finds the resolved cases of the view's people or languages.
 */
function inView(q: QueueQuery, me: Agent, withResolved = false): (c: LocalCase) => boolean {
  const state: (c: LocalCase) => boolean = resolvedOnly(q)
    ? (c) => c.open !== 1
    : withResolved
      ? () => true
      : (c) => c.open === 1;
  switch (q.view) {
    case 'mine':
      return (c) => c.assigneeKey === me.id && state(c);
    case 'unassigned':
      return (c) => c.assigneeKey === '' && state(c);
    case 'team':
      // The languages the agent sees (every one for leads and T&S), as the dashboard and
      // the service's queue health count them: the two views of one queue agree.
      return (c) => state(c) && languagesSeen(me).includes(c.language);
    case 'trust_safety':
      return (c) => c.tsQueue === 1;
    case 'approvals':
      return (c) => c.approvals === 1;
    case 'disputes':
      return (c) => c.disputed === 1;
    case 'appeals':
      return (c) => c.appeal === 1;
  }
}

/**
 * The view as an index range, ordered by SLA due: IndexedDB walks only the cases in the
 * view, in order, and stops after the page — 100,000 local cases are never all loaded.
 */
function slaRange(db: ReplicaDb, q: QueueQuery, me: Agent): Cases {
  const between = (index: string, prefix: (string | number)[]) => {
    const [lo, hi] = all(prefix);
    return db.cases.where(index).between(lo, hi, true, true);
  };
  if (resolvedOnly(q)) {
    if (q.view !== 'team') return between('[closedBy+updatedAt]', [q.view === 'mine' ? me.id : '']);
    const language =
      q.filters.language || (languagesSeen(me).length === 1 ? languagesSeen(me)[0]! : '');
    if (!language) return db.cases.orderBy('updatedAt').filter(inView(q, me));
    return languagesSeen(me).includes(language as Agent['languages'][number])
      ? between('[closedIn+updatedAt]', [language])
      : between('[closedIn+updatedAt]', ['\u0000never']);
  }
  switch (q.view) {
    case 'mine':
      return between('[assigneeKey+open+slaDueAt]', [me.id, 1]);
    case 'unassigned':
      return between('[assigneeKey+open+slaDueAt]', ['', 1]);
    case 'team': {
      const language = q.filters.language;
      if (language) {
        return languagesSeen(me).includes(language as Agent['languages'][number])
          ? between('[open+language+slaDueAt]', [1, language])
          : between('[open+language+slaDueAt]', [1, '\u0000never']);
      }
      // T&S and leads hold every case in all nine languages: the plain range is the view.
      const everyLanguage = languagesSeen(me).length >= 9;
      const range = between('[open+slaDueAt]', [1]);
      return everyLanguage ? range : range.filter((c) => languagesSeen(me).includes(c.language));
    }
    case 'trust_safety':
      return between('[tsQueue+slaDueAt]', [1]);
    case 'approvals':
      return between('[approvals+slaDueAt]', [1]);
    case 'disputes':
      return between('[disputed+slaDueAt]', [1]);
    case 'appeals':
      return between('[appeal+slaDueAt]', [1]);
  }
}

function refine(q: QueueQuery, onIndexRange = true): ((c: LocalCase) => boolean) | null {
  // On the team view's SLA range, the index already applies a language filter.
  const f =
    onIndexRange && q.view === 'team' && q.sort.key !== 'updated' && q.sort.key !== 'reference'
      ? { ...q.filters, language: '' }
      : q.filters;
  const words = searchWords(q.search);
  if (
    !f.status &&
    !f.language &&
    !f.channel &&
    !f.topic &&
    !f.priority &&
    !narrowed(q) &&
    !words.length
  ) {
    return null;
  }
  const when = periodTest(q.filters);
  return (c) =>
    (!f.status || c.status === f.status) &&
    (!f.language || c.language === f.language) &&
    (!f.channel || c.channel === f.channel) &&
    (!f.topic || c.topic === f.topic) &&
    (!f.priority || c.priority === f.priority) &&
    (!f.assignee || c.assigneeKey === f.assignee) &&
    when(c) &&
    matchesSearch(c.searchTokens ?? [], words);
}

/** A dashboard bar's filters: an agent's cases, or what happened on some days. */
const narrowed = (q: QueueQuery) => !!(q.filters.assignee || q.filters.periodOf);

/** A UTC timestamp's day within [from, to], both days included ('' bounds nothing). */
const onDays = (at: string | null | undefined, from: string, to: string) => {
  if (!at) return false;
  const day = at.slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
};

/** The case's own time the period filter means; refunds and restrictions are read apart. */
function periodTest(f: QueueQuery['filters']): (c: LocalCase) => boolean {
  const from = f.periodFrom ?? '';
  const to = f.periodTo ?? '';
  switch (f.periodOf) {
    case 'created':
      return (c) => onDays(c.createdAt, from, to);
    case 'responded':
      return (c) => onDays(c.firstRespondedAt, from, to);
    case 'resolved':
      return (c) => onDays(c.resolvedAt, from, to);
    default:
      return () => true;
  }
}

/**
 * The cases with a refund executed, or a restriction taking effect, on the period's days
 * (as the dashboard counts them: when it took effect). Null for any other filter.
 */
function actedCaseIds(db: ReplicaDb, f: QueueQuery['filters']): Promise<Set<string> | null> {
  if (f.periodOf !== 'refunded' && f.periodOf !== 'restricted') return Dexie.Promise.resolve(null);
  const type = f.periodOf === 'refunded' ? 'refund' : 'restrict_account';
  // A lifted restriction took effect all the same (the service counts its restriction row).
  const statuses = type === 'refund' ? ['executed'] : ['executed', 'lifted'];
  return db.actions
    .where('[type+status]')
    .anyOf(statuses.map((s) => [type, s]))
    .toArray()
    .then(
      (actions) =>
        new Set(
          actions
            .filter((a) =>
              onDays(
                a.effectiveAt ?? a.decidedAt ?? a.createdAt,
                f.periodFrom ?? '',
                f.periodTo ?? '',
              ),
            )
            .map((a) => a.caseId),
        ),
    );
}

/**
 * A view narrowed by a dashboard bar, whole and sorted: an agent's open cases are one index
 * range; cases by their days, or by their refunds and restrictions, are read from every
 * case or from the actions (no replica index holds those days). A period holds resolved
 * cases as well as open ones: a day's first responses are mostly resolved by now.
 */
function readNarrowed(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<LocalCase[]> {
  const f = q.filters;
  const view = inView(q, me, !!f.periodOf);
  const more = refine(q, false);
  const keep = (c: LocalCase | undefined): c is LocalCase =>
    c !== undefined && view(c) && (!more || more(c));
  return actedCaseIds(db, f)
    .then((ids): Promise<(LocalCase | undefined)[]> => {
      if (ids) return db.cases.bulkGet([...ids]);
      if (f.assignee && !f.periodOf && !resolvedOnly(q)) {
        const [lo, hi] = all([f.assignee, 1]);
        return db.cases.where('[assigneeKey+open+slaDueAt]').between(lo, hi, true, true).toArray();
      }
      return db.cases.filter(keep).toArray();
    })
    .then((rows) => rows.filter(keep).sort(compareBy(q.sort)));
}

/**
 * Kept per replica (a window's open database) and query: the last few dashboard-bar views
 * read, each with the cases' revision it was read at. A day filter reads every case (100,000
 * at the issue's size), and the table asks for the count and then for each page of the same
 * view: each asked again, it was read again.
 */
const narrowedKept = new WeakMap<
  ReplicaDb,
  Map<string, { revision: number | null; rows: LocalCase[] }>
>();
const NARROWED_KEPT = 4;

/**
 * `readNarrowed`, kept while no case changes (CASES_REVISION, read in the same transaction).
 * Refunds and restrictions are read from the actions, whose writes do not move the
 * revision, and only the few cases they name: never kept.
 */
function narrowedResults(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<LocalCase[] | null> {
  if (!narrowed(q)) return Dexie.Promise.resolve(null);
  if (q.filters.periodOf === 'refunded' || q.filters.periodOf === 'restricted')
    return readNarrowed(db, q, me);
  const kept = narrowedKept.get(db) ?? new Map();
  narrowedKept.set(db, kept);
  const key = JSON.stringify([me.id, me.languages, q.view, q.filters, q.search, q.sort]);
  return db.counts.get(CASES_REVISION).then((row) => {
    const revision = row?.n ?? null;
    const hit = kept.get(key);
    if (hit && hit.revision === revision) return hit.rows;
    return readNarrowed(db, q, me).then((rows) => {
      kept.delete(key);
      kept.set(key, { revision, rows });
      for (const old of kept.keys()) if (kept.size > NARROWED_KEPT) kept.delete(old);
      return rows;
    });
  });
}

// A search reads the cases of its rarest word only when they are this few; a word in more
// cases is looked for along the view itself, in its order, reading cases only until the
// page is full (a word in most cases fills it at once).
const SEARCH_CANDIDATES = 1_000;

/**
 * A search, through the token index: the cases whose words start with the rarest typed
 * word (at most SEARCH_CANDIDATES of them), then the view, filters and other words on
 * those few, sorted in memory. Null when nothing was typed or every word is too common.
 * Each word's range is read as keys, and no further than the limit: never counted whole.
 */
function searchResults(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<LocalCase[] | null> {
  const words = searchWords(q.search);
  if (!words.length) return Dexie.Promise.resolve(null);
  return fewestCandidates(words).then((fewest) => {
    if (!fewest) return null;
    return db.cases.bulkGet([...new Set(fewest)]).then((rows) => {
      // A reference or a name looked for is found resolved or not; open cases come first.
      const view = inView(q, me, true);
      const more = refine(q, false);
      return rows
        .filter((c): c is LocalCase => c !== undefined && view(c) && (!more || more(c)))
        .sort(compareBy(q.sort));
    });
  });

  // The words one after another, longest (likely rarest) first, each read no further than
  // the fewest so far: "CD-900123" reads the few keys of "900123" and never the 1,001 of
  // "cd", which starts every reference. Null when every word has more than the limit.
  function fewestCandidates(
    left: string[],
    best: string[] | null = null,
  ): Promise<string[] | null> {
    const [word, ...rest] = [...left].sort((a, b) => b.length - a.length);
    if (!word || (best && best.length <= ENOUGH_CANDIDATES)) return Dexie.Promise.resolve(best);
    const limit = best ? best.length : SEARCH_CANDIDATES + 1;
    return db.cases
      .where('searchTokens')
      .startsWith(word)
      .limit(limit)
      .primaryKeys()
      .then((keys) => fewestCandidates(rest, keys.length < limit ? keys : best));
  }
}

// Candidates this few are read at once: reading another word's keys would cost as much.
const ENOUGH_CANDIDATES = 120;

const PRIORITY_ORDER: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

function compareBy(sort: QueueQuery['sort']): (a: LocalCase, b: LocalCase) => number {
  const dir = sort.direction === 'desc' ? -1 : 1;
  const key = (c: LocalCase): string | number =>
    sort.key === 'updated'
      ? c.updatedAt
      : sort.key === 'reference'
        ? c.reference
        : sort.key === 'priority'
          ? (PRIORITY_ORDER[c.priority] ?? 9)
          : c.slaDueAt;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.slaDueAt < b.slaDueAt ? -1 : 1) * dir;
  };
}

/** Resolved cases read in the SLA order are read newest first: they have no clock. */
const newestFirst = (q: QueueQuery) => resolvedOnly(q) && q.sort.key === 'sla';

function collection(db: ReplicaDb, q: QueueQuery, me: Agent): Cases {
  let coll: Cases;
  if (q.sort.key === 'updated' || q.sort.key === 'reference') {
    coll = db.cases
      .orderBy(q.sort.key === 'updated' ? 'updatedAt' : 'reference')
      .filter(inView(q, me));
  } else {
    coll = slaRange(db, q, me);
  }
  const more = refine(q);
  if (more) coll = coll.and(more);
  return (q.sort.direction === 'desc') !== newestFirst(q) ? coll.reverse() : coll;
}

/**
 * A view filtered to Resolved and nothing else, as ranges of the resolved cases' indexes
 * (one per language of the team queue), newest first: paged from index keys. Null where
 * another filter or a search must read each case.
 */
function resolvedRanges(q: QueueQuery, me: Agent): MergedRanges | null {
  if (!resolvedOnly(q) || searchWords(q.search).length || narrowed(q)) return null;
  if (q.sort.key !== 'sla' && q.sort.key !== 'updated') return null;
  if (FACETS.some((f) => f !== 'status' && q.filters[f])) return null;
  if (q.view !== 'team') {
    return q.filters.language
      ? null
      : { index: '[closedBy+updatedAt]', prefixes: [[q.view === 'mine' ? me.id : '']] };
  }
  const language = q.filters.language;
  const languages = language ? languagesSeen(me).filter((l) => l === language) : languagesSeen(me);
  return { index: '[closedIn+updatedAt]', prefixes: languages.map((l) => [l]) };
}

/** The filters an index serves together with the language (replica version 6). */
const FACETS = ['status', 'priority', 'topic', 'channel'] as const;

/**
 * The team queue in SLA order as index ranges holding exactly its cases, one per language
 * the agent works in: then counting and paging read index keys, never the cases around
 * them. Null where one range already is the view, or where other tests must read each case
 * (a search, two facet filters, another order).
 */
function teamRanges(q: QueueQuery, me: Agent): MergedRanges | null {
  if (q.view !== 'team' || q.sort.key !== 'sla' || searchWords(q.search).length) return null;
  if (resolvedOnly(q) || narrowed(q)) return null;
  const facets = FACETS.filter((f) => q.filters[f]);
  if (facets.length > 1) return null;
  const language = q.filters.language as Agent['languages'][number] | '';
  const languages = language ? languagesSeen(me).filter((l) => l === language) : languagesSeen(me);
  const [facet] = facets;
  if (!facet) {
    return language || languagesSeen(me).length >= 9
      ? null
      : { index: '[open+language+slaDueAt]', prefixes: languages.map((l) => [1, l]) };
  }
  return {
    index: `[open+${facet}+language+slaDueAt]`,
    prefixes: languages.map((l) => [1, q.filters[facet], l]),
  };
}

/**
 * The count buckets (view-counts.ts) whose sum is the view's count with these filters, or
 * null where none hold it (a search, two filters, a filtered T&S/approvals/disputes view).
 */
export function countBuckets(q: QueueQuery, me: Agent): string[] | null {
  if (searchWords(q.search).length || narrowed(q)) return null;
  const set = FILTER_KEYS.filter((f) => q.filters[f]);
  if (resolvedOnly(q)) {
    const language = q.filters.language;
    if (set.some((f) => f !== 'status' && (f !== 'language' || q.view !== 'team'))) return null;
    if (q.view !== 'team') return [bucket.resolvedBy(q.view === 'mine' ? me.id : '')];
    const languages = language
      ? languagesSeen(me).filter((l) => l === language)
      : languagesSeen(me);
    return languages.map((l) => bucket.resolvedIn(l));
  }
  switch (q.view) {
    case 'mine':
    case 'unassigned': {
      const who = q.view === 'mine' ? me.id : '';
      if (set.length > 1) return null;
      const [f] = set;
      return [f ? bucket.assigneeFacet(who, f, q.filters[f]) : bucket.assignee(who)];
    }
    case 'team': {
      const language = q.filters.language;
      const languages = language
        ? languagesSeen(me).filter((l) => l === language)
        : languagesSeen(me);
      const facets = COUNTED_FACETS.filter((f) => q.filters[f]);
      if (facets.length > 1) return null;
      const [facet] = facets;
      return languages.map((l) =>
        facet ? bucket.facet(facet, q.filters[facet], l) : bucket.language(l),
      );
    }
    case 'trust_safety':
    case 'approvals':
    case 'disputes':
    case 'appeals':
      if (set.length) return null;
      return [
        {
          trust_safety: bucket.trustSafety,
          approvals: bucket.approvals,
          disputes: bucket.disputes,
          appeals: bucket.appeals,
        }[q.view],
      ];
  }
}

const FILTER_KEYS = ['status', 'language', 'channel', 'topic', 'priority'] as const;

const sumOf = (db: ReplicaDb, keys: string[]): Promise<number> =>
  db.counts.bulkGet(keys).then((rows) => rows.reduce((n, r) => n + (r?.n ?? 0), 0));

/**
 * The view's count when it is kept (a few rows of the counts table, never a range), else
 * null: then `queueCount` counts it, which the workspace does only after the rows show.
 */
export function quickCount(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<number | null> {
  const keys = countBuckets(q, me);
  return keys ? sumOf(db, keys) : Dexie.Promise.resolve(null);
}

// These run inside live queries: every step must be a Dexie promise (no plain `async`
// detour before the first read), or Dexie loses track of what to watch.
/** The exact count, from the kept counts where they hold it, else by reading the view. */
export function queueCount(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<number> {
  const keys = countBuckets(q, me);
  if (keys) return sumOf(db, keys);
  const ranges = teamRanges(q, me);
  if (ranges) return countMerged(db.cases, ranges);
  if (narrowed(q)) return narrowedResults(db, q, me).then((found) => found!.length);
  if (!searchWords(q.search).length) return collection(db, q, me).count();
  return searchResults(db, q, me).then((found) => found?.length ?? collection(db, q, me).count());
}

// Above this many cases in the view, a search for common words is counted from a sample.
const COUNT_SAMPLE = 500;

const NO_FILTERS: QueueQuery['filters'] = {
  status: '',
  language: '',
  channel: '',
  topic: '',
  priority: '',
};

/**
 * The count of a view no kept count holds (a search, two filters), for after its rows show:
 * exact where that reads few cases (a rare word's candidates, a small view), else estimated
 * from the share of the view's first COUNT_SAMPLE cases that match — a word in most cases
 * would otherwise read the whole view, and every read after it would wait.
 */
export function laterCount(
  db: ReplicaDb,
  q: QueueQuery,
  me: Agent,
): Promise<{ n: number; exact: boolean }> {
  return oneRead(db, () => laterCountIn(db, q, me));
}

function laterCountIn(
  db: ReplicaDb,
  q: QueueQuery,
  me: Agent,
): Promise<{ n: number; exact: boolean }> {
  if (narrowed(q)) {
    return narrowedResults(db, q, me).then((found) => ({ n: found!.length, exact: true }));
  }
  return searchResults(db, q, me).then((found) => {
    if (found) return { n: found.length, exact: true };
    const whole: QueueQuery = {
      ...q,
      search: '',
      filters: resolvedOnly(q) ? { ...NO_FILTERS, status: 'resolved' } : NO_FILTERS,
    };
    return sumOf(db, countBuckets(whole, me)!).then((size) => {
      if (size <= COUNT_SAMPLE)
        return collection(db, q, me)
          .count()
          .then((n) => ({ n, exact: true }));
      const more = refine(q, false);
      return collection(db, whole, me)
        .limit(COUNT_SAMPLE)
        .toArray()
        .then((sample) => {
          const hits = sample.filter((c) => !more || more(c)).length;
          return { n: Math.round((hits / Math.max(1, sample.length)) * size), exact: false };
        });
    });
  });
}

/** The rows [offset, offset + limit) of a view, filtered, searched and sorted. */
export function queuePage(
  db: ReplicaDb,
  q: QueueQuery,
  me: Agent,
  offset: number,
  limit: number,
): Promise<LocalCase[]> {
  return oneRead(db, () => queuePageIn(db, q, me, offset, limit));
}

function queuePageIn(
  db: ReplicaDb,
  q: QueueQuery,
  me: Agent,
  offset: number,
  limit: number,
): Promise<LocalCase[]> {
  const resolved = resolvedRanges(q, me);
  if (resolved) {
    const newest = (q.sort.direction === 'desc') !== newestFirst(q);
    return pageMerged(db.cases, resolved, offset, limit, newest ? 'desc' : 'asc');
  }
  const ranges = teamRanges(q, me);
  if (ranges) return pageMerged(db.cases, ranges, offset, limit, q.sort.direction);
  if (narrowed(q)) {
    return narrowedResults(db, q, me).then((found) => found!.slice(offset, offset + limit));
  }
  const page = () => collection(db, q, me).offset(offset).limit(limit).toArray();
  if (!searchWords(q.search).length) return page();
  return searchResults(db, q, me).then((found) => found?.slice(offset, offset + limit) ?? page());
}

const VIEWS: QueueViewName[] = [
  'mine',
  'unassigned',
  'team',
  'trust_safety',
  'approvals',
  'disputes',
  'appeals',
];

/** Counts for the navigation: a few rows of the kept counts, no range read. */
export function viewCounts(db: ReplicaDb, me: Agent): Promise<Record<QueueViewName, number>> {
  const q = (view: QueueViewName): QueueQuery => ({
    view,
    filters: { status: '', language: '', channel: '', topic: '', priority: '' },
    search: '',
    sort: { key: 'sla', direction: 'asc' },
  });
  const keys = VIEWS.map((v) => countBuckets(q(v), me)!);
  return db.counts.bulkGet(keys.flat()).then((rows) => {
    const n = new Map(keys.flat().map((k, i) => [k, rows[i]?.n ?? 0]));
    return Object.fromEntries(
      VIEWS.map((v, i) => [v, keys[i]!.reduce((sum, k) => sum + n.get(k)!, 0)]),
    ) as Record<QueueViewName, number>;
  });
}

export interface LocalCaseDetail {
  case: LocalCase;
  messages: Message[];
  notes: Note[];
  actions: ActionRead[];
  externalDisputes: ExternalDispute[];
  events: EventRead[];
  /**
   * Whether `events` is the case's whole history, or only what the first sync brought (its
   * last days) and what happened since: the rest is read when the case opens online.
   */
  historyWhole: boolean;
  pending: OutboxEntry[];
  /** A complaint case: the decision it contests (on another case), if on this device. */
  contested: { action: ActionRead; reference: string | null } | null;
}

const byTime = <T extends { createdAt: string }>(a: T, b: T) =>
  a.createdAt.localeCompare(b.createdAt);

/** The case and everything on it: what the case view needs to open. */
export function caseDetail(db: ReplicaDb, id: string): Promise<LocalCaseDetail | null> {
  return oneRead(db, () => caseDetailIn(db, id));
}

async function caseDetailIn(db: ReplicaDb, id: string): Promise<LocalCaseDetail | null> {
  const c = await db.cases.get(id);
  if (!c) return null;
  const [messages, notes, actions, disputes, events, pending, since, kept] = await Promise.all([
    db.messages.where('caseId').equals(id).toArray(),
    db.notes.where('caseId').equals(id).toArray(),
    db.actions.where('caseId').equals(id).toArray(),
    db.disputes.where('caseId').equals(id).toArray(),
    db.events.where('caseId').equals(id).toArray(),
    db.outbox.where('caseId').equals(id).sortBy('seq'),
    db.meta.get('historySince'),
    db.histories.get(id),
  ]);
  // A case created after the first sync's history window opened has had every event sent.
  const recentOnly = typeof since?.value === 'string' ? since.value : null;
  const historyWhole = !recentOnly || !!kept || c.createdAt >= recentOnly;
  // A complaint shows the decision it contests, which lives on another case.
  const contestedAction = c.complaintOf ? await db.actions.get(c.complaintOf) : undefined;
  const contestedCase = contestedAction ? await db.cases.get(contestedAction.caseId) : undefined;
  return {
    case: c,
    contested: contestedAction
      ? { action: contestedAction, reference: contestedCase?.reference ?? null }
      : null,
    messages: messages.sort(byTime),
    notes: notes.sort(byTime),
    actions: actions.sort(byTime),
    externalDisputes: disputes.sort(byTime),
    events: events.sort((a, b) => a.at.localeCompare(b.at)),
    historyWhole,
    pending,
  };
}

/** The buyer's and the seller's standing on this device: history, counts, restrictions. */
export interface LocalPartyHistory {
  /** The latest 50 other cases of each, newest first. */
  buyerCases: LocalCase[];
  sellerCases: LocalCase[];
  /** Counts over all their cases on this device, this one included. */
  buyerCaseCount: number;
  sellerCounts: { cases: number; open: number; counterfeit: number } | null;
  restrictionActions: ActionRead[];
  /** The service's counts of every case of each party, as last read online (with when). */
  buyerFigures: PartyFiguresRow | null;
  sellerFigures: PartyFiguresRow | null;
}

const HISTORY = 50;

/** A seller's cases on this device, open ones and counterfeit-suspected ones: kept counts. */
function sellerStanding(
  db: ReplicaDb,
  sellerId: string,
): Promise<{ cases: number; open: number; counterfeit: number }> {
  return db.counts
    .bulkGet([
      bucket.seller(sellerId),
      bucket.sellerOpen(sellerId),
      bucket.sellerCounterfeit(sellerId),
    ])
    .then(([cases, open, counterfeit]) => ({
      cases: cases?.n ?? 0,
      open: open?.n ?? 0,
      counterfeit: counterfeit?.n ?? 0,
    }));
}

/**
 * Read apart from the case itself, so a seller with thousands of cases never holds up
 * opening one: the case view shows at once and this fills in beside it. The seller's counts
 * are kept counts (view-counts.ts); the latest cases are one index range each, stopped
 * after HISTORY; the buyer's count counts the buyer's range (a buyer has few cases, and a
 * bucket per buyer would be one more row to write for nearly every case a sync brings).
 */
export function partyHistory(
  db: ReplicaDb,
  c: Pick<LocalCase, 'id' | 'buyerId' | 'sellerId'>,
): Promise<LocalPartyHistory> {
  return oneRead(db, () => partyHistoryIn(db, c));
}

async function partyHistoryIn(
  db: ReplicaDb,
  c: Pick<LocalCase, 'id' | 'buyerId' | 'sellerId'>,
): Promise<LocalPartyHistory> {
  const id = c.id;
  const of = (index: string, key: string) =>
    db.cases.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]);
  const latest = async (index: string, key: string) =>
    (
      await of(index, key)
        .reverse()
        .limit(HISTORY + 1)
        .toArray()
    )
      .filter((x) => x.id !== id)
      .slice(0, HISTORY);
  const sellerId = c.sellerId;
  const [buyerCases, buyerCaseCount, sellerCases, sellerCounts, restrictions, figures] =
    await Promise.all([
      latest('[buyerId+createdAt]', c.buyerId),
      of('[buyerId+createdAt]', c.buyerId).count(),
      sellerId ? latest('[sellerId+createdAt]', sellerId) : Promise.resolve([]),
      sellerId ? sellerStanding(db, sellerId) : Promise.resolve(null),
      // Restrictions belong to the account, whichever of its cases they were decided on;
      // the executed ones are few, so all are read and matched by their case's party.
      db.actions.where('[type+status]').equals(['restrict_account', 'executed']).toArray(),
      db.figures.bulkGet([
        partyKey('buyer', c.buyerId),
        sellerId ? partyKey('seller', sellerId) : '\u0000none',
      ]),
    ]);
  const onCases = new Map(
    (await db.cases.bulkGet([...new Set(restrictions.map((a) => a.caseId))]))
      .filter((x): x is LocalCase => !!x)
      .map((x) => [x.id, x]),
  );
  const restrictionActions = restrictions.filter((a) => {
    const on = onCases.get(a.caseId);
    if (!on || a.type !== 'restrict_account') return false;
    return a.subject === 'buyer'
      ? on.buyerId === c.buyerId
      : !!sellerId && on.sellerId === sellerId;
  });
  return {
    buyerCases,
    sellerCases,
    buyerCaseCount,
    sellerCounts,
    restrictionActions,
    buyerFigures: figures[0] ?? null,
    sellerFigures: (sellerId && figures[1]) || null,
  };
}

/** Every agent this replica knows, for names and assignment. */
export function allAgents(db: ReplicaDb): Promise<AgentRead[]> {
  return db.agents.toArray();
}

/**
 * How many open cases each agent holds on this device, for a lead choosing whom to give a
 * case to: one kept count per agent, never a count of their cases.
 */
export function openCaseLoad(db: ReplicaDb, agentIds: string[]): Promise<Map<string, number>> {
  return db.counts
    .bulkGet(agentIds.map((id) => bucket.assignee(id)))
    .then((rows) => new Map(agentIds.map((id, i) => [id, rows[i]?.n ?? 0])));
}

/** What the Approvals and External disputes lists show of each row beyond the case. */
export interface RowDetail {
  /** The oldest proposal waiting for a decision. */
  waiting?: ActionRead;
  /** The latest external dispute. */
  dispute?: ExternalDispute;
}

/**
 * The proposals or disputes of the rows on screen (a page, never the view): one index
 * read. Other views show nothing beyond the case.
 */
export function rowDetails(
  db: ReplicaDb,
  view: QueueViewName,
  caseIds: string[],
): Promise<Map<string, RowDetail>> {
  const out = new Map<string, RowDetail>();
  if (!caseIds.length || (view !== 'approvals' && view !== 'disputes')) {
    return Dexie.Promise.resolve(out);
  }
  if (view === 'approvals') {
    return db.actions
      .where('[caseId+status]')
      .anyOf(caseIds.map((id) => [id, 'pending_approval']))
      .toArray()
      .then((actions) => {
        for (const a of actions.sort(byTime)) {
          if (!out.has(a.caseId)) out.set(a.caseId, { waiting: a });
        }
        return out;
      });
  }
  return db.disputes
    .where('caseId')
    .anyOf(caseIds)
    .toArray()
    .then((disputes) => {
      for (const d of disputes.sort(byTime)) out.set(d.caseId, { dispute: d });
      return out;
    });
}

const ACCOUNT_CASES = 200;

/**
 * One account as this device holds it, for the Account view: its latest cases (as buyer,
 * or as the seller of their order), their actions — a restriction only where it restricts
 * this party — and the decisions its complaints' events record. Index reads only.
 */
export function localAccount(
  db: ReplicaDb,
  kind: 'buyer' | 'seller',
  partyId: string,
): Promise<LocalAccount & { full: LocalCase[] }> {
  return oneRead(db, () => localAccountIn(db, kind, partyId));
}

async function localAccountIn(
  db: ReplicaDb,
  kind: 'buyer' | 'seller',
  partyId: string,
): Promise<LocalAccount & { full: LocalCase[] }> {
  const index = kind === 'buyer' ? '[buyerId+createdAt]' : '[sellerId+createdAt]';
  const cases = await db.cases
    .where(index)
    .between([partyId, Dexie.minKey], [partyId, Dexie.maxKey])
    .reverse()
    .limit(ACCOUNT_CASES)
    .toArray();
  const ids = cases.map((c) => c.id);
  const complaintIds = cases.filter((c) => c.topic === 'complaint').map((c) => c.id);
  const [actions, events] = await Promise.all([
    db.actions.where('caseId').anyOf(ids).toArray(),
    complaintIds.length
      ? db.events.where('caseId').anyOf(complaintIds).toArray()
      : Promise.resolve([] as EventRead[]),
  ]);
  return {
    full: cases,
    cases: cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      status: c.status,
      topic: c.topic,
      createdAt: c.createdAt,
      resolvedAt: c.resolvedAt,
      resolutionSummary: c.resolutionSummary,
      complaintOf: c.complaintOf ?? null,
    })),
    actions: actions.filter(
      (a) => !('pending' in a) && (a.type !== 'restrict_account' || a.subject === kind),
    ),
    decisions: events.map(decisionOf).filter((d) => d !== null),
  };
}

/** A case the command palette offers to open. */
export interface CaseJump {
  id: string;
  reference: string;
  buyerName: string;
  resolved: boolean;
}

/**
 * Cases whose reference contains what was typed, for the command palette: read through
 * the search-word index (the whole reference and its digits are words), at most `limit`
 * of the first matches — never the range behind a short prefix such as "cd".
 */
export async function casesByReference(
  db: ReplicaDb,
  typed: string,
  limit = 6,
): Promise<CaseJump[]> {
  const text = typed.trim().toLowerCase();
  if (text.length < 2) return [];
  const found = await db.cases
    .where('searchTokens')
    .startsWith(text)
    .limit(limit * 3)
    .toArray();
  const seen = new Set<string>();
  return found
    .filter((c) => c.reference.toLowerCase().includes(text) && !seen.has(c.id) && seen.add(c.id))
    .sort((a, b) => a.reference.localeCompare(b.reference))
    .slice(0, limit)
    .map((c) => ({
      id: c.id,
      reference: c.reference,
      buyerName: c.buyer.name,
      resolved: c.status === 'resolved',
    }));
}
