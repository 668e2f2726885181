import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, QueryResult } from './database';

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in a folder or in memory.
 * It has one connection, and PGlite queues queries and transactions behind a mutex, so
 * transactions here are serial by construction.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  const adapt = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const res = await q.query<R>(sql, params as unknown[] | undefined);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
  });
  const root = adapt(pg);
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction: (fn) => pg.transaction((tx) => fn(adapt(tx))),
    listen: (channel, onNotify) => pg.listen(channel, onNotify),
    close: () => pg.close(),
  };
}
