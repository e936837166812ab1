import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILE_JOB } from '../../core/attendance/live-attendance.js';
import { AttendanceReportNotReady } from '../../core/attendance/reconcile-meeting.js';
import { DEMO_PEOPLE, demoEmail } from '../../store/seed/demo-directory.js';
import type { TestMeeting } from '../support/bot-channel.js';
import { seededPersonalData } from '../support/personal-data.js';
import {
  agencyId,
  type AttendanceApp,
  entraId,
  minutesAfter,
  personId,
  SEEDED_MEETING,
  startAttendanceApp,
} from './support.js';

/**
 * Reconciliation, end to end: a meeting played in the simulated tenant (attendance
 * report, calling roster, call record) and through the bot's events, some of them missed;
 * then the reconciliation job, which waits for the report, takes every report of the session
 * (not an older occurrence's), tolerates records without e-mail or identity, clips intervals
 * outside the meeting, and writes per-person and per-case summaries without double counting.
 */
let app: AttendanceApp;
let tm: TestMeeting;
const T0 = new Date(Math.floor((Date.now() - 8 * 3600_000) / 60_000) * 60_000);
const at = (m: number) => minutesAfter(T0, m);
const emailOf = (key: string) => demoEmail(DEMO_PEOPLE.find((p) => p.key === key)!);
let items: string[] = [];

const engine = () => app.channel.simulator.engine;
const simAt = async (minute: number, fn: () => Promise<unknown>) => {
  app.clock.set(at(minute));
  await fn();
};
const runJob = () => app.jobs.handlers.get(RECONCILE_JOB)!({ meetingId: SEEDED_MEETING });

beforeAll(async () => {
  app = await startAttendanceApp(T0.toISOString());
  tm = await app.teamsMeetingFor(SEEDED_MEETING);
  const om = tm.onlineMeetingId;
  // A previous occurrence of the same online meeting, two weeks earlier: its report is not ours.
  engine().session(om, minutesAfter(T0, -14 * 24 * 60));
  await engine().join(
    om,
    { userId: entraId('probation-rep'), displayName: 'x', email: emailOf('probation-rep') },
    minutesAfter(T0, -14 * 24 * 60),
  );
  await engine().end(om, minutesAfter(T0, -14 * 24 * 60 + 120));

  engine().session(om, at(0));
  // IDVA joined before the recorded start (the report shows it); the bot missed her join.
  await engine().join(
    om,
    { userId: entraId('idva-rep'), displayName: 'IDVA', email: emailOf('idva-rep') },
    at(-15),
  );
  await simAt(0, () => app.channel.meetingStart(tm, { at: at(0) }));
  await new Promise((r) => setTimeout(r, 100)); // the calling bot's "established" and first roster
  await simAt(0, () =>
    engine().join(
      om,
      { userId: entraId('chair'), displayName: 'Chair', email: emailOf('chair'), camera: true },
      at(0),
    ),
  );
  await app.channel.join(tm, ['chair', 'police-rep'], { at: at(1) });
  await simAt(1, () =>
    engine().join(
      om,
      { userId: entraId('police-rep'), displayName: 'Police', email: emailOf('police-rep') },
      at(1),
    ),
  );
  // The housing deputy's record has no e-mail; education joins as a guest known by e-mail only;
  // someone dials in by phone (no identity, no e-mail).
  await simAt(8, () =>
    engine().join(
      om,
      { userId: entraId('housing-deputy'), displayName: 'Housing', email: null },
      at(8),
    ),
  );
  await simAt(6, () =>
    engine().join(
      om,
      { userId: null, displayName: 'Education (guest)', email: emailOf('education-rep') },
      at(6),
    ),
  );
  await simAt(7, () => engine().join(om, { displayName: '+44 7700 900123' }, at(7)));
  await simAt(10, () => engine().camera(om, entraId('police-rep'), true, at(10)));
  await simAt(20, () => engine().camera(om, entraId('police-rep'), false, at(20)));
  await app.channel.leave(tm, ['police-rep'], { at: at(30) });
  await simAt(30, () => engine().leave(om, entraId('police-rep'), at(30)));
  await app.channel.join(tm, ['police-rep'], { at: at(40) });
  await simAt(40, () =>
    engine().join(
      om,
      { userId: entraId('police-rep'), displayName: 'Police', email: emailOf('police-rep') },
      at(40),
    ),
  );
  // The chair ran two cases (5B sets agenda_item actual times; here directly).
  const { rows } = await app.db.query<{ id: string }>(
    'SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position LIMIT 2',
    [SEEDED_MEETING],
  );
  items = rows.map((r) => r.id);
  await app.db.query('UPDATE agenda_item SET actual_start = $2, actual_end = $3 WHERE id = $1', [
    items[0],
    at(10),
    at(40),
  ]);
  await app.db.query('UPDATE agenda_item SET actual_start = $2, actual_end = $3 WHERE id = $1', [
    items[1],
    at(40),
    at(70),
  ]);
  await simAt(120, () => app.channel.meetingEnd(tm, { at: at(120) }));
  await simAt(120, () => engine().end(om, at(120)));
  // The chair comes back briefly after the end: a second report for the same day.
  engine().session(om, at(125));
  await engine().join(
    om,
    { userId: entraId('chair'), displayName: 'Chair', email: emailOf('chair') },
    at(125),
  );
  await engine().end(om, at(130));
  app.clock.set(at(135));
});
afterAll(() => app?.close());

