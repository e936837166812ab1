import { DEMO_PEOPLE, demoEmail } from '../../store/seed/demo-directory.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeFileShare } from '../support/fake-file-share.js';
import { FakeMeetingScheduler } from '../support/fake-meeting-scheduler.js';
import { RecordingJobs } from '../support/recording-jobs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

export const personId = (key: string) => demoUuid(`person:${key}`);
export const agencyId = (key: string) => demoUuid(`agency:${key}`);
export const emailOf = (key: string) =>
  demoEmail(DEMO_PEOPLE.find((p) => p.key === key) as (typeof DEMO_PEOPLE)[number]);
export const SEEDED_MEETING = demoUuid('meeting:next');
export const SEEDED_CLOSED = demoUuid('meeting:next:closed');

export interface PreMeetingApp extends TestApp {
  clock: FakeClock;
  scheduler: FakeMeetingScheduler;
  fileShare: FakeFileShare;
  jobs: RecordingJobs;
  /** JSON call as a demo person. */
  call(
    person: string,
    method: string,
    route: string,
    body?: unknown,
  ): // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, asserted by each test
  Promise<{ status: number; body: any }>;
}

/** The composed service on a fake clock with a recording scheduler, file share and job runner. */
export async function startPreMeetingApp(
  start = '2027-03-01T09:00:00Z',
  policy?: Record<string, unknown>,
): Promise<PreMeetingApp> {
  const clock = new FakeClock(start);
  const scheduler = new FakeMeetingScheduler();
  const fileShare = new FakeFileShare();
  const app = await startTestApp({ now: clock.now(), adapters: { clock, scheduler, fileShare } });
  if (policy)
    await app.db.query(`UPDATE area SET policy = policy || $1::jsonb`, [JSON.stringify(policy)]);
  const jobs = new RecordingJobs();
  await app.composition.startJobs(jobs.asPgBoss());
  const call = async (person: string, method: string, route: string, body?: unknown) => {
    const res = await app.as(person)(route, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return Object.assign(app, { clock, scheduler, fileShare, jobs, call });
}
