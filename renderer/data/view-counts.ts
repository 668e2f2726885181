import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { LocalCase } from './replica-db';

/**
 * How many cases each queue holds, kept as they change instead of counted when asked:
 * counting the team queue's 40,000 index keys takes hundreds of milliseconds on disk, and
 * IndexedDB serves one request at a time, so every read queued behind a count waited.
 *
 * A case adds one to each of its buckets (`bucketsOf`); every write to the cases table —
 * whoever makes it — adjusts the buckets of the records it replaces and writes in the
 * same IndexedDB transaction (a Dexie middleware widens any read-write transaction on
 * `cases` to `counts`), so counts and cases never disagree, in any window.
 */
export interface CountRow {
  key: string;
  n: number;
}

// DBCoreRangeType.Any: Dexie's enum is a const enum, not importable under isolatedModules.
const RANGE_ANY = 3;

/** Present once the counts were built from every case (absent: a replica from before). */
export const COUNTS_READY = '#ready';
/**
 * A new random number with every write to `cases` (in the write's transaction, in any
 * window): a read that keeps what it computed from many cases (a dashboard bar's view)
 * keeps it only while this is unchanged.
 */
export const CASES_REVISION = '#cases';

/** Filters that have a bucket per value: with the language on the team queue (one bucket per
 * language, so an agent's languages add up), or with the assignee for My cases and
 * Unassigned. */
export const FACETS = ['status', 'priority', 'topic', 'channel'] as const;
const ASSIGNEE_FACETS = [...FACETS, 'language'] as const;

export const bucket = {
  /** Open cases held by an agent ('' for unassigned). */
  assignee: (agentId: string) => `a:${agentId}`,
  assigneeFacet: (agentId: string, facet: string, value: string) =>
    `af:${agentId}:${facet}:${value}`,
  /** Open cases in a language: the team queue is the sum over the agent's languages. */
  language: (language: string) => `l:${language}`,
  facet: (facet: string, value: string, language: string) => `f:${facet}:${value}:${language}`,
  /** Resolved cases an agent held ('' for none), and resolved cases in a language. */
  resolvedBy: (agentId: string) => `rb:${agentId}`,
  resolvedIn: (language: string) => `ri:${language}`,
  trustSafety: 'ts',
  approvals: 'ap',
  disputes: 'di',
  appeals: 'pl',
  /** A seller's cases on this device (any status), open ones, and counterfeit-suspected
   * ones: the case view's seller standing, read as three rows however big the seller. */
  seller: (sellerId: string) => `s:${sellerId}`,
  sellerOpen: (sellerId: string) => `so:${sellerId}`,
  sellerCounterfeit: (sellerId: string) => `sc:${sellerId}`,
};

/** The buckets one case counts in. */
export function bucketsOf(c: LocalCase): string[] {
  const out: string[] = [];
  if (c.open === 1) {
    out.push(bucket.assignee(c.assigneeKey), bucket.language(c.language));
    for (const f of FACETS) out.push(bucket.facet(f, String(c[f]), c.language));
    for (const f of ASSIGNEE_FACETS) out.push(bucket.assigneeFacet(c.assigneeKey, f, String(c[f])));
  }
  if (c.closedIn !== undefined && c.closedBy !== undefined) {
    out.push(bucket.resolvedBy(c.closedBy), bucket.resolvedIn(c.closedIn));
  }
  if (c.sellerId) {
    out.push(bucket.seller(c.sellerId));
    if (c.open === 1) out.push(bucket.sellerOpen(c.sellerId));
    if (c.topic === 'counterfeit_suspected') out.push(bucket.sellerCounterfeit(c.sellerId));
  }
  if (c.tsQueue === 1) out.push(bucket.trustSafety);
  if (c.approvals === 1) out.push(bucket.approvals);
  if (c.disputed === 1) out.push(bucket.disputes);
  if (c.appeal === 1) out.push(bucket.appeals);
  return out;
}