interface Summary {
  person_id: string;
  agenda_item_id: string | null;
  agency_id: string | null;
  attended_as: string;
  present_seconds: number;
  camera_on_seconds: number | null;
  camera_source: string;
  late_join: boolean;
  early_leave: boolean;
}
const summary = async () =>
  (
    await app.db.query<Summary>(
      `SELECT person_id, agenda_item_id, agency_id, attended_as, present_seconds, camera_on_seconds, camera_source,
              late_join, early_leave FROM attendance_summary WHERE meeting_id = $1`,
      [SEEDED_MEETING],
    )
  ).rows;
const meetingLevel = async (key: string) =>
  (await summary()).find((s) => s.person_id === personId(key) && s.agenda_item_id === null);

describe('the attendance reconciliation job', () => {
  it('was registered, and fails (to be retried with backoff) while the report is not ready', async () => {
    expect(app.jobs.handlers.has(RECONCILE_JOB)).toBe(true);
    app.channel.simulator.faults.add({
      call: 'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports',
      kind: 'not-ready',
      times: 1,
    });
    await expect(runJob()).rejects.toBeInstanceOf(AttendanceReportNotReady);
    expect(await summary()).toEqual([]);
  });

  it('merges the reports with the live intervals, per person, without double counting', async () => {
    await runJob();
    // Police: bot events, report and roster all say 1-30 and 40-120: counted once.
    expect(await meetingLevel('police-rep')).toMatchObject({
      agency_id: agencyId('police'),
      attended_as: 'representative',
      present_seconds: (29 + 80) * 60,
      camera_on_seconds: 10 * 60,
      camera_source: 'calling-roster',
      late_join: false,
      early_leave: false,
    });
    // IDVA: the bot missed her; the report's interval before the start is clipped.
    expect(await meetingLevel('idva-rep')).toMatchObject({
      present_seconds: 120 * 60,
      late_join: false,
    });
    // Chair: the second session after the end is outside the meeting window.
    expect(await meetingLevel('chair')).toMatchObject({
      present_seconds: 120 * 60,
      attended_as: 'chair',
    });
    // No e-mail in the record: matched by Entra id. No Entra id: matched by e-mail.
    expect(await meetingLevel('housing-deputy')).toMatchObject({
      attended_as: 'deputy',
      present_seconds: 112 * 60,
      late_join: true,
    });
    expect(await meetingLevel('education-rep')).toMatchObject({ present_seconds: 114 * 60 });
    // Invited but absent: a row with nothing present.
    expect(await meetingLevel('probation-rep')).toMatchObject({ present_seconds: 0 });
    // Nobody who was not there is credited with the older occurrence's report.
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attendance_interval WHERE meeting_id = $1 AND source = 'attendance-report'
          AND joined_at < $2`,
      [SEEDED_MEETING, minutesAfter(T0, -60)],
    );
    expect(rows[0]?.n).toBe(0);
    // The phone caller stays unmatched for the coordinator.
    const unmatched = await app.db.query<{ display_name: string }>(
      'SELECT display_name FROM unmatched_identity WHERE meeting_id = $1',
      [SEEDED_MEETING],
    );
    expect(unmatched.rows.map((r) => r.display_name)).toContain('+44 7700 900123');
    const reconciled = await app.db.query<{ reconciled_at: Date | null }>(
      'SELECT reconciled_at FROM meeting WHERE id = $1',
      [SEEDED_MEETING],
    );
    expect(reconciled.rows[0]?.reconciled_at).toEqual(at(135));
  });

  it('computes presence per case from the case’s actual times', async () => {
    const rows = await summary();
    const police = rows.find(
      (s) => s.person_id === personId('police-rep') && s.agenda_item_id === items[0],
    );
    expect(police).toMatchObject({ present_seconds: 20 * 60, camera_on_seconds: 10 * 60 });
    const police2 = rows.find(
      (s) => s.person_id === personId('police-rep') && s.agenda_item_id === items[1],
    );
    expect(police2).toMatchObject({ present_seconds: 30 * 60, camera_on_seconds: 0 });
    expect(
      rows.find((s) => s.person_id === personId('probation-rep') && s.agenda_item_id !== null),
    ).toBeUndefined();
  });

  it('is idempotent: a second run gives the same summary and stores report intervals once', async () => {
    const before = await summary();
    const count = async () =>
      (
        await app.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM attendance_interval WHERE meeting_id = $1`,
          [SEEDED_MEETING],
        )
      ).rows[0]?.n;
    const intervalsBefore = await count();
    await runJob();
    const sort = (r: Summary[]) =>
      [...r].sort((a, b) =>
        `${a.person_id}${a.agenda_item_id}`.localeCompare(`${b.person_id}${b.agenda_item_id}`),
      );
    expect(sort(await summary())).toEqual(sort(before));
    expect(await count()).toBe(intervalsBefore);
  });

  it('ignores a job without a meeting id, and skips a meeting that has not ended', async () => {
    await expect(app.jobs.handlers.get(RECONCILE_JOB)!({})).resolves.toBeUndefined();
    await expect(
      app.jobs.handlers.get(RECONCILE_JOB)!({ meetingId: '00000000-0000-4000-8000-000000000000' }),
    ).resolves.toBeUndefined();
  });
});

