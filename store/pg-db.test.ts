import { afterEach, expect, test } from 'vitest';
import { assertNoPgConcurrency } from '../test/support/no-pg-concurrency.js';
import { createTestDb, type TestDb } from '../test/support/test-db.js';

let db: TestDb | undefined;
afterEach(() => db?.dispose());

// On PostgreSQL (DATABASE_URL) this is the pg driver's transaction; without its queue pg warns
// about the second query and the suite guard fails the test.
test('queries started together inside a transaction each get their own answer', async () => {
  db = await createTestDb({ migrate: false });
  const values = await db.transaction((tx) =>
    Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const { rows } = await tx.query<{ n: number }>('SELECT $1::int AS n', [n]);
        return rows[0]?.n;
      }),
    ),
  );
  expect(values).toEqual([1, 2, 3, 4, 5]);
  await new Promise((resolve) => setImmediate(resolve)); // process warnings arrive on a later tick
  expect(() => assertNoPgConcurrency()).not.toThrow();
});

test('a failing query inside a transaction rolls back and the connection stays usable', async () => {
  db = await createTestDb({ migrate: false });
  await db.exec('CREATE TABLE t (n int PRIMARY KEY)');
  const failing = db.transaction((tx) =>
    Promise.all([
      tx.query('INSERT INTO t VALUES (1)'),
      tx.query('INSERT INTO t VALUES (1)'),
      tx.query('INSERT INTO t VALUES (2)'),
    ]),
  );
  await expect(failing).rejects.toThrow();
  expect((await db.query('SELECT count(*)::int AS c FROM t')).rows).toEqual([{ c: 0 }]);
});

// Statements are prepared once per connection (pg-db.ts, pglite-db.ts). A prepared `SELECT *`
// whose table gains a column is prepared anew instead of failing with "cached plan must not
// change result type".
test('a prepared statement whose table changed answers with the new columns', async () => {
  db = await createTestDb({ migrate: false });
  await db.exec('CREATE TABLE t (n int PRIMARY KEY)');
  await db.query('INSERT INTO t VALUES ($1)', [1]);
  for (let i = 0; i < 6; i++) await db.query('SELECT * FROM t WHERE n = $1', [1]);
  await db.exec("ALTER TABLE t ADD COLUMN label text DEFAULT 'one'");
  expect((await db.query('SELECT * FROM t WHERE n = $1', [1])).rows).toEqual([
    { n: 1, label: 'one' },
  ]);
});

test('the same statement with different values answers each call with its own rows', async () => {
  db = await createTestDb({ migrate: false });
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, n) =>
      db!.query<{ n: number }>('SELECT $1::int * 2 AS n', [n]).then((r) => r.rows[0]?.n),
    ),
  );
  expect(answers).toEqual(Array.from({ length: 20 }, (_, n) => n * 2));
});
