import { mkdir } from 'node:fs/promises';
import type { Db } from './db.js';
import { PgDb } from './pg-db.js';
import { PgliteDb } from './pglite-db.js';

export type DatabaseSettings =
  { driver: 'pg'; url: string } | { driver: 'pglite'; dataDir: string };

/** `pg` when DATABASE_URL is set; otherwise PGlite persisted in the data directory (created here). */
export async function openDb(
  settings: DatabaseSettings,
  options: { onError?: (error: Error) => void } = {},
): Promise<Db> {
  if (settings.driver === 'pg') {
    const db = new PgDb({ connectionString: settings.url, ...options });
    await db.query('SELECT 1'); // fail at start, with the driver's message, not at first request
    return db;
  }
  await mkdir(settings.dataDir, { recursive: true });
  return PgliteDb.open({ dataDir: settings.dataDir });
}
