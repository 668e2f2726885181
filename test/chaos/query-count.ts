import type { Database, Queryable } from '../../server/db/database';

/**
 * Counts the statements the service sends to its database, inside transactions too, so a
 * chaos run can say how many round trips a trial costs.
 */
export function countQueries(db: Database): { readonly n: number } {
  const counter = { n: 0 };
  const counted = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      counter.n++;
      return q.query(sql, params);
    },
    exec: (sql) => {
      counter.n++;
      return q.exec(sql);
    },
  });
  const { query, exec } = counted({ query: db.query.bind(db), exec: db.exec.bind(db) });
  const transaction = db.transaction.bind(db);
  Object.assign(db, {
    query,
    exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      transaction((tx) => {
        counter.n += 2; // BEGIN, COMMIT
        return fn(counted(tx));
      }),
  });
  return counter;
}
