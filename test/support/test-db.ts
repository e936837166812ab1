import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Db, QueryResult, Tx } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { PgDb } from '../../store/pg-db.js';
import type { PgliteDb } from '../../store/pglite-db.js';
import { openFromSnapshot } from './pglite-snapshot.js';

/**
 * A database for one test: a fresh schema with every migration applied, on PGlite by default
 * and on the PostgreSQL server in DATABASE_URL when set (STYLE.md "Tests"). Each test gets its
 * own schema, so tests never see each other's rows; one PGlite instance is shared per worker.
 */
export interface TestDb extends Db {
  readonly schema: string;
  dispose(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

let sharedPglite: Promise<PgliteDb> | undefined;
let activeSchema: string | undefined;

export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = usingPostgres ? await pgSchemaDb(schema) : await pgliteSchemaDb(schema);
  if (options.migrate !== false) await migrate(db);
  return db;
}

/** Disposing twice (a shared `afterEach` after a test that made no database) is harmless. */
function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}

async function pgSchemaDb(schema: string): Promise<TestDb> {
  const url = process.env.DATABASE_URL as string;
  const admin = new PgDb({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const db = new PgDb({ connectionString: url, searchPath: schema, max: 4 });
  return {
    driver: 'pg',
    schema,
    query: (sql, params) => db.query(sql, params),
    transaction: (work) => db.transaction(work),
    exec: (sql) => db.exec(sql),
    close: async () => {},
    dispose: once(async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }),
  };
}

async function pgliteSchemaDb(schema: string): Promise<TestDb> {
  sharedPglite ??= openFromSnapshot(inject('pgliteSnapshot'));
  const pglite = await sharedPglite;
  await pglite.exec(`CREATE SCHEMA ${schema}`);
  // PGlite is one connection: point it at this test's schema whenever this handle is used.
  const use = async () => {
    if (activeSchema !== schema) {
      await pglite.exec(`SET search_path TO ${schema}`);
      activeSchema = schema;
    }
  };
  const db: TestDb = {
    driver: 'pglite',
    schema,
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      await use();
      return pglite.query<R>(sql, params);
    },
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      await use();
      return pglite.transaction(work);
    },
    async exec(sql: string) {
      await use();
      return pglite.exec(sql);
    },
    async close() {},
    dispose: once(async () => {
      await pglite.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      if (activeSchema === schema) {
        await pglite.exec('SET search_path TO public');
        activeSchema = undefined;
      }
    }),
  };
  return db;
}
