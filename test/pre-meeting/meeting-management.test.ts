import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emailOf,
  personId,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from './support.js';

let app: PreMeetingApp;
beforeEach(async () => {
  app = await startPreMeetingApp();
});
afterEach(async () => app.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await app.db.query<{ n: number }>(sql, params)).rows[0]?.n;

describe('previewing a series before it is created (FR-001, FR-002)', () => {
  it('names the monthly pattern, lets the week be chosen, counts invitees, creates nothing', async () => {
    const meetingsBefore = await count('SELECT count(*)::int AS n FROM meeting');
    const body = {
      frequency: 'monthly',
      dayOfWeek: 'tuesday',
      startTime: '09:30',
      endTime: '13:00',
      startsOn: '2027-04-01',
      endsOn: '2027-07-31',
    };
    const second = await app.call('coordinator', 'POST', '/api/meetings/series/preview', {
      ...body,
      weekOfMonth: 2,
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      pattern: '2nd Tuesday of each month',
      days: ['2027-04-13', '2027-05-11', '2027-06-08', '2027-07-13'],
      insideNoticePeriod: 0,
    });
    expect(second.body.invitees).toBeGreaterThan(5);
    const plain = await app.call('coordinator', 'POST', '/api/meetings/series/preview', body);
    expect(plain.body.pattern).toBe('1st Tuesday of each month');
    expect(app.scheduler.calls).toEqual([]);
    expect(await count('SELECT count(*)::int AS n FROM meeting')).toBe(meetingsBefore);

    const created = await app.call('coordinator', 'POST', '/api/meetings/series', {
      ...body,
      weekOfMonth: 2,
      title: 'Northfield MARAC',
    });
    expect(created.status).toBe(201);
    expect(app.scheduler.callsOf('createEvent')[0]?.input.recurrence?.pattern).toMatchObject({
      type: 'relativeMonthly',
      index: 'second',
    });
  });

  it('refuses a week of the month for a weekly series, plainly', async () => {
    const res = await app.call('coordinator', 'POST', '/api/meetings/series/preview', {
      frequency: 'weekly',
      dayOfWeek: 'wednesday',
      startTime: '09:30',
      endTime: '13:00',
      startsOn: '2027-04-01',
      endsOn: '2027-07-31',
      weekOfMonth: 3,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The week of the month applies to monthly meetings only.');
  });
});

describe('chair and deputy chair of one meeting (FR-006)', () => {
  it('swaps them, follows in the invitees and updates Teams; a non-chair is refused', async () => {
    const url = `/api/meetings/${SEEDED_MEETING}/leads`;
    const refused = await app.call('coordinator', 'PUT', url, {
      chairPersonId: personId('housing-rep'),
      deputyChairPersonId: null,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/chair or deputy chair role/);
    expect(app.scheduler.calls).toEqual([]);

    const ok = await app.call('coordinator', 'PUT', url, {
      chairPersonId: personId('deputy-chair'),
      deputyChairPersonId: personId('chair'),
    });
    expect(ok.status).toBe(200);
    const row = await app.db.query<{ chair_person_id: string; deputy_chair_person_id: string }>(
      'SELECT chair_person_id, deputy_chair_person_id FROM meeting WHERE id = $1',
      [SEEDED_MEETING],
    );
    expect(row.rows[0]).toEqual({
      chair_person_id: personId('deputy-chair'),
      deputy_chair_person_id: personId('chair'),
    });
    const kinds = await app.db.query<{ person_id: string; kind: string }>(
      `SELECT person_id, kind FROM meeting_invitee WHERE meeting_id = $1 AND kind IN ('chair', 'deputy-chair')`,
      [SEEDED_MEETING],
    );
    expect(kinds.rows).toEqual(
      expect.arrayContaining([
        { person_id: personId('deputy-chair'), kind: 'chair' },
        { person_id: personId('chair'), kind: 'deputy-chair' },
      ]),
    );
    const options = app.scheduler.callsOf('applyOptions').at(-1)?.options;
    expect(options?.presenters).toEqual(
      expect.arrayContaining([emailOf('chair'), emailOf('deputy-chair')]),
    );
    const detail = await app.call('coordinator', 'GET', `/api/meetings/${SEEDED_MEETING}`);
    expect(detail.body.meeting.chairPersonId).toBe(personId('deputy-chair'));
  });
});

describe('moving a meeting inside the notice period (FR-004)', () => {
  it('without a reason is a plain refusal and nothing changes, in the store or in Teams', async () => {
    const detail = await app.call('coordinator', 'GET', `/api/meetings/${SEEDED_MEETING}`);
    const start = new Date(detail.body.meeting.scheduledStart);
    app.clock.set(new Date(start.getTime() - 2 * 86_400_000).toISOString());
    const day = new Date(start.getTime() + 86_400_000).toISOString().slice(0, 10);
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/reschedule`,
      {
        day,
        startTime: '10:00',
        endTime: '12:00',
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/reason/);
    const after = await app.call('coordinator', 'GET', `/api/meetings/${SEEDED_MEETING}`);
    expect(after.body.meeting.scheduledStart).toBe(detail.body.meeting.scheduledStart);
    expect(app.scheduler.callsOf('updateEvent')).toEqual([]);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_mail WHERE purpose = 'meeting-change'`),
    ).toBe(0);
  });
});

/** A member of the simulated tenant's directory who is not yet in the MARAC. */
const ROBIN = 'robin.ashdown@northfield-council.example';

describe('a chair for one occurrence of a series (FR-006)', () => {
  it('makes them a presenter of the recurring Teams meeting, which all occurrences share', async () => {
    const found = await app.call('coordinator', 'GET', '/api/area/directory?q=robin');
    const robin = found.body.users.find((u: { mail: string }) => u.mail === ROBIN);
    const chair = await app.call('coordinator', 'POST', '/api/area/people', {
      entraObjectId: robin.objectId,
      agencyId: null,
      roles: ['chair'],
    });
    expect(chair.status).toBe(201);
    const created = await app.call('coordinator', 'POST', '/api/meetings/series', {
      title: 'Northfield MARAC',
      frequency: 'fortnightly',
      dayOfWeek: 'wednesday',
      startTime: '09:30',
      endTime: '13:00',
      startsOn: '2027-03-22',
      endsOn: '2027-05-05',
    });
    const second = created.body.meetings[1].meetingId;
    const before = app.scheduler.callsOf('applyOptions').at(-1)?.options.presenters ?? [];
    expect(before).not.toContain(ROBIN);
    const res = await app.call('coordinator', 'PUT', `/api/meetings/${second}/leads`, {
      chairPersonId: chair.body.person.id,
      deputyChairPersonId: personId('deputy-chair'),
    });
    expect(res.status).toBe(200);
    expect(app.scheduler.callsOf('applyOptions').at(-1)?.options.presenters).toEqual(
      expect.arrayContaining([ROBIN, emailOf('chair')]),
    );
    expect(
      app.scheduler
        .callsOf('updateEvent')
        .at(-1)
        ?.changes.attendees?.map((a) => a.email),
    ).toContain(ROBIN);
  });
});

describe('moving a meeting to another day (FR-004, FR-007)', () => {
  it('takes its closed session along at the same time of day, in the store and in Teams', async () => {
    const closed = (await app.call('coordinator', 'GET', `/api/meetings/${SEEDED_MEETING}`)).body
      .closedSessions[0];
    const oldStart = new Date(closed.scheduledStart);
    const day = new Date(oldStart.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/reschedule`,
      {
        day,
        startTime: '09:30',
        endTime: '13:00',
        reason: 'Room unavailable',
      },
    );
    expect(res.status).toBe(200);
    const moved = await app.db.query<{ scheduled_start: Date }>(
      'SELECT scheduled_start FROM meeting WHERE id = $1',
      [closed.id],
    );
    expect(moved.rows[0]?.scheduled_start).toEqual(new Date(oldStart.getTime() + 7 * 86_400_000));
    const changes = await app.db.query<{ change: string }>(
      'SELECT change FROM meeting_change WHERE meeting_id = $1',
      [closed.id],
    );
    expect(changes.rows.map((r) => r.change)).toContain('rescheduled');
    const starts = [
      ...app.scheduler.callsOf('createEvent').map((c) => c.input.start),
      ...app.scheduler.callsOf('updateEvent').map((c) => c.changes.start),
    ].map((d) => d?.getTime());
    expect(starts).toContain(oldStart.getTime() + 7 * 86_400_000);
  });
});
