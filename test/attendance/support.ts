import { demoUuid } from '../../store/seed/seed-demo.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { FakeClock } from '../support/fake-clock.js';
import { RecordingJobs } from '../support/recording-jobs.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

export const personId = (key: string) => demoUuid(`person:${key}`);
export const agencyId = (key: string) => demoUuid(`agency:${key}`);
export const entraId = (key: string) => demoUuid(`entra:${key}`);
export const SEEDED_MEETING = demoUuid('meeting:next');
export const SEEDED_CLOSED = demoUuid('meeting:next:closed');

export interface AttendanceApp extends TestApp {
  clock: FakeClock;
  channel: BotChannel;
  jobs: RecordingJobs;
  /** JSON call as a demo person. */
  call(
    person: string,
    method: string,
    route: string,
    body?: unknown,
  ): // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response JSON, asserted by each test
  Promise<{ status: number; body: any }>;
  /** A Teams meeting in the simulated tenant, recorded on one of our meetings (as scheduling does). */
  teamsMeetingFor(meetingId: string, title?: string): Promise<TestMeeting>;
}

/**
 * The composed service with Bot Framework authentication ON (simulator-signed channel tokens),
 * a fake clock for the service (the calling roster is stamped with it) and a recording job
 * runner, over the seeded Northfield MARAC.
 */
export async function startAttendanceApp(start: string): Promise<AttendanceApp> {
  const clock = new FakeClock(start);
  const app = await startTestApp({
    env: { MARAC_BOT_AUTH: 'on' },
    now: clock.now(),
    adapters: { clock },
  });
  const jobs = new RecordingJobs();
  await app.composition.startJobs(jobs.asPgBoss());
  const channel = botChannel(app);
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
  const teamsMeetingFor = async (meetingId: string, title = 'Northfield MARAC') => {
    const { rows } = await app.db.query<{ scheduled_start: Date }>(
      'SELECT scheduled_start FROM meeting WHERE id = $1',
      [meetingId],
    );
    const meeting = await channel.meeting(title, rows[0]?.scheduled_start);
    await app.db.query(
      `UPDATE meeting SET online_meeting_id = $2, join_url = $3, chat_thread_id = $4, status = 'scheduled'
        WHERE id = $1`,
      [meetingId, meeting.onlineMeetingId, meeting.joinUrl, meeting.chatThreadId],
    );
    return meeting;
  };
  return Object.assign(app, { clock, channel, jobs, call, teamsMeetingFor });
}

/** Minutes after a base instant, as a Date. */
export const minutesAfter = (base: Date, minutes: number) =>
  new Date(base.getTime() + minutes * 60_000);
