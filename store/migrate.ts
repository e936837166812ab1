import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './db.js';
import { projectRoot } from './project-root.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  current: string | null;
}

/** Raised when the database cannot be used with this build of the code. */
export class MigrationError extends Error {
  constructor(
    readonly code: 'DB_NEWER_THAN_CODE' | 'MIGRATION_CHANGED' | 'MIGRATION_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any fixed number: the lock only serialises servers migrating the same database at once.
const MIGRATION_LOCK_KEY = 727_274_001;

/** Reads the numbered SQL files (`0001_domain.sql`, ...) in order. */
export async function loadMigrations(
  dir = path.join(projectRoot(), 'store/migrations'),
): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => FILE_PATTERN.test(file)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const [, id, name] = FILE_PATTERN.exec(file) as RegExpExecArray;
    const sql = await readFile(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex').slice(0, 16);
    migrations.push({ id: Number(id), name: `${id}_${name}`, sql, checksum });
  }
  const ids = new Set(migrations.map((m) => m.id));
  if (ids.size !== migrations.length) throw new Error(`Two migrations share a number in ${dir}`);
  return migrations;
}

/**
 * Applies every migration the database has not seen, each in its own transaction. Refuses to
 * run against a database that has migrations this code does not know (a newer release ran
 * against it) or whose applied migrations were edited afterwards.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<MigrationReport> {
  const known = migrations ?? (await loadMigrations());
  await db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    if (db.driver === 'pg')
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const { rows } = await tx.query<{ id: number; name: string; checksum: string }>(
      'SELECT id, name, checksum FROM schema_migrations ORDER BY id',
    );
    const byId = new Map(known.map((m) => [m.id, m]));
    const unknown = rows.filter((row) => !byId.has(row.id));
    if (unknown.length > 0) {
      const latest = known.at(-1)?.name ?? '(none)';
      throw new MigrationError(
        'DB_NEWER_THAN_CODE',
        `The database is at migration ${unknown.at(-1)?.name}, newer than this code knows ` +
          `(latest here: ${latest}). Run the newer release of Virtual MARAC against this ` +
          `database, or point DATABASE_URL / MARAC_DATA_DIR at another one.`,
      );
    }
    for (const row of rows) {
      const migration = byId.get(row.id) as Migration;
      if (migration.checksum !== row.checksum) {
        throw new MigrationError(
          'MIGRATION_CHANGED',
          `Migration ${migration.name} was edited after it was applied to this database. ` +
            `Never edit an applied migration: add a new numbered one instead.`,
        );
      }
    }
    const done = new Set(rows.map((row) => row.id));
    for (const migration of known) {
      if (done.has(migration.id)) continue;
      try {
        // One round trip per migration script, inside this transaction.
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(
          'MIGRATION_FAILED',
          `Migration ${migration.name} failed: ${(error as Error).message}`,
        );
      }
      await tx.query('INSERT INTO schema_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
        migration.id,
        migration.name,
        migration.checksum,
      ]);
      applied.push(migration.name);
    }
  });
  const { rows } = await db.query<{ name: string }>(
    'SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1',
  );
  return { applied, current: rows[0]?.name ?? null };
}
