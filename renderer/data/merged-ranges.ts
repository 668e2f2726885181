import Dexie, { type IndexableType, type Table } from 'dexie';

/**
 * Several ranges of one compound index whose last part is the SLA due time, read as if
 * they were one list in SLA order — e.g. "open cases in German, Dutch or English", which
 * no single range holds. Counting adds the ranges' index counts; a page walks index keys
 * only (no case is read from disk until it is on the page) and merges them.
 */
export interface MergedRanges {
  index: string;
  /** Each range's fixed leading parts; the range spans every SLA time after them. */
  prefixes: IndexableType[][];
}

const span = (prefix: IndexableType[]) =>
  [
    [...prefix, Dexie.minKey],
    [...prefix, Dexie.maxKey],
  ] as const;

// Dexie promises throughout: these run inside live queries, which must see every read.
export function countMerged<T, I>(table: Table<T, string, I>, m: MergedRanges): Promise<number> {
  return Dexie.Promise.all(
    m.prefixes.map((p) => {
      const [lo, hi] = span(p);
      return table.where(m.index).between(lo, hi, true, true).count();
    }),
  ).then((counts) => counts.reduce((a, b) => a + b, 0));
}

export function pageMerged<T, I>(
  table: Table<T, string, I>,
  m: MergedRanges,
  offset: number,
  limit: number,
  direction: 'asc' | 'desc',
): Promise<T[]> {
  // The page's rows are among the first offset + limit of each range.
  const take = offset + limit;
  return Dexie.Promise.all(
    m.prefixes.map((p) => {
      const [lo, hi] = span(p);
      let range = table.where(m.index).between(lo, hi, true, true);
      if (direction === 'desc') range = range.reverse();
      const found: [IndexableType, string][] = [];
      return range
        .limit(take)
        .eachKey((key, cursor) => {
          found.push([(key as IndexableType[])[p.length]!, cursor.primaryKey as string]);
        })
        .then(() => found);
    }),
  ).then((lists) => {
    const dir = direction === 'desc' ? -1 : 1;
    const ids = lists
      .flat()
      .sort(([a, x], [b, y]) => dir * (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .slice(offset, offset + limit)
      .map(([, id]) => id);
    return table.bulkGet(ids).then((rows) => rows.filter((r): r is T => r !== undefined));
  });
}
