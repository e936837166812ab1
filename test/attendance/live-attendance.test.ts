import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingEvent, participantsEvent } from '../../graph/simulator/bot-connector/activities.js';
import { ChannelTokenIssuer } from '../../graph/simulator/bot-connector/channel-issuer.js';
import type { TestMeeting } from '../support/bot-channel.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import {
  agencyId,
  type AttendanceApp,
  entraId,
  minutesAfter,
  personId,
  SEEDED_CLOSED,
  SEEDED_MEETING,
  startAttendanceApp,
} from './support.js';

/**
 * Attendance, over HTTP with Bot Framework authentication ON: meeting start (both key
 * styles), joins and leaves at the activity timestamp, replays, unknown joiners, camera roster
 * notifications from the simulated tenant's calling bot to /api/calling, the chair's
 * attestation, the live view's contract and roles, the end, and bad input.
 */
let app: AttendanceApp;
let tm: TestMeeting;
// A past base, so the simulated tenant (real clock) has generated its reports by the end.
const T0 = new Date(Math.floor((Date.now() - 6 * 3600_000) / 60_000) * 60_000);
const at = (m: number) => minutesAfter(T0, m);

beforeAll(async () => {
  app = await startAttendanceApp(T0.toISOString());
  tm = await app.teamsMeetingFor(SEEDED_MEETING);
  app.channel.simulator.engine.session(tm.onlineMeetingId, T0);
});
afterAll(() => app?.close());

const meetingRow = async (id = SEEDED_MEETING) =>
  (
    await app.db.query<Record<string, unknown>>(
      `SELECT status, teams_meeting_id, conversation_reference, actual_start, actual_end, calling_call_id
         FROM meeting WHERE id = $1`,
      [id],
    )
  ).rows[0] as Record<string, unknown>;
const intervals = async (source = 'bot-event') =>
  (
    await app.db.query<{
      person_id: string | null;
      unmatched_identity_id: string | null;
      joined_at: Date;
      left_at: Date | null;
    }>(
      `SELECT person_id, unmatched_identity_id, joined_at, left_at FROM attendance_interval
        WHERE meeting_id = $1 AND source = $2 ORDER BY joined_at, person_id`,
      [SEEDED_MEETING, source],
    )
  ).rows;
const cameras = async () =>
  (
    await app.db.query<{
      person_id: string;
      on_at: Date;
      off_at: Date | null;
      source: string;
      camera_on: boolean;
    }>(
      `SELECT person_id, on_at, off_at, source, camera_on FROM camera_interval WHERE meeting_id = $1 ORDER BY on_at`,
      [SEEDED_MEETING],
    )
  ).rows;
const simJoin = async (key: string, minute: number, camera = false) => {
  app.clock.set(at(minute));
  await app.channel.simulator.engine.join(
    tm.onlineMeetingId,
    { userId: entraId(key), displayName: key, camera },
    at(minute),
  );
};

