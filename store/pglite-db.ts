import { parse, PGlite, protocol, types } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult, Tx } from './db.js';

/** Parsers that make PGlite return what the `pg` driver returns (see db.ts). */
export const PGLITE_PARSERS = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => Number(value),
  [types.NUMERIC]: (value: string) => value,
};

type PGliteQueryable = Pick<PGlite, 'exec'>;

function wrap(target: PGliteQueryable, statements: Statements, inTransaction: boolean): Tx {
  return {
    query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      return statements.run<R>(sql, params, inTransaction);
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

const { serialize } = protocol;
/** Named statements kept per database; past this many, statements are parsed each time. */
const MAX_STATEMENTS = 500;

/**
 * Statements as prepared statements, parsed and planned once per database. PGlite's own
 * `query` parses and plans every statement on every call (an unnamed statement), which made
 * planning most of the cost of a card click: the volunteer statement, with its CTEs and joins,
 * took about 5 ms of CPU to plan and under 1 ms to run. PostgreSQL re-plans a prepared
 * statement itself when a table it reads changes. Exclusivity is PGlite's own: a statement
 * outside a transaction waits for any open transaction, as `PGlite.query` does.
 */
class Statements {
  private readonly names = new Map<string, { name: string; types: number[] }>();
  private created = 0;

  constructor(private readonly pglite: PGlite) {}

  run<R>(sql: string, params: readonly unknown[], inTransaction: boolean): Promise<QueryResult<R>> {
    const work = () => this.pglite._runExclusiveQuery(() => this.execute<R>(sql, params));
    if (inTransaction) return work();
    return this.pglite._runExclusiveTransaction(async () => {
      const result = await work();
      await this.pglite.syncToFs();
      return result;
    });
  }

  private async execute<R>(sql: string, params: readonly unknown[]): Promise<QueryResult<R>> {
    try {
      return await this.executeOnce<R>(sql, params);
    } catch (error) {
      // A table's columns changed under a prepared `SELECT *` (a migration): prepare it anew.
      if (!/cached plan must not change result type/.test(String((error as Error).message)))
        throw error;
      const stale = this.names.get(sql);
      this.names.delete(sql);
      if (stale)
        await this.send([serialize.close({ type: 'S', name: stale.name }), serialize.sync()]);
      return this.executeOnce<R>(sql, params);
    }
  }

  private async executeOnce<R>(sql: string, params: readonly unknown[]): Promise<QueryResult<R>> {
    let statement = this.names.get(sql);
    if (!statement) {
      const name = this.names.size < MAX_STATEMENTS ? `marac_${++this.created}` : '';
      const described = await this.send([
        serialize.parse({ name, text: sql }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]);
      statement = { name, types: parse.parseDescribeStatementResults(described) };
      if (name) this.names.set(sql, statement);
    }
    const types = statement.types;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const toText = this.pglite.serializers[types[i] as number];
      return toText ? toText(value) : String(value);
    });
    const messages = await this.send([
      serialize.bind({ statement: statement.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]);
    const [result] = parse.parseResults(messages, this.pglite.parsers);
    const rows = (result?.rows ?? []) as R[];
    return { rows, rowCount: result?.affectedRows ?? rows.length };
  }

  private async send(parts: Uint8Array[]) {
    const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      message.set(part, at);
      at += part.length;
    }
    const { messages } = await this.pglite.execProtocol(message, {
      syncToFs: false,
      throwOnError: true,
    });
    return messages;
  }
}

/**
 * The embedded driver: PGlite, persisted in a directory (demo mode) or in memory (tests).
 * PGlite is a single connection, so statements run one at a time in the order they arrive.
 */
export class PgliteDb implements Db {
  readonly driver = 'pglite' as const;
  private readonly plain: Queryable;
  private readonly statements: Statements;

  private constructor(private readonly pglite: PGlite) {
    this.statements = new Statements(pglite);
    this.plain = wrap(pglite, this.statements, false);
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
    return this.pglite.transaction((tx) => work(wrap(tx, this.statements, true)));
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
