import Dexie, { type Collection, type InsertType } from 'dexie';
import type { Agent, ExternalDispute, Message, Note } from '../../shared';
import type { ActionRead, AgentRead, EventRead } from './read-schemas';
import type { LocalCase, OutboxEntry, ReplicaDb } from './replica-db';
import { countMerged, pageMerged, type MergedRanges } from './merged-ranges';
import { matchesSearch, searchWords } from './search-words';

type Cases = Collection<LocalCase, string, InsertType<LocalCase, 'id'>>;

export type QueueViewName =
  'mine' | 'unassigned' | 'team' | 'trust_safety' | 'approvals' | 'disputes';

export interface QueueQuery {
  view: QueueViewName;
  filters: { status: string; language: string; channel: string; topic: string; priority: string };
  search: string;
  sort: { key: 'sla' | 'updated' | 'priority' | 'reference'; direction: 'asc' | 'desc' };
}

const all = (prefix: (string | number)[]) => [
  [...prefix, Dexie.minKey],
  [...prefix, Dexie.maxKey],
];

/** Which cases a view holds, as a test on one case (for the non-SLA orders). */
function inView(q: QueueQuery, me: Agent): (c: LocalCase) => boolean {
  switch (q.view) {
    case 'mine':
      return (c) => c.assigneeKey === me.id && c.open === 1;
    case 'unassigned':
      return (c) => c.assigneeKey === '' && c.open === 1;
    case 'team':
      return (c) => c.open === 1 && me.languages.includes(c.language);
    case 'trust_safety':
      return (c) => c.tsQueue === 1;
    case 'approvals':
      return (c) => c.approvals === 1;
    case 'disputes':
      return (c) => c.disputed === 1;
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
  switch (q.view) {
    case 'mine':
      return between('[assigneeKey+open+slaDueAt]', [me.id, 1]);
    case 'unassigned':
      return between('[assigneeKey+open+slaDueAt]', ['', 1]);
    case 'team': {
      const language = q.filters.language;
      if (language) {
        return me.languages.includes(language as Agent['languages'][number])
          ? between('[open+language+slaDueAt]', [1, language])
          : between('[open+language+slaDueAt]', [1, '\u0000never']);
      }
      // T&S and leads hold every case in all nine languages: the plain range is the view.
      const everyLanguage = me.languages.length >= 9;
      const range = between('[open+slaDueAt]', [1]);
      return everyLanguage ? range : range.filter((c) => me.languages.includes(c.language));
    }
    case 'trust_safety':
      return between('[tsQueue+slaDueAt]', [1]);
    case 'approvals':
      return between('[approvals+slaDueAt]', [1]);
    case 'disputes':
      return between('[disputed+slaDueAt]', [1]);
  }
}

function refine(q: QueueQuery, onIndexRange = true): ((c: LocalCase) => boolean) | null {
  // On the team view's SLA range, the index already applies a language filter.
  const f =
    onIndexRange && q.view === 'team' && q.sort.key !== 'updated' && q.sort.key !== 'reference'
      ? { ...q.filters, language: '' }
      : q.filters;
  const words = searchWords(q.search);
  if (!f.status && !f.language && !f.channel && !f.topic && !f.priority && !words.length) {
    return null;
  }
  return (c) =>
    (!f.status || c.status === f.status) &&
    (!f.language || c.language === f.language) &&
    (!f.channel || c.channel === f.channel) &&
    (!f.topic || c.topic === f.topic) &&
    (!f.priority || c.priority === f.priority) &&
    matchesSearch(c.searchTokens ?? [], words);
}

// Above this many cases for even the rarest typed word, walking the view's own index
// with a filter is cheaper than fetching the candidates.
const SEARCH_CANDIDATE_LIMIT = 20_000;

/**
 * A search, through the token index: the cases whose words start with the rarest typed
 * word, then the view, filters and other words on those few, sorted in memory. Null when
 * nothing was typed or even the rarest word is too common to be worth it.
 */
async function searchResults(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<LocalCase[] | null> {
  const words = searchWords(q.search);
  if (!words.length) return null;
  const counts = await Dexie.Promise.all(
    words.map((w) => db.cases.where('searchTokens').startsWith(w).count()),
  );
  const fewest = Math.min(...counts);
  if (fewest > SEARCH_CANDIDATE_LIMIT) return null;
  const rarest = words[counts.indexOf(fewest)]!;
  const ids = await db.cases.where('searchTokens').startsWith(rarest).primaryKeys();
  const rows = await db.cases.bulkGet([...new Set(ids)]);
  const view = inView(q, me);
  const more = refine(q, false);
  const found = rows.filter(
    (c): c is LocalCase => c !== undefined && view(c) && (!more || more(c)),
  );
  return found.sort(compareBy(q.sort));
}

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
  return q.sort.direction === 'desc' ? coll.reverse() : coll;
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
  const facets = FACETS.filter((f) => q.filters[f]);
  if (facets.length > 1) return null;
  const language = q.filters.language as Agent['languages'][number] | '';
  const languages = language ? me.languages.filter((l) => l === language) : me.languages;
  const [facet] = facets;
  if (!facet) {
    return language || me.languages.length >= 9
      ? null
      : { index: '[open+language+slaDueAt]', prefixes: languages.map((l) => [1, l]) };
  }
  return {
    index: `[open+${facet}+language+slaDueAt]`,
    prefixes: languages.map((l) => [1, q.filters[facet], l]),
  };
}

// These run inside live queries: every step must be a Dexie promise (no plain `async`
// detour before the first read), or Dexie loses track of what to watch.
export function queueCount(db: ReplicaDb, q: QueueQuery, me: Agent): Promise<number> {
  const ranges = teamRanges(q, me);
  if (ranges) return countMerged(db.cases, ranges);
  if (!searchWords(q.search).length) return collection(db, q, me).count();
  return searchResults(db, q, me).then((found) => found?.length ?? collection(db, q, me).count());
}

export function queuePage(
  db: ReplicaDb,
  q: QueueQuery,
  me: Agent,
  offset: number,
  limit: number,
): Promise<LocalCase[]> {
  const ranges = teamRanges(q, me);
  if (ranges) return pageMerged(db.cases, ranges, offset, limit, q.sort.direction);
  const page = () => collection(db, q, me).offset(offset).limit(limit).toArray();
  if (!searchWords(q.search).length) return page();
  return searchResults(db, q, me).then((found) => found?.slice(offset, offset + limit) ?? page());
}

/** Counts for the navigation: one index range each, no filters. */
export async function viewCounts(db: ReplicaDb, me: Agent): Promise<Record<QueueViewName, number>> {
  const views: QueueViewName[] = [
    'mine',
    'unassigned',
    'team',
    'trust_safety',
    'approvals',
    'disputes',
  ];
  const q = (view: QueueViewName): QueueQuery => ({
    view,
    filters: { status: '', language: '', channel: '', topic: '', priority: '' },
    search: '',
    sort: { key: 'sla', direction: 'asc' },
  });
  const counts = await Promise.all(views.map((v) => slaRange(db, q(v), me).count()));
  return Object.fromEntries(views.map((v, i) => [v, counts[i]])) as Record<QueueViewName, number>;
}

export interface LocalCaseDetail {
  case: LocalCase;
  messages: Message[];
  notes: Note[];
  actions: ActionRead[];
  externalDisputes: ExternalDispute[];
  events: EventRead[];
  pending: OutboxEntry[];
}

const byTime = <T extends { createdAt: string }>(a: T, b: T) =>
  a.createdAt.localeCompare(b.createdAt);

/** The case and everything on it: what the case view needs to open. */
export async function caseDetail(db: ReplicaDb, id: string): Promise<LocalCaseDetail | null> {
  const c = await db.cases.get(id);
  if (!c) return null;
  const [messages, notes, actions, disputes, events, pending] = await Promise.all([
    db.messages.where('caseId').equals(id).toArray(),
    db.notes.where('caseId').equals(id).toArray(),
    db.actions.where('caseId').equals(id).toArray(),
    db.disputes.where('caseId').equals(id).toArray(),
    db.events.where('caseId').equals(id).toArray(),
    db.outbox.where('caseId').equals(id).sortBy('seq'),
  ]);
  return {
    case: c,
    messages: messages.sort(byTime),
    notes: notes.sort(byTime),
    actions: actions.sort(byTime),
    externalDisputes: disputes.sort(byTime),
    events: events.sort((a, b) => a.at.localeCompare(b.at)),
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
}

const HISTORY = 50;

/**
 * Read apart from the case itself, so a seller with thousands of cases never holds up
 * opening one: the case view shows at once and this fills in beside it.
 */
export async function partyHistory(
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
  const [buyerCases, buyerCaseCount, sellerCases, sellerCounts, restrictions] = await Promise.all([
    latest('[buyerId+createdAt]', c.buyerId),
    of('[buyerId+createdAt]', c.buyerId).count(),
    sellerId ? latest('[sellerId+createdAt]', sellerId) : Promise.resolve([]),
    sellerId
      ? Promise.all([
          of('[sellerId+createdAt]', sellerId).count(),
          db.cases.where('[sellerId+open]').equals([sellerId, 1]).count(),
          db.cases.where('[sellerId+topic]').equals([sellerId, 'counterfeit_suspected']).count(),
        ]).then(([cases, open, counterfeit]) => ({ cases, open, counterfeit }))
      : Promise.resolve(null),
    // Restrictions belong to the account, whichever of its cases they were decided on;
    // the executed ones are few, so all are read and matched by their case's party.
    db.actions.where('[type+status]').equals(['restrict_account', 'executed']).toArray(),
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
  return { buyerCases, sellerCases, buyerCaseCount, sellerCounts, restrictionActions };
}

/** Every agent this replica knows, for names and assignment. */
export function allAgents(db: ReplicaDb): Promise<AgentRead[]> {
  return db.agents.toArray();
}

/**
 * How many open cases each agent holds on this device, for a lead choosing whom to give a
 * case to. One index count per agent: a handful of agents, never a scan of the cases.
 */
export async function openCaseLoad(
  db: ReplicaDb,
  agentIds: string[],
): Promise<Map<string, number>> {
  const counts = await Promise.all(
    agentIds.map((id) => {
      const [lo, hi] = all([id, 1]);
      return db.cases.where('[assigneeKey+open+slaDueAt]').between(lo, hi, true, true).count();
    }),
  );
  return new Map(agentIds.map((id, i) => [id, counts[i]!]));
}
