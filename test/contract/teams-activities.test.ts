import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Activity,
  participantsEvent,
} from '../../graph/simulator/bot-connector/activities.js';
import { botId } from '../../graph/simulator/bot-connector/teams-ids.js';
import {
  type AttendanceApp,
  SEEDED_CLOSED,
  SEEDED_MEETING,
  startAttendanceApp,
} from '../attendance/support.js';
import type { TestMeeting } from '../support/bot-channel.js';

/**
 * Microsoft's published Teams activities (test/contract/microsoft/teams/, sources.json) fed to
 * the whole service through /api/messages with Bot Framework authentication on, and the
 * simulated Teams channel's own activities checked against the same examples. An example is
 * delivered with its members and values as published; only the identifiers that say WHERE it
 * goes are pointed at a meeting of ours (serviceUrl, channelData.meeting.id, conversation.id)
 * and the activity id is made unique (Microsoft's two samples share the id "123"). The simulated
 * channel is checked against the same examples in teams-simulator.test.ts.
 */
type Json = Record<string, unknown>;
const example = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`./microsoft/teams/${name}`, import.meta.url), 'utf8')) as Json;

let app: AttendanceApp;
let a: TestMeeting;
let b: TestMeeting;
let c: TestMeeting;
const EXTRA = randomUUID();
const NULLS = randomUUID();

beforeAll(async () => {
  app = await startAttendanceApp(new Date().toISOString());
  a = await app.teamsMeetingFor(SEEDED_MEETING);
  b = await app.teamsMeetingFor(SEEDED_CLOSED, 'Northfield MARAC: closed session');
  await app.db.query(
    `INSERT INTO meeting (id, area_id, kind, title, scheduled_start, scheduled_end, status)
     SELECT $1, area_id, 'extraordinary', 'Northfield MARAC: extraordinary', scheduled_start,
            scheduled_end, 'scheduled' FROM meeting WHERE id = $2`,
    [EXTRA, SEEDED_MEETING],
  );
  c = await app.teamsMeetingFor(EXTRA);
  await app.db.query(
    `INSERT INTO meeting (id, area_id, kind, title, scheduled_start, scheduled_end, status)
     SELECT $1, area_id, 'extraordinary', 'Northfield MARAC: extraordinary', scheduled_start,
            scheduled_end, 'scheduled' FROM meeting WHERE id = $2`,
    [NULLS, SEEDED_MEETING],
  );
});
afterAll(() => app?.close());

function delivered(published: Json, to: TestMeeting | null, value?: unknown): Activity {
  const activity = structuredClone(published) as Activity;
  activity.serviceUrl = app.channel.ctx.serviceUrl;
  if ('id' in activity) activity.id = `${String(activity.id)}-${randomUUID()}`;
  if (value !== undefined) activity.value = value;
  // Published samples carry placeholder tenants; the bot refuses any tenant but the area's.
  const tenantId = app.channel.ctx.tenantId;
  activity.channelData = { ...((activity.channelData ?? {}) as Json), tenant: { id: tenantId } };
  activity.conversation = { ...((activity.conversation ?? {}) as Json), tenantId };
  if (to) {
    const channelData = (activity.channelData ?? {}) as Json;
    activity.channelData = {
      ...channelData,
      meeting: { ...((channelData.meeting as Json | undefined) ?? {}), id: to.meetingId },
    };
    activity.conversation = {
      ...((activity.conversation as Json | undefined) ?? {}),
      id: to.chatThreadId,
    };
  }
  return activity;
}

const meetingRow = async (id: string) =>
  (
    await app.db.query<{ status: string; actual_start: Date | null; actual_end: Date | null }>(
      'SELECT status, actual_start, actual_end FROM meeting WHERE id = $1',
      [id],
    )
  ).rows[0]!;
const attendance = async (id: string) => {
  const intervals = await app.db.query<{ person_id: string | null; left_at: Date | null }>(
    `SELECT person_id, left_at FROM attendance_interval WHERE meeting_id = $1 AND source = 'bot-event'`,
    [id],
  );
  const unmatched = await app.db.query<{ display_name: string | null }>(
    'SELECT display_name FROM unmatched_identity WHERE meeting_id = $1 ORDER BY display_name',
    [id],
  );
  return { intervals: intervals.rows, unmatched: unmatched.rows.map((r) => r.display_name) };
};

