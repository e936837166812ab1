import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, usingPostgres } from '../../test/support/test-db.js';
import { createLogger } from '../logger.js';
import { PgBossJobs } from './pg-boss-jobs.js';

let db: TestDb;
let jobs: PgBossJobs | undefined;
afterEach(async () => {
  await jobs?.stop();
  await db.dispose();
});

describe(`background jobs on pg-boss (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs a sent job once, with its data, and retries a failing one', async () => {
    db = await createTestDb({ migrate: false });
    jobs = new PgBossJobs(db, createLogger({ level: 'silent' }), {
      schema: `${db.schema}_boss`,
      pollingIntervalSeconds: 0.5,
    });
    await jobs.start();
    const seen: unknown[] = [];
    let failures = 0;
    await jobs.work('circulate', async (data) => void seen.push(data));
    await jobs.work('flaky', async () => {
      failures += 1;
      if (failures === 1) throw new Error('Graph answered 503');
    });
    await jobs.send('circulate', { meetingId: 'm-1' });
    await jobs.send('flaky', {}, { retryLimit: 2, retryDelaySeconds: 1 });
    await expect
      .poll(() => seen, { timeout: 15_000, interval: 200 })
      .toEqual([{ meetingId: 'm-1' }]);
    await expect.poll(() => failures, { timeout: 15_000, interval: 200 }).toBe(2);
  }, 40_000);
});
