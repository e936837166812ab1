import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, usingPostgres } from '../test/support/test-db.js';
import { openDb } from './open-db.js';

let db: TestDb;
afterEach(async () => db?.dispose());

describe(`the Db port on ${usingPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('returns days as strings, int8 as numbers, instants as Dates and parsed json', async () => {
    db = await createTestDb({ migrate: false });
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT '2026-04-08'::date AS day, count(*) AS n, '2026-04-08T08:30:00Z'::timestamptz AS at,
              '{"a":[1,2]}'::jsonb AS doc, 12.50::numeric AS amount, ARRAY['x','y']::text[] AS list
         FROM (VALUES (1), (2)) v(x)`,
    );
    expect(rows[0]).toEqual({
      day: '2026-04-08',
      n: 2,
      at: new Date('2026-04-08T08:30:00Z'),
      doc: { a: [1, 2] },
      amount: '12.50',
      list: ['x', 'y'],
    });
  });

  it('binds jsonb objects and uuid arrays as parameters', async () => {
    db = await createTestDb({ migrate: false });
    await db.exec('CREATE TABLE t (doc jsonb, ids uuid[], day date)');
    const id = '7b0e3f8e-6d1c-4b0a-9a4e-2f3c5d6e7f80';
    await db.query('INSERT INTO t VALUES ($1, $2, $3)', [{ ok: true }, [id], '2026-12-25']);
    const { rows } = await db.query('SELECT doc, ids, day FROM t');
    expect(rows[0]).toEqual({ doc: { ok: true }, ids: [id], day: '2026-12-25' });
  });

  it('runs a statement again after its table changed, and recovers from a failed one', async () => {
    db = await createTestDb({ migrate: false });
    await db.exec('CREATE TABLE t (a int)');
    await db.query('INSERT INTO t VALUES ($1)', [1]);
    expect((await db.query('SELECT * FROM t')).rows).toEqual([{ a: 1 }]);
    // A migration adds a column: the same statement text now returns it.
    await db.exec("ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT 'x'");
    expect((await db.query('SELECT * FROM t')).rows).toEqual([{ a: 1, b: 'x' }]);
    await expect(db.query('INSERT INTO t (a) VALUES ($1)', ['not a number'])).rejects.toThrow(
      /invalid input syntax for type integer/,
    );
    await db.query('INSERT INTO t (a) VALUES ($1)', [2]);
    const { rows, rowCount } = await db.query('UPDATE t SET b = $1 WHERE a > $2', ['y', 0]);
    expect({ rows, rowCount }).toEqual({ rows: [], rowCount: 2 });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    db = await createTestDb({ migrate: false });
    await db.exec('CREATE TABLE t (a int)');
    await db.transaction(async (tx) => void (await tx.query('INSERT INTO t VALUES (1)')));
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await db.query('SELECT a FROM t');
    expect(rows).toEqual([{ a: 1 }]);
  });
});

describe('the embedded database', () => {
  it('creates a missing data directory on first open and keeps data across reopening', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'marac-'));
    const dataDir = path.join(parent, 'not', 'yet', 'there');
    try {
      const first = await openDb({ driver: 'pglite', dataDir });
      await first.exec('CREATE TABLE kept (a int); INSERT INTO kept VALUES (42)');
      await first.close();
      const second = await openDb({ driver: 'pglite', dataDir });
      expect((await second.query('SELECT a FROM kept')).rows).toEqual([{ a: 42 }]);
      await second.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 60_000);
});
