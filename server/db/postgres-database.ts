import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database';

// int8 columns (money, sequences) stay far below 2^53, so numbers are safe and simpler.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/** SQLSTATEs after which running the whole transaction again is correct. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export async function openPostgres(url: string, poolSize = 16): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server drops (restart, failover) is replaced on next use;
  // without a listener, pg would raise the drop as an uncaught error and end the process.
  pool.on('error', () => undefined);
  // Fail at start with a clear reason rather than at the first request.
  const probe = await pool.connect();
  probe.release();

  const adapt = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async exec(sql: string) {
      await q.query(sql);
    },
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const res = await q.query(sql, params);
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 };
    },
  });

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(adapt(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (err as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw err;
      } finally {
        client.release();
      }
    }
  }

  /** One dedicated connection per channel; it reconnects after a drop. */
  async function listen(channel: string, onNotify: (payload: string) => void) {
    let client: pg.Client | null = null;
    let closed = false;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => {
        if (n.channel === channel) onNotify(n.payload ?? '');
      });
      c.on('error', () => {
        if (closed) return;
        client = null;
        reconnect();
      });
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = c;
    };
    // A notification missed while reconnecting is covered by the poke sent once back.
    const reconnect = (): void => {
      setTimeout(() => {
        if (!closed) connect().then(() => onNotify('{}'), reconnect);
      }, 1000);
    };
    await connect();
    return async () => {
      closed = true;
      await client?.end().catch(() => undefined);
    };
  }

  return {
    kind: 'postgres',
    listen,
    query: adapt(pool).query,
    exec: adapt(pool).exec,
    transaction,
    close: () => pool.end(),
  };
}
