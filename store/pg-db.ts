import pg from 'pg';
import type { Db, QueryResult, Tx } from './db.js';

const { Pool, types } = pg;

// A calendar day is not an instant: keep `date` as 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value) => value);
// count(*) and bigserial ids fit comfortably in a double for this product's volumes.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

export interface PgDbOptions {
  connectionString: string;
  /** Sets `search_path` on every connection (tests use one schema per test). */
  searchPath?: string;
  max?: number;
  /** Called with pool-level errors (a dropped idle connection must not crash the process). */
  onError?: (error: Error) => void;
}

/** The `pg` driver: a connection pool to a PostgreSQL server. */
export class PgDb implements Db {
  readonly driver = 'pg' as const;
  private readonly pool: pg.Pool;

  constructor(options: PgDbOptions) {
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    this.pool.on('error', (error) => options.onError?.(error));
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const result = await this.pool.query(sql, params as unknown[]);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // One connection runs one statement at a time. Queries a caller starts together (a
    // Promise.all inside a unit of work) wait their turn here instead of piling onto pg's own
    // queue, which pg 8 deprecates and pg 9 refuses; test/support/no-pg-concurrency.ts fails
    // the suite if that deprecation is ever printed again.
    let tail: Promise<unknown> = Promise.resolve();
    const inTurn = <V>(run: () => Promise<V>): Promise<V> => {
      const next = tail.then(run);
      tail = next.catch(() => undefined);
      return next;
    };
    const tx: Tx = {
      query<R>(sql: string, params: readonly unknown[] = []) {
        return inTurn(async () => {
          const result = await client.query(sql, params as unknown[]);
          return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
        });
      },
      exec(sql: string) {
        // no parameters: simple protocol, several statements allowed
        return inTurn(async () => void (await client.query(sql)));
      },
    };
    try {
      await client.query('BEGIN');
      const value = await work(tx);
      await inTurn(() => client.query('COMMIT'));
      return value;
    } catch (error) {
      await tail;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<QueryResult<Record<string, unknown>>> {
    const results = (await this.pool.query(sql)) as pg.QueryResult | pg.QueryResult[];
    const last = Array.isArray(results) ? results.at(-1) : results;
    return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
