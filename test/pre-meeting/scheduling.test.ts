import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoPersonalData } from '../support/personal-data.js';
import { agencyId, emailOf, personId, startPreMeetingApp, type PreMeetingApp } from './support.js';

let app: PreMeetingApp;
beforeEach(async () => {
  app = await startPreMeetingApp();
});
afterEach(async () => app.close());

const series = {
  title: 'Northfield MARAC',
  frequency: 'fortnightly',
  dayOfWeek: 'wednesday',
  startTime: '09:30',
  endTime: '13:00',
  startsOn: '2027-03-22',
  endsOn: '2027-06-30',
};

describe('scheduling a MARAC series in Teams (FR-001, FR-002, FR-006, FR-008)', () => {
  it('creates one recurring Teams meeting with safe options, invites only signatory agencies, installs the app', async () => {
    const res = await app.call('coordinator', 'POST', '/api/meetings/series', series);
    expect(res.status).toBe(201);
    expect(res.body.meetings).toHaveLength(8);
    expect(res.body.meetings.every((m: { status: string }) => m.status === 'scheduled')).toBe(true);

    const [create, ...more] = app.scheduler.callsOf('createEvent');
    expect(more).toEqual([]);
    expect(create?.input).toMatchObject({
      subject: 'Northfield MARAC',
      timeZone: 'Europe/London',
      start: new Date('2027-03-24T09:30:00Z'),
      end: new Date('2027-03-24T13:00:00Z'),
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
        startDay: '2027-03-24',
        endDay: '2027-06-30',
      },
    });
    const attendees = create?.input.attendees.map((a) => a.email) ?? [];
    expect(attendees).toEqual(
      expect.arrayContaining([
        emailOf('police-rep'),
        emailOf('police-deputy'),
        emailOf('idva-2'),
        emailOf('chair'),
        emailOf('coordinator'),
      ]),
    );
    for (const outsider of ['harbour-rep', 'observer', 'steering'])
      expect(attendees).not.toContain(emailOf(outsider));
    expectNoPersonalData(create?.input.bodyHtml ?? '', 'event body');

    const [options] = app.scheduler.callsOf('applyOptions');
    expect(options?.options).toMatchObject({
      allowRecording: false,
      allowTranscription: false,
      isEntryExitAnnounced: true,
    });
    expect(options?.options.presenters.sort()).toEqual(
      [emailOf('chair'), emailOf('deputy-chair'), emailOf('coordinator')].sort(),
    );
    expect(options?.options.attendees).not.toContain(emailOf('harbour-rep'));
    expect(app.scheduler.callsOf('installApp')).toHaveLength(1);

    // After the clock change (28 March) occurrences keep 09:30 London time, and each meeting
    // holds its own occurrence so it can be moved alone.
    const rows = await app.db.query<{
      scheduled_start: Date;
      graph_event_id: string;
      circulation_due_on: string;
    }>(
      `SELECT scheduled_start, graph_event_id, circulation_due_on FROM meeting WHERE series_id = $1 ORDER BY scheduled_start`,
      [res.body.seriesId],
    );
    expect(rows.rows[1]).toMatchObject({
      scheduled_start: new Date('2027-04-07T08:30:00Z'),
      circulation_due_on: '2027-03-24',
    });
    expect(new Set(rows.rows.map((r) => r.graph_event_id)).size).toBe(8);
  });

  it('shows a meeting Teams could not fully set up as needs-attention with the reason, and a retry resumes it', async () => {
    app.scheduler.failNext(
      'applyOptions',
      new Error('Graph answered 429 Too Many Requests after 3 retries'),
    );
    const res = await app.call('coordinator', 'POST', '/api/meetings', {
      kind: 'extraordinary',
      title: 'Northfield MARAC (extra)',
      day: '2027-03-31',
      startTime: '14:00',
      endTime: '16:00',
    });
    expect(res.status).toBe(201);
    const [meeting] = res.body.meetings;
    expect(meeting.status).toBe('needs-attention');
    expect(meeting.statusReason).toMatch(/Applying the meeting options.*429/);

    const list = await app.call('coordinator', 'GET', '/api/meetings');
    expect(
      list.body.meetings.find((m: { id: string }) => m.id === meeting.meetingId),
    ).toMatchObject({
      status: 'needs-attention',
      statusReason: expect.stringContaining('429'),
    });
    const audit = await app.db.query(
      `SELECT detail FROM audit_log WHERE action = 'meeting.needs-attention' AND record_id = $1`,
      [meeting.meetingId],
    );
    expect(audit.rows).toHaveLength(1);

    app.scheduler.failNext('installApp', new Error('503 Service Unavailable after 3 retries'));
    const second = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${meeting.meetingId}/retry-setup`,
    );
    expect(second.body.meeting).toMatchObject({
      status: 'needs-attention',
      statusReason: expect.stringContaining('503'),
    });

    const third = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${meeting.meetingId}/retry-setup`,
    );
    expect(third.body.meeting.status).toBe('scheduled');
    expect(app.scheduler.callsOf('createEvent')).toHaveLength(1);
    expect(app.scheduler.callsOf('applyOptions')).toHaveLength(3);
  });

  it('fails the whole series honestly when the event cannot be created', async () => {
    app.scheduler.failNext(
      'createEvent',
      new Error('Graph answered 503 Service Unavailable after 3 retries'),
    );
    const res = await app.call('coordinator', 'POST', '/api/meetings/series', series);
    expect(res.body.meetings.map((m: { status: string }) => m.status)).toEqual(
      Array(8).fill('needs-attention'),
    );
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM meeting WHERE series_id = $1 AND status = 'scheduled'`,
      [res.body.seriesId],
    );
    expect(rows[0]).toEqual({ n: 0 });
  });
});

describe('changes inside the notice period (FR-004)', () => {
  it('needs a reason to add a meeting at short notice and counts it', async () => {
    const body = {
      kind: 'emergency',
      title: 'Northfield MARAC (emergency)',
      day: '2027-03-03',
      startTime: '14:00',
      endTime: '15:00',
    };
    const refused = await app.call('coordinator', 'POST', '/api/meetings', body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOTICE_REASON_REQUIRED');
    const ok = await app.call('coordinator', 'POST', '/api/meetings', {
      ...body,
      reason: 'HBV case cannot wait',
    });
    expect(ok.status).toBe(201);
    const { rows } = await app.db.query(
      `SELECT change, inside_notice_period, reason FROM meeting_change WHERE meeting_id = $1`,
      [ok.body.meetings[0].meetingId],
    );
    expect(rows).toEqual([
      { change: 'added', inside_notice_period: true, reason: 'HBV case cannot wait' },
    ]);
  });

  it('moves a meeting in Teams and, at short notice, mails every invitee with no personal data', async () => {
    const created = await app.call('coordinator', 'POST', '/api/meetings', {
      kind: 'extraordinary',
      title: 'Northfield MARAC (extra)',
      day: '2027-03-31',
      startTime: '14:00',
      endTime: '16:00',
    });
    const id = created.body.meetings[0].meetingId;
    app.clock.set('2027-03-25T10:00:00Z');
    const move = { day: '2027-04-01', startTime: '10:00', endTime: '12:00' };
    const refused = await app.call('coordinator', 'POST', `/api/meetings/${id}/reschedule`, move);
    expect(refused.body.error.code).toBe('NOTICE_REASON_REQUIRED');
    const ok = await app.call('coordinator', 'POST', `/api/meetings/${id}/reschedule`, {
      ...move,
      reason: 'Chair unavailable',
    });
    expect(ok.status).toBe(200);
    const update = app.scheduler.callsOf('updateEvent').at(-1);
    expect(update?.changes.start).toEqual(new Date('2027-04-01T09:00:00Z'));

    const mails = await app.db.query<{
      to_recipients: { email: string }[];
      subject: string;
      body_html: string;
    }>(
      `SELECT to_recipients, subject, body_html FROM outbox_mail WHERE purpose = 'meeting-change'`,
    );
    const recipients = mails.rows.map((m) => m.to_recipients[0]?.email);
    expect(recipients).toEqual(expect.arrayContaining([emailOf('police-rep'), emailOf('chair')]));
    expect(recipients).not.toContain(emailOf('harbour-rep'));
    for (const m of mails.rows) {
      expectNoPersonalData(m.subject + m.body_html, 'meeting-change mail');
      expect(m.body_html).not.toContain('Chair unavailable');
    }
  });

  it('cancels in Teams with a neutral comment', async () => {
    const created = await app.call('coordinator', 'POST', '/api/meetings', {
      kind: 'extraordinary',
      title: 'Northfield MARAC (extra)',
      day: '2027-04-28',
      startTime: '14:00',
      endTime: '16:00',
    });
    const id = created.body.meetings[0].meetingId;
    const res = await app.call('coordinator', 'POST', `/api/meetings/${id}/cancel`, {});
    expect(res.body.meetings).toEqual([{ meetingId: id, status: 'cancelled', statusReason: null }]);
    expect(app.scheduler.callsOf('cancelEvent')).toEqual([
      {
        op: 'cancelEvent',
        eventId: expect.any(String),
        comment: 'This MARAC meeting has been cancelled. Details are in the MARAC tab.',
      },
    ]);
  });
});

describe('closed sessions and signatories (FR-007, FR-107)', () => {
  it('invites only the leads and the people permitted on its cases, never a non-signatory', async () => {
    const created = await app.call('coordinator', 'POST', '/api/meetings', {
      kind: 'extraordinary',
      title: 'Northfield MARAC (extra)',
      day: '2027-04-28',
      startTime: '09:30',
      endTime: '12:00',
    });
    const parent = created.body.meetings[0].meetingId;
    const closed = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${parent}/closed-sessions`,
      { startTime: '12:15', endTime: '12:45' },
    );
    expect(closed.status).toBe(201);
    const closedId = closed.body.meetings[0].meetingId;
    const closedCreate = app.scheduler.callsOf('createEvent').at(-1);
    expect(closedCreate?.input.attendees.map((a) => a.email).sort()).toEqual(
      [emailOf('chair'), emailOf('deputy-chair'), emailOf('coordinator')].sort(),
    );

    const hbv = {
      caseNumber: 'NF-2704-900',
      riskLevel: 'very-high',
      referringAgencyId: agencyId('police'),
      summary: 'Honour-based violence concerns.',
      subjects: [
        { kind: 'victim', fullName: 'Zed Testcase' },
        { kind: 'perpetrator', fullName: 'Yan Testcase' },
      ],
    };
    const refused = await app.call('coordinator', 'POST', `/api/meetings/${closedId}/agenda`, {
      ...hbv,
      permittedPersonIds: [personId('harbour-rep')],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AGENCY_NOT_SIGNATORY');

    const added = await app.call('coordinator', 'POST', `/api/meetings/${closedId}/agenda`, {
      ...hbv,
      permittedPersonIds: [personId('police-rep'), personId('idva-rep')],
    });
    expect(added.status).toBe(201);
    const update = app.scheduler.callsOf('updateEvent').at(-1);
    expect(update?.changes.attendees?.map((a) => a.email).sort()).toEqual(
      [
        emailOf('chair'),
        emailOf('deputy-chair'),
        emailOf('coordinator'),
        emailOf('police-rep'),
        emailOf('idva-rep'),
      ].sort(),
    );
  });

  it('invites an agency to upcoming meetings once its signatory record is complete', async () => {
    await app.call('coordinator', 'POST', '/api/meetings/series', series);
    expect(
      app.scheduler.callsOf('createEvent')[0]?.input.attendees.map((a) => a.email),
    ).not.toContain(emailOf('harbour-rep'));
    const res = await app.call(
      'coordinator',
      'PATCH',
      `/api/area/agencies/${agencyId('harbour')}`,
      {
        membershipStatus: 'approved',
        signatoryName: 'Director, Harbour Refuge',
        signatoryAuthorityConfirmed: true,
        signatorySignedOn: '2027-02-20',
        dpoName: 'Data Protection Officer',
        dpoEmail: 'dpo@harbour-refuge.example',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.agency).toMatchObject({ canReceiveMaracInformation: true, signatoryGaps: [] });
    const update = app.scheduler.callsOf('updateEvent').at(-1);
    expect(update?.changes.attendees?.map((a) => a.email)).toContain(emailOf('harbour-rep'));
  });
});