describe('a meeting, live, through /api/messages and /api/calling', () => {
  it('meetingStart (PascalCase) marks the meeting started, keeps the conversation reference and joins the calling bot', async () => {
    app.clock.set(at(0));
    const res = await app.channel.meetingStart(tm, { at: at(0) });
    expect(res.status).toBe(200);
    const row = await meetingRow();
    expect(row).toMatchObject({
      status: 'in-progress',
      teams_meeting_id: tm.meetingId,
      actual_start: at(0),
      calling_call_id: expect.any(String),
    });
    // What 5B's proactive posts need (PLATFORM.md §9).
    expect(row.conversation_reference).toMatchObject({
      conversation: { id: tm.chatThreadId },
      serviceUrl: app.channel.simulator.serviceUrl,
      channelId: 'msteams',
    });
  });

  it('opens intervals at the activity timestamp on join, once, even when Teams replays the activity', async () => {
    const join = participantsEvent(
      app.channel.ctx,
      'join',
      tm,
      ['chair', 'police-rep', 'idva-rep'].map((k) => ({ user: app.channel.user(k) })),
      { at: at(1) },
    );
    expect((await app.channel.send(join)).status).toBe(200);
    expect((await app.channel.send(join)).status).toBe(200); // the same activity id again
    // A second join event for someone already in (another client): no second interval.
    expect((await app.channel.join(tm, ['police-rep'], { at: at(2) })).status).toBe(200);
    const rows = await intervals();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.person_id).sort()).toEqual(
      [personId('chair'), personId('police-rep'), personId('idva-rep')].sort(),
    );
    expect(rows.every((r) => r.joined_at.getTime() === at(1).getTime() && !r.left_at)).toBe(true);
  });

  it('keeps a joiner the directory does not know as an unmatched identity', async () => {
    const stranger = { aadObjectId: randomUUID(), name: 'Visitor From Elsewhere' };
    const res = await app.channel.send(
      participantsEvent(app.channel.ctx, 'join', tm, [{ user: stranger }], { at: at(3) }),
    );
    expect(res.status).toBe(200);
    const { rows } = await app.db.query<{ id: string; entra_object_id: string }>(
      'SELECT id, entra_object_id FROM unmatched_identity WHERE meeting_id = $1',
      [SEEDED_MEETING],
    );
    expect(rows).toEqual([{ id: expect.any(String), entra_object_id: stranger.aadObjectId }]);
    expect((await intervals()).filter((r) => r.unmatched_identity_id === rows[0]?.id)).toHaveLength(
      1,
    );
  });

  it('turns the calling bot’s roster notifications into camera intervals (source calling-roster)', async () => {
    await simJoin('chair', 1, true);
    await simJoin('police-rep', 1);
    await simJoin('idva-rep', 1);
    app.clock.set(at(10));
    await app.channel.simulator.engine.camera(
      tm.onlineMeetingId,
      entraId('police-rep'),
      true,
      at(10),
    );
    app.clock.set(at(20));
    await app.channel.simulator.engine.camera(
      tm.onlineMeetingId,
      entraId('police-rep'),
      false,
      at(20),
    );
    const police = (await cameras()).filter((c) => c.person_id === personId('police-rep'));
    expect(police).toEqual([
      {
        person_id: personId('police-rep'),
        on_at: at(10),
        off_at: at(20),
        source: 'calling-roster',
        camera_on: true,
      },
    ]);
    const chair = (await cameras()).filter((c) => c.person_id === personId('chair'));
    expect(chair).toEqual([expect.objectContaining({ on_at: at(1), off_at: null })]);
    // Every delivery was accepted (202) by our webhook.
    const deliveries = app.channel.simulator.engine.deliveries;
    expect(deliveries.length).toBeGreaterThan(3);
    expect(deliveries.every((d) => d.status === 202)).toBe(true);
  });

  it('GET /attendance shows agencies, people, presence and cameras with their source, to the leads only', async () => {
    app.clock.set(at(25));
    const res = await app.call('chair', 'GET', `/api/meetings/${SEEDED_MEETING}/attendance`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ meetingId: SEEDED_MEETING, status: 'in-progress' });
    const police = body.agencies.find(
      (a: { agencyId: string }) => a.agencyId === agencyId('police'),
    );
    expect(police).toMatchObject({ name: 'Northfield Police', core: true, present: true });
    const rep = police.people.find(
      (p: { personId: string }) => p.personId === personId('police-rep'),
    );
    expect(rep).toEqual({
      personId: personId('police-rep'),
      displayName: expect.any(String),
      role: 'representative',
      inMeeting: true,
      joinedAt: at(1).toISOString(),
      leftAt: null,
      camera: { on: false, source: 'roster' },
    });
    const chair = police.people.find((p: { personId: string }) => p.personId === personId('chair'));
    expect(chair).toMatchObject({ role: 'chair', camera: { on: true, source: 'roster' } });
    const deputy = police.people.find(
      (p: { personId: string }) => p.personId === personId('police-deputy'),
    );
    expect(deputy).toMatchObject({
      inMeeting: false,
      joinedAt: null,
      camera: { on: null, source: null },
    });
    expect(body.coreAgenciesMissing).toContainEqual({
      agencyId: agencyId('housing'),
      name: expect.any(String),
    });
    expect(body.coreAgenciesMissing.map((a: { agencyId: string }) => a.agencyId)).not.toContain(
      agencyId('police'),
    );
    expect(body.unmatched).toEqual([
      { id: expect.any(String), displayName: 'Visitor From Elsewhere' },
    ]);

    for (const who of ['coordinator', 'deputy-chair'])
      expect(
        (await app.call(who, 'GET', `/api/meetings/${SEEDED_MEETING}/attendance`)).status,
      ).toBe(200);
    for (const who of ['police-rep', 'observer', 'steering'])
      expect(
        (await app.call(who, 'GET', `/api/meetings/${SEEDED_MEETING}/attendance`)).status,
      ).toBe(403);
    expect(
      (await app.call('chair', 'GET', `/api/meetings/${randomUUID()}/attendance`)).status,
    ).toBe(404);
  });

  it('lets the chair attest a camera (source attestation beats the roster); others are refused; bad input is a 400', async () => {
    const route = `/api/meetings/${SEEDED_MEETING}/attendance/attest`;
    const ok = await app.call('chair', 'POST', route, {
      personId: personId('police-rep'),
      cameraOn: true,
      note: 'camera seen on by the chair',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ personId: personId('police-rep'), cameraOn: true, to: null });
    const view = await app.call('chair', 'GET', `/api/meetings/${SEEDED_MEETING}/attendance`);
    const police = view.body.agencies.find(
      (a: { agencyId: string }) => a.agencyId === agencyId('police'),
    );
    expect(
      police.people.find((p: { personId: string }) => p.personId === personId('police-rep')).camera,
    ).toEqual({ on: true, source: 'attestation' });

    expect(
      (
        await app.call('coordinator', 'POST', route, {
          personId: personId('idva-rep'),
          cameraOn: true,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.call('police-rep', 'POST', route, {
          personId: personId('idva-rep'),
          cameraOn: true,
        })
      ).status,
    ).toBe(403);
    for (const bad of [
      {},
      { personId: 'not-a-uuid', cameraOn: true },
      { personId: personId('idva-rep'), cameraOn: 'yes' },
      { personId: personId('idva-rep'), cameraOn: true, extra: 1 },
      { personId: randomUUID(), cameraOn: true },
      {
        personId: personId('idva-rep'),
        cameraOn: true,
        from: at(30).toISOString(),
        to: at(20).toISOString(),
      },
    ]) {
      const res = await app.call('chair', 'POST', route, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await cameras()).filter((c) => c.source === 'attestation')).toHaveLength(1);
  });

  it('records an apology with a written submission (leads only, agency and person checked)', async () => {
    const route = `/api/meetings/${SEEDED_MEETING}/apologies`;
    const ok = await app.call('coordinator', 'POST', route, {
      agencyId: agencyId('housing'),
      personId: personId('housing-rep'),
      writtenSubmission: true,
    });
    expect(ok.status).toBe(201);
    const { rows } = await app.db.query<{ written_submission_at: Date | null }>(
      'SELECT written_submission_at FROM apology WHERE meeting_id = $1 AND agency_id = $2',
      [SEEDED_MEETING, agencyId('housing')],
    );
    expect(rows).toEqual([{ written_submission_at: at(25) }]);
    expect(
      (
        await app.call('police-rep', 'POST', route, {
          agencyId: agencyId('housing'),
          writtenSubmission: false,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await app.call('coordinator', 'POST', route, {
          agencyId: agencyId('housing'),
          personId: personId('police-rep'),
          writtenSubmission: false,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.call('coordinator', 'POST', route, {
          agencyId: randomUUID(),
          writtenSubmission: false,
        })
      ).status,
    ).toBe(400);
  });

  it('closes an interval at the leave timestamp', async () => {
    expect((await app.channel.leave(tm, ['police-rep'], { at: at(30) })).status).toBe(200);
    expect((await app.channel.leave(tm, ['police-rep'], { at: at(31) })).status).toBe(200); // nothing open: no-op
    const police = (await intervals()).filter((r) => r.person_id === personId('police-rep'));
    expect(police).toEqual([expect.objectContaining({ joined_at: at(1), left_at: at(30) })]);
    await app.channel.join(tm, ['police-rep'], { at: at(40) });
    expect((await intervals()).filter((r) => r.person_id === personId('police-rep'))).toHaveLength(
      2,
    );
  });

  it('refuses malformed meeting events with a 400 naming the problem, and stores nothing', async () => {
    const before = (await intervals()).length;
    const noMeeting = participantsEvent(app.channel.ctx, 'join', tm, [
      { user: app.channel.user('housing-rep') },
    ]);
    noMeeting.channelData = { tenant: { id: app.channel.ctx.tenantId } };
    const bad = [
      noMeeting,
      { ...participantsEvent(app.channel.ctx, 'join', tm, []), value: { members: 'everyone' } },
      {
        ...meetingEvent(app.channel.ctx, 'start', app.channel.user('chair'), tm),
        value: { StartTime: 'soon' },
      },
      { ...meetingEvent(app.channel.ctx, 'end', app.channel.user('chair'), tm), value: [1, 2] },
    ];
    for (const activity of bad) {
      const res = await app.channel.send(activity);
      expect(res.status, String(activity.name)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await intervals()).toHaveLength(before);
    expect((await meetingRow()).status).toBe('in-progress');
  });

  it('meetingEnd (camelCase) ends the meeting, closes every open interval, hangs up and schedules reconciliation', async () => {
    const ended: string[] = [];
    app.composition.attendance.lifecycle.onMeetingEnded(async (e) => {
      ended.push(e.meetingId);
    });
    app.clock.set(at(120));
    const end = meetingEvent(app.channel.ctx, 'end', app.channel.user('coordinator'), tm, {
      at: at(120),
      casing: 'camel',
    });
    const res = await app.channel.send(end);
    expect(res.status).toBe(200);
    expect(await meetingRow()).toMatchObject({ status: 'ended', actual_end: at(120) });
    expect((await intervals()).every((r) => r.left_at !== null)).toBe(true);
    expect((await intervals()).filter((r) => r.person_id === personId('chair'))).toEqual([
      expect.objectContaining({ left_at: at(120) }),
    ]);
    expect((await cameras()).every((c) => c.off_at !== null || c.source === 'attestation')).toBe(
      true,
    );
    expect(ended).toEqual([SEEDED_MEETING]);
    // The replayed end (same activity id) changes nothing and does not fire again.
    expect((await app.channel.send(end)).status).toBe(200);
    expect(ended).toEqual([SEEDED_MEETING]);
    expect((await meetingRow()).actual_end).toEqual(at(120));
  });

  it('accepts camelCase start keys and JoinUrl null (channel meetings)', async () => {
    const closed = await app.teamsMeetingFor(SEEDED_CLOSED, 'Closed session');
    const res = await app.channel.meetingStart(
      { ...closed, joinUrl: null },
      { at: at(130), casing: 'camel' },
    );
    expect(res.status).toBe(200);
    expect(await meetingRow(SEEDED_CLOSED)).toMatchObject({
      status: 'in-progress',
      teams_meeting_id: closed.meetingId,
      actual_start: at(130),
    });
  });

  it('reads Teams’ 7-digit fractional StartTime, and a time without an offset as UTC', async () => {
    for (const [raw, expected] of [
      ['2026-01-07T09:31:17.4388966Z', '2026-01-07T09:31:17.438Z'],
      ['2026-01-07T09:32:00', '2026-01-07T09:32:00.000Z'],
    ] as const) {
      const { rows } = await app.db.query<{ id: string }>(
        `INSERT INTO meeting (area_id, kind, title, scheduled_start, scheduled_end)
         SELECT area_id, 'extraordinary', 'Extra MARAC', scheduled_start, scheduled_end FROM meeting WHERE id = $1
         RETURNING id`,
        [SEEDED_MEETING],
      );
      const id = rows[0]!.id;
      const extra = await app.teamsMeetingFor(id, 'Extra MARAC');
      const activity = meetingEvent(app.channel.ctx, 'start', app.channel.user('chair'), extra);
      activity.value = { ...(activity.value as object), StartTime: raw };
      expect((await app.channel.send(activity)).status).toBe(200);
      expect((await meetingRow(id)).actual_start).toEqual(new Date(expected));
    }
  });

  it('ignores (200, nothing stored) events for a meeting this service did not schedule', async () => {
    const other = await app.channel.meeting('Somebody else’s meeting');
    const before = (await app.db.query('SELECT 1 FROM attendance_interval')).rowCount;
    expect((await app.channel.meetingStart(other)).status).toBe(200);
    expect((await app.channel.join(other, ['chair'])).status).toBe(200);
    expect((await app.db.query('SELECT 1 FROM attendance_interval')).rowCount).toBe(before);
  });
});

describe('/api/calling authentication and bad input', () => {
  const roster = {
    value: [
      {
        changeType: 'updated',
        resourceUrl: '/communications/calls/unknown-call/participants',
        resourceData: [],
      },
    ],
  };
  const post = (body: unknown, token?: string) =>
    fetch(`${app.url}/api/calling`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const appId = () => app.config.microsoft.appId as string;

  it('refuses a missing, forged, expired or mis-addressed token with 401', async () => {
    // Graph signs calling notifications with its own key (Microsoft publishes it at
    // api.aps.skype.com), so a token signed with the Bot Framework channel's key is refused too.
    const sim = app.channel.simulator.calling;
    const forger = await ChannelTokenIssuer.create({ issuer: sim.issuer });
    const channel = app.channel.simulator.channel;
    for (const token of [
      undefined,
      'not-a-jwt',
      await forger.sign({ audience: appId() }),
      await channel.sign({ audience: appId() }),
      await channel.sign({ audience: appId(), issuer: sim.issuer }),
      await sim.sign({ audience: randomUUID() }),
      await sim.sign({ audience: appId(), issuer: 'https://api.botframework.example' }),
      await sim.sign({ audience: appId() }, new Date(Date.now() - 3 * 3600_000)),
    ]) {
      const res = await post(roster, token);
      expect(res.status).toBe(401);
    }
  });

  it('accepts a signed notification, and answers a malformed one with 400', async () => {
    const token = await app.channel.simulator.calling.sign({ audience: appId() });
    expect((await post({ value: [] }, token)).status).toBe(400);
    expect((await post({ nothing: true }, token)).status).toBe(400);
    expect((await post('{"value": [', token)).status).toBe(400);
    expect(
      (
        await post(
          {
            value: [
              {
                changeType: 'updated',
                resourceUrl: '/communications/calls/c/participants',
                resourceData: 'x',
              },
            ],
          },
          token,
        )
      ).status,
    ).toBe(400);
    expect((await fetch(`${app.url}/api/calling`)).status).toBe(405);
  });

  it('sends nothing personal to the meeting chat', () => {
    expectNoPersonalData(JSON.stringify(app.channel.posted(tm.chatThreadId)), 'meeting chat');
  });
});
