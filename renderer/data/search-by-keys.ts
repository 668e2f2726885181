import type { Collection, InsertType } from 'dexie';
import type { LocalCase, ReplicaDb } from './replica-db';

type Cases = Collection<LocalCase, string, InsertType<LocalCase, 'id'>>;

// A word in more cases than this is looked for along the view by reading cases (it is in
// most of them, so a page fills at once); up to this many, its cases' keys are read whole.
export const WORD_KEYS_LIMIT = 20_000;
// The view's keys are read in one request of this many, four times more while too few match.
const FIRST_VIEW_KEYS = 2_000;

/** Every word's cases as one set of ids: the cases a search finds, wherever they sit. */
export function intersect(keyLists: string[][]): Set<string> {
  const [first, ...rest] = [...keyLists].sort((a, b) => a.length - b.length);
  const others = rest.map((l) => new Set(l));
  return new Set((first ?? []).filter((k) => others.every((s) => s.has(k))));
}

/**
 * The view's ids in its own order that are in `found`, at least `want` of them unless the
 * view ends first, and whether the view was read to its end. Reads index keys only — one
 * request per round, never a case — so a word in a tenth of the cases costs the keys of
 * about ten times the page, not ten cases read per row shown.
 */
export function viewKeysIn(
  view: Cases,
  found: Set<string>,
  want: number,
  first = Math.max(FIRST_VIEW_KEYS, want * 4),
): Promise<{ ids: string[]; whole: boolean; read: number }> {
  return view
    .clone()
    .limit(first)
    .primaryKeys()
    .then((keys) => {
      const ids = keys.filter((k) => found.has(k));
      const whole = keys.length < first;
      if (ids.length >= want || whole) return { ids, whole, read: keys.length };
      return viewKeysIn(view, found, want, first * 4);
    });
}

/** The page of a key search: only its cases are read from disk. */
export function pageOfKeys(
  db: ReplicaDb,
  view: Cases,
  found: Set<string>,
  offset: number,
  limit: number,
): Promise<LocalCase[]> {
  return viewKeysIn(view, found, offset + limit).then(({ ids }) =>
    db.cases
      .bulkGet(ids.slice(offset, offset + limit))
      .then((rows) => rows.filter((c): c is LocalCase => c !== undefined)),
  );
}
