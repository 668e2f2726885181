import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, QueryResult } from './database';

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in a folder or in memory.
 * It has one connection, and PGlite queues queries and transactions behind a mutex, so
 * transactions here are serial by construction.
 */
export interface PgliteDatabase extends Database {
  /** The whole data directory as a tarball, to open again elsewhere with `loadDataDir`. */
  dumpDataDir(): Promise<Blob>;
}

export async function openPglite(
  dataDir?: string,
  options: {
    loadDataDir?: Blob;
    /**
     * PostgreSQL's buffer pool (default 128MB). PGlite zeroes it at every start, which is
     * most of what opening a small database costs: the test suites, which open hundreds,
     * ask for less.
     */
    sharedBuffers?: string;
  } = {},
): Promise<PgliteDatabase> {
  const { sharedBuffers, ...rest } = options;
  const pg = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    ...rest,
    ...(sharedBuffers
      ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] }
      : {}),
  });
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
    dumpDataDir: () => pg.dumpDataDir('none'),
  };
}
