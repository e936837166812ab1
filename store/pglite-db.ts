import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult, Tx } from './db.js';

/** Parsers that make PGlite return what the `pg` driver returns (see db.ts). */
export const PGLITE_PARSERS = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
  [types.NUMERIC]: (value: string) => value,
};

type PGliteQueryable = Pick<PGlite, 'query' | 'exec'>;

function wrap(target: PGliteQueryable): Tx {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * The embedded driver: PGlite, persisted in a directory (demo mode) or in memory (tests).
 * PGlite is a single connection, so statements run one at a time in the order they arrive.
 */
export class PgliteDb implements Db {
  readonly driver = 'pglite' as const;
  private readonly plain: Queryable;

  private constructor(private readonly pglite: PGlite) {
    this.plain = wrap(pglite);
  }

  /** Opens (creating on first use) the database in `dataDir`; in memory when omitted. */
  static async open(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PgliteDb> {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: PGLITE_PARSERS,
    });
    return new PgliteDb(pglite);
  }

  query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.plain.query<R>(sql, params);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) => work(wrap(tx)));
  }

  async exec(sql: string): Promise<QueryResult<Record<string, unknown>>> {
    const last = (await this.pglite.exec(sql)).at(-1);
    return {
      rows: (last?.rows ?? []) as Record<string, unknown>[],
      rowCount: last?.affectedRows ?? 0,
    };
  }

  /** A tarball of the whole data directory (used to snapshot a prepared database for tests). */
  async dump(): Promise<Blob> {
    return (await this.pglite.dumpDataDir('none')) as Blob;
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
