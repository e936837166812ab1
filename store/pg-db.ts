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

/** Named statements kept per pool; past this many, statements are parsed and planned each time. */
const MAX_STATEMENTS = 500;

/**
 * Every parameterised statement runs as a named prepared statement, parsed once per connection
 * and, after PostgreSQL's first five executions, run on a cached generic plan where that costs
 * no more than a custom one. Planning the chase scan's statement (its CTE and six subqueries)
 * took longer than running it, and a card click's statements were planned on every click.
 * PostgreSQL re-plans a prepared statement itself when a table it reads changes.
 */
class StatementNames {
  private readonly names = new Map<string, string>();
  private created = 0;

  nameFor(sql: string): string | undefined {
    const known = this.names.get(sql);
    if (known || this.names.size >= MAX_STATEMENTS) return known;
    const name = `marac_${++this.created}`;
    this.names.set(sql, name);
    return name;
  }

  /** A table's columns changed under a prepared `SELECT *`: prepare it anew under a new name. */
  forget(sql: string): void {
    this.names.delete(sql);
  }
}

const STALE_PLAN = /cached plan must not change result type/;

async function run(
  client: Pick<pg.PoolClient, 'query'>,
  statements: StatementNames,
  sql: string,
  params: readonly unknown[],
  inTransaction = false,
): Promise<pg.QueryResult> {
  const name = statements.nameFor(sql);
  try {
    return await client.query({
      text: sql,
      values: params as unknown[],
      ...(name ? { name } : {}),
    });
  } catch (error) {
    if (!name || !STALE_PLAN.test(String((error as Error).message))) throw error;
    statements.forget(sql);
    // Inside a transaction the error has aborted it: the caller's retry starts a new one.
    if (inTransaction) throw error;
    return run(client, statements, sql, params);
  }
}

/** The `pg` driver: a connection pool to a PostgreSQL server. */
export class PgDb implements Db {
  readonly driver = 'pg' as const;
  private readonly pool: pg.Pool;
  private readonly statements = new StatementNames();

  constructor(options: PgDbOptions) {
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    this.pool.on('error', (error) => options.onError?.(error));
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const result = await run(this.pool, this.statements, sql, params);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const statements = this.statements;
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
          const result = await run(client, statements, sql, params, true);
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
