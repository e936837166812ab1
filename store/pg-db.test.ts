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