describe('GET /api/reports/attendance', () => {
  const route = () =>
    `/api/reports/attendance?from=${encodeURIComponent(at(-24 * 60).toISOString())}&to=${encodeURIComponent(at(24 * 60).toISOString())}`;

  it('gives the coordinator agencies’ attendance and camera share, and per-case presence', async () => {
    const res = await app.call('coordinator', 'GET', route());
    expect(res.status).toBe(200);
    expect(res.body.meetings).toEqual([{ id: SEEDED_MEETING, startsAt: at(0).toISOString() }]);
    const agency = (key: string) =>
      res.body.byAgency.find((a: { agencyId: string }) => a.agencyId === agencyId(key));
    expect(agency('police')).toMatchObject({
      name: 'Northfield Police',
      core: true,
      meetingsAttended: 1,
      meetingsExpected: 1,
      cameraOnShare: Math.round((600 / ((29 + 80) * 60)) * 1000) / 1000,
    });
    expect(agency('housing')).toMatchObject({ meetingsAttended: 1, meetingsExpected: 1 });
    expect(agency('probation')).toMatchObject({ meetingsAttended: 0, meetingsExpected: 1 });
    const case1 = res.body.perCase.find(
      (c: { agendaItemId: string }) => c.agendaItemId === items[0],
    );
    expect(case1).toMatchObject({ meetingId: SEEDED_MEETING, caseReference: expect.any(String) });
    const present = (key: string) =>
      case1.agencies.find((a: { agencyId: string }) => a.agencyId === agencyId(key))?.present;
    expect(present('police')).toBe(true);
    expect(present('probation')).toBe(false);
    for (const name of seededPersonalData()) expect(JSON.stringify(res.body)).not.toContain(name);
  });

  it('gives the steering group aggregates only; others 403; a bad period 400', async () => {
    const steering = await app.call('steering', 'GET', route());
    expect(steering.status).toBe(200);
    expect(steering.body.perCase).toEqual([]);
    expect(steering.body.byAgency.length).toBeGreaterThan(5);
    expect((await app.call('police-rep', 'GET', route())).status).toBe(403);
    expect((await app.call('coordinator', 'GET', '/api/reports/attendance')).status).toBe(400);
    expect(
      (
        await app.call(
          'coordinator',
          'GET',
          `/api/reports/attendance?from=${encodeURIComponent(at(10).toISOString())}&to=${encodeURIComponent(at(0).toISOString())}`,
        )
      ).status,
    ).toBe(400);
  });
});