function addTo(delta: Map<string, number>, c: LocalCase | undefined, by: 1 | -1): void {
  if (!c) return;
  for (const k of bucketsOf(c)) delta.set(k, (delta.get(k) ?? 0) + by);
}

async function applyDelta(
  counts: DBCoreTable,
  trans: DBCoreTransaction,
  delta: Map<string, number>,
): Promise<void> {
  const keys = [...delta].filter(([, d]) => d !== 0).map(([k]) => k);
  if (!keys.length) return;
  const rows = (await counts.getMany({ trans, keys })) as (CountRow | undefined)[];
  const put: CountRow[] = [];
  const gone: string[] = [];
  keys.forEach((key, i) => {
    const n = (rows[i]?.n ?? 0) + delta.get(key)!;
    if (n > 0) put.push({ key, n });
    else gone.push(key);
  });
  if (put.length) await counts.mutate({ type: 'put', trans, values: put });
  if (gone.length) await counts.mutate({ type: 'delete', trans, keys: gone });
}

async function casesIn(
  cases: DBCoreTable,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
): Promise<LocalCase[]> {
  const res = await cases.query({
    trans,
    values: true,
    query: { index: cases.schema.primaryKey, range },
  });
  return res.result as LocalCase[];
}

/** Every write to `cases`, with the counts it moves, in its own transaction. */
export const countsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ViewCounts',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes('cases') && !stores.includes('counts')
          ? [...stores, 'counts']
          : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (name !== 'cases') return table;
      return {
        ...table,
        mutate: async (req: DBCoreMutateRequest) => {
          // A schema upgrade rewriting cases (or one from before the counts store): the
          // counts are rebuilt when the replica opens, so mark them so and count nothing.
          const idb = req.trans as unknown as IDBTransaction;
          if (idb.mode === 'versionchange' || !idb.objectStoreNames.contains('counts')) {
            if (idb.objectStoreNames.contains('counts'))
              await down
                .table('counts')
                .mutate({ type: 'delete', trans: req.trans, keys: [COUNTS_READY] });
            return table.mutate(req);
          }
          const counts = down.table('counts');
          await counts.mutate({
            type: 'put',
            trans: req.trans,
            values: [{ key: CASES_REVISION, n: Math.random() }],
          });
          const delta = new Map<string, number>();
          if (req.type === 'deleteRange' && req.range.type === RANGE_ANY) {
            // Emptied (a fresh start): so are its counts, still valid.
            const res = await table.mutate(req);
            await counts.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
            await counts.mutate({
              type: 'put',
              trans: req.trans,
              values: [
                { key: COUNTS_READY, n: 1 },
                { key: CASES_REVISION, n: Math.random() },
              ],
            });
            return res;
          }
          if (req.type === 'deleteRange') {
            for (const c of await casesIn(table, req.trans, req.range)) addTo(delta, c, -1);
            const res = await table.mutate(req);
            await applyDelta(counts, req.trans, delta);
            return res;
          }
          // A put/delete by criteria (Collection.modify/delete) comes with its keys too.
          const keys =
            req.type === 'delete'
              ? req.keys
              : (req.keys ?? req.values.map((v) => (v as LocalCase).id));
          const before = (await table.getMany({ trans: req.trans, keys })) as (
            LocalCase | undefined
          )[];
          const res = await table.mutate(req);
          keys.forEach((_, i) => {
            if (res.failures[i]) return;
            addTo(delta, before[i], -1);
            if (req.type !== 'delete') addTo(delta, req.values[i] as LocalCase, 1);
          });
          await applyDelta(counts, req.trans, delta);
          return res;
        },
      };
    },
  }),
};

/** Counts cases afresh, one at a time: for a replica written before the counts existed. */
export function tally(): { add: (c: LocalCase) => void; rows: () => CountRow[] } {
  const delta = new Map<string, number>();
  return {
    add: (c) => addTo(delta, c, 1),
    rows: () => [...delta].map(([key, n]) => ({ key, n })),
  };
}
