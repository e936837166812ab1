/**
 * The one small port every repository talks through (STYLE.md: "a one-function Db port so
 * the whole suite runs on PGlite and on PostgreSQL"). Two drivers implement it: `pg` (a Pool,
 * for a PostgreSQL server) and PGlite (Postgres in WebAssembly, embedded).
 *
 * Both drivers return the same JavaScript types: `date` columns as `YYYY-MM-DD` strings (a
 * calendar day has no time zone), `timestamptz` as `Date`, `int8`/`count(*)` as `number`,
 * `numeric` as `string`, `json`/`jsonb` parsed.
 */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** Anything that runs one parameterised SQL statement: the database or an open transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
}

/** An open transaction: statements, and parameterless scripts of several statements. */
export interface Tx extends Queryable {
  exec(sql: string): Promise<void>;
}

export type DbDriver = 'pg' | 'pglite';

export interface Db extends Queryable {
  readonly driver: DbDriver;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters; returns the last one's rows. */
  exec(sql: string): Promise<QueryResult<Record<string, unknown>>>;
  close(): Promise<void>;
}
