import { afterAll, afterEach } from 'vitest';

/**
 * Fails the test during which `pg` reports two queries started at once on one client. pg 8 only
 * prints a deprecation for it (once per process, so it is easy to miss in a test run's output);
 * pg 9 refuses the second query. Loaded for every test file by vitest.config.ts `setupFiles`.
 */
export const PG_CONCURRENT_QUERY =
  /Calling client\.query\(\) when the client is already executing a query/;

const caught: Error[] = [];

const listener = (warning: Error) => {
  if (PG_CONCURRENT_QUERY.test(warning.message)) caught.push(warning);
};
process.on('warning', listener);

/** Throws (and forgets) the first such warning seen since the last check. */
export function assertNoPgConcurrency(): void {
  const [first] = caught.splice(0);
  if (first)
    throw new Error(
      'Two queries ran at once on one pg client (a Promise.all on a transaction that does not ' +
        `queue its queries?). pg said: ${first.message}\n${first.stack ?? ''}`,
    );
}

afterEach(assertNoPgConcurrency);
afterAll(() => {
  process.off('warning', listener);
  assertNoPgConcurrency();
});