describe('Microsoft’s published Teams activities, through /api/messages', () => {
  it('meetingStart and meetingEnd as the docs print them, with a live channel meeting’s values (StartTime null, JoinUrl null, MeetingType "")', async () => {
    const start = delivered(
      example('meeting-start.docs.json'),
      a,
      example('meeting-start.channel-live.value.json'),
    );
    expect((await app.channel.send(start)).status).toBe(200);
    expect(await meetingRow(SEEDED_MEETING)).toMatchObject({
      status: 'in-progress',
      actual_start: new Date('2026-09-17T17:10:02Z'),
    });
    const end = delivered(
      example('meeting-end.docs.json'),
      a,
      example('meeting-end.channel-live.value.json'),
    );
    const res = await app.channel.send(end);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await meetingRow(SEEDED_MEETING)).toMatchObject({
      status: 'ended',
      actual_end: new Date('2026-09-17T17:40:13.081Z'),
    });
  });

  it('the docs’ samples as printed (placeholder ids) are acknowledged and change nothing', async () => {
    const before = await app.db.query(
      'SELECT id, status, actual_start, actual_end FROM meeting ORDER BY id',
    );
    for (const name of ['meeting-start.docs.json', 'meeting-end.docs.json'])
      expect((await app.channel.send(delivered(example(name), null))).status, name).toBe(200);
    const after = await app.db.query(
      'SELECT id, status, actual_start, actual_end FROM meeting ORDER BY id',
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('the Teams SDK fixtures (camelCase, no activity id, no timestamp): start, a person and a bot join and leave, end', async () => {
    const start = delivered(example('meeting-start.teams-net.json'), b);
    const res = await app.channel.send(start);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await meetingRow(SEEDED_CLOSED)).toMatchObject({
      status: 'in-progress',
      actual_start: new Date('2025-01-01T04:30:00Z'),
    });
    expect(
      (await app.channel.send(delivered(example('participant-join.teams-net.json'), b))).status,
    ).toBe(200);
    // The person (no Entra id in the fixture) is kept for the coordinator; the bot is no attendee.
    let seen = await attendance(SEEDED_CLOSED);
    expect(seen.unmatched).toEqual(['userName']);
    expect(seen.intervals).toHaveLength(1);
    expect(
      (await app.channel.send(delivered(example('participant-leave.teams-net.json'), b))).status,
    ).toBe(200);
    seen = await attendance(SEEDED_CLOSED);
    expect(seen.unmatched).toEqual(['userName']);
    expect(seen.intervals).toEqual([expect.objectContaining({ left_at: expect.any(Date) })]);
    expect(
      (await app.channel.send(delivered(example('meeting-end.teams-net.json'), b))).status,
    ).toBe(200);
    expect(await meetingRow(SEEDED_CLOSED)).toMatchObject({
      status: 'ended',
      actual_end: new Date('2025-01-01T05:30:00Z'),
    });
  });

  it('a join that lists the calling bot and another app’s bot (role bot, 28: ids) counts the people only', async () => {
    const { channel } = app;
    expect((await channel.meetingStart(c)).status).toBe(200);
    const join = participantsEvent(channel.ctx, 'join', c, [
      { user: channel.user('chair') },
      { botId: botId(channel.ctx.appId), name: 'Virtual MARAC' },
      { botId: botId(randomUUID()), name: 'Another app' },
    ]);
    expect((await channel.send(join)).status).toBe(200);
    const seen = await attendance(EXTRA);
    expect(seen.unmatched).toEqual([]);
    expect(seen.intervals).toHaveLength(1);
  });

  it('null in every member the bot does not need, in both casings: still started, joined and ended', async () => {
    const { channel } = app;
    const d = await app.teamsMeetingFor(NULLS);
    const nulled = (published: Json, value: Json): Activity => {
      const activity = delivered(published, d, value);
      return {
        ...activity,
        timestamp: null,
        locale: null,
        entities: null,
        from: { ...(activity.from as Json), aadObjectId: null },
        recipient: { ...(activity.recipient as Json), name: null },
        conversation: { ...(activity.conversation as Json), isGroup: null },
        channelData: { ...(activity.channelData as Json), source: null },
      };
    };
    const startAt = '2026-09-17T17:10:02.000000Z';
    const start = nulled(example('meeting-start.docs.json'), {
      MeetingType: null,
      Title: null,
      Id: null,
      JoinUrl: null,
      StartTime: startAt,
      EndTime: null,
    });
    let res = await channel.send(start);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const join = delivered(example('participant-join.teams-net.json'), d, {
      members: [
        {
          user: {
            id: 'userId',
            aadObjectId: channel.user('chair').aadObjectId,
            name: null,
            tenantId: null,
            userRole: null,
          },
          meeting: null,
        },
        { user: null, meeting: { inMeeting: true, role: null } },
      ],
    });
    res = await channel.send({
      ...join,
      timestamp: null,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const end = nulled(example('meeting-end.docs.json'), {
      meetingType: null,
      title: null,
      id: null,
      joinUrl: null,
      startTime: null,
      endTime: '2026-09-17T17:40:13.081877Z',
    });
    res = await channel.send(end);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await meetingRow(NULLS)).toMatchObject({
      status: 'ended',
      actual_start: new Date(startAt),
      actual_end: new Date('2026-09-17T17:40:13.081Z'),
    });
    const seen = await attendance(NULLS);
    expect(seen.unmatched).toEqual([]);
    expect(seen.intervals).toEqual([expect.objectContaining({ person_id: expect.any(String) })]);
  });

  it('an Action.Execute invoke captured from Teams is answered with a card, not an error status', async () => {
    const res = await app.channel.send(
      delivered(example('adaptive-card-action.teams-net.json'), null),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
  });

  it('a conversationUpdate from the Teams SDK fixtures is acknowledged', async () => {
    const res = await app.channel.send(
      delivered(example('conversation-update.teams-net.json'), null),
    );
    expect(res.status).toBe(200);
  });
});
