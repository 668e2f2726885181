import type { DBCoreTable } from 'dexie';
import type { CasedeskDb } from '../casedesk-db';

/**
 * Counts the case records IndexedDB hands to JavaScript (values of gets, queries and
 * cursor steps), to show a reader walked a bounded range instead of loading everything.
 */
export function countCaseReads(db: CasedeskDb): { reads: number } {
  const counter = { reads: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-case-reads',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'cases') return t;
        const counted: DBCoreTable = {
          ...t,
          get: (req) => {
            counter.reads++;
            return t.get(req);
          },
          getMany: async (req) => {
            const rows = await t.getMany(req);
            counter.reads += rows.length;
            return rows;
          },
          query: async (req) => {
            const res = await t.query(req);
            if (req.values) counter.reads += res.result.length;
            return res;
          },
          openCursor: async (req) => {
            const cursor = await t.openCursor(req);
            if (!cursor) return cursor;
            const start = cursor.start.bind(cursor);
            cursor.start = (onNext) =>
              start(() => {
                counter.reads++;
                onNext();
              });
            return cursor;
          },
        };
        return counted;
      },
    }),
  });
  return counter;
}
