import pg from 'pg';
import { expect, test } from 'vitest';
import { assertNoPgConcurrency } from './support/no-pg-concurrency.js';

// pg prints its deprecation once per process and vitest runs each file in a fresh one, so this
// file holds only this test: anything after it could no longer see the warning.
test('the suite guard catches two queries started at once on one pg client', async () => {
  // Never connected, so nothing is sent: the second query finds the first still queued, which
  // is the moment pg warns (and pg 9 will throw).
  const client = new pg.Client({ connectionString: 'postgres://guard@127.0.0.1:1/none' });
  void client.query('SELECT 1');
  void client.query('SELECT 2');
  await new Promise((resolve) => setImmediate(resolve)); // process warnings arrive on a later tick
  expect(() => assertNoPgConcurrency()).toThrow(/Two queries ran at once on one pg client/);
  expect(() => assertNoPgConcurrency()).not.toThrow(); // taken: this test's own hook stays green
});
