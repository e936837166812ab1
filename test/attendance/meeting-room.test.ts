import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPersonalData } from '../support/personal-data.js';
import {
  type AttendanceApp,
  minutesAfter,
  personId,
  SEEDED_MEETING,
  startAttendanceApp,
} from './support.js';

/**
 * The demo meeting room's backend (/sim/api/meeting-room): each control sends the REAL signed
 * Teams activities to /api/messages and lets the simulated tenant send the REAL calling
 * notifications to /api/calling, so what the service stores is what Teams would have caused.
 */
let app: AttendanceApp;
const T0 = new Date(Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000);
const at = (m: number) => minutesAfter(T0, m);
const room = `/sim/api/meeting-room/${SEEDED_MEETING}`;

beforeAll(async () => {
  app = await startAttendanceApp(T0.toISOString());
});
afterAll(() => app?.close());

const send = async (method: string, route: string, body?: unknown, minute?: number) => {
  if (minute !== undefined) app.clock.set(at(minute));
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body:
      body === undefined && minute === undefined
        ? undefined
        : typeof body === 'string'
          ? body
          : JSON.stringify({
              ...(body as object),
              ...(minute === undefined ? {} : { at: at(minute).toISOString() }),
            }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const rows = async (sql: string) =>
  (await app.db.query<Record<string, unknown>>(sql, [SEEDED_MEETING])).rows;

describe('the demo meeting room backend', () => {
  it('refuses to add people before the meeting runs, and unknown meetings', async () => {
    expect(
      (await send('POST', `${room}/participants`, { personId: personId('chair') })).status,
    ).toBe(409);
    expect((await send('GET', `/sim/api/meeting-room/${randomUUID()}/state`)).status).toBe(404);
    expect((await send('GET', `/sim/api/meeting-room/not-a-meeting/state`)).status).toBe(404);
  });

  it('starts the meeting: sets it up in Teams if needed, and the bot hears meetingStart and joins the call', async () => {
    const res = await send('POST', `${room}/start`, {}, 0);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ meetingId: SEEDED_MEETING, running: true });
    const [meeting] = await rows(
      'SELECT status, actual_start, calling_call_id, teams_meeting_id FROM meeting WHERE id = $1',
    );
    expect(meeting).toMatchObject({
      status: 'in-progress',
      actual_start: at(0),
      calling_call_id: expect.any(String),
      teams_meeting_id: expect.any(String),
    });
    await new Promise((r) => setTimeout(r, 100));
    expect((await send('GET', `${room}/state`)).body.callingBotInCall).toBe(true);
    expect((await send('POST', `${room}/start`, {}, 1)).status).toBe(409);
  });

  it('joins people (bot join events, roster with cameras), switches cameras and lets them leave', async () => {
    expect(
      (await send('POST', `${room}/participants`, { personId: personId('chair'), camera: true }, 1))
        .status,
    ).toBe(201);
    expect(
      (await send('POST', `${room}/participants`, { personId: personId('police-rep') }, 2)).status,
    ).toBe(201);
    expect(
      (await send('POST', `${room}/participants`, { displayName: 'Dial-in caller' }, 3)).status,
    ).toBe(201);
    expect(
      (await send('POST', `${room}/participants/${personId('police-rep')}/camera`, { on: true }, 5))
        .status,
    ).toBe(200);
    const state = await send(
      'POST',
      `${room}/participants/${personId('police-rep')}/camera`,
      { on: false },
      9,
    );
    expect(state.body.participants).toContainEqual(
      expect.objectContaining({ inMeeting: true, camera: false, displayName: expect.any(String) }),
    );
    expect(
      (await send('DELETE', `${room}/participants/${personId('police-rep')}`, {}, 20)).status,
    ).toBe(200);

    const bot = await rows(
      `SELECT person_id, joined_at, left_at FROM attendance_interval WHERE meeting_id = $1 AND source = 'bot-event'
        ORDER BY joined_at`,
    );
    expect(bot).toEqual([
      { person_id: personId('chair'), joined_at: at(1), left_at: null },
      { person_id: personId('police-rep'), joined_at: at(2), left_at: at(20) },
    ]);
    const cams = await rows(
      `SELECT person_id, on_at, off_at FROM camera_interval WHERE meeting_id = $1 AND source = 'calling-roster'
        ORDER BY on_at`,
    );
    expect(cams).toEqual([
      { person_id: personId('chair'), on_at: at(1), off_at: null },
      { person_id: personId('police-rep'), on_at: at(5), off_at: at(9) },
    ]);
    const unmatched = await rows(
      'SELECT display_name FROM unmatched_identity WHERE meeting_id = $1',
    );
    expect(unmatched).toEqual([{ display_name: 'Dial-in caller' }]);

    const live = await app.call('chair', 'GET', `/api/meetings/${SEEDED_MEETING}/attendance`);
    const chair = live.body.agencies
      .flatMap((a: { people: { personId: string }[] }) => a.people)
      .find((p: { personId: string }) => p.personId === personId('chair'));
    expect(chair).toMatchObject({ inMeeting: true, camera: { on: true, source: 'roster' } });
  });

  it('answers bad input with 400/404/409 and changes nothing', async () => {
    for (const [body, status] of [
      [{}, 400],
      [{ personId: 'x' }, 400],
      [{ personId: personId('chair'), camera: 'on' }, 400],
      [{ displayName: '' }, 400],
      ['{"personId": ', 400],
      [{ personId: randomUUID() }, 404],
    ] as const) {
      const res = await send('POST', `${room}/participants`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
    expect(
      (await send('POST', `${room}/participants/${personId('housing-rep')}/camera`, { on: true }))
        .status,
    ).toBe(409);
    expect(
      (await send('POST', `${room}/participants/${personId('chair')}/camera`, { on: 'yes' }))
        .status,
    ).toBe(400);
    expect(
      (
        await rows(
          'SELECT 1 FROM attendance_interval WHERE meeting_id = $1 AND source = $$bot-event$$',
        )
      ).length,
    ).toBe(2);
  });

  it('ends the meeting: the bot hears meetingEnd, the call ends, the report follows', async () => {
    const res = await send('POST', `${room}/end`, {}, 60);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ running: false, endedAt: at(60).toISOString() });
    const [meeting] = await rows('SELECT status, actual_end FROM meeting WHERE id = $1');
    expect(meeting).toEqual({ status: 'ended', actual_end: at(60) });
    const open = await rows(
      'SELECT 1 FROM attendance_interval WHERE meeting_id = $1 AND left_at IS NULL',
    );
    expect(open).toEqual([]);
    expect((await send('POST', `${room}/end`, {}, 61)).status).toBe(409);
    // Nothing the bot posted in the meeting chat names anyone.
    const chats = app.channel.simulator.connector.conversations();
    expectNoPersonalData(JSON.stringify(chats), 'meeting chat');
  });
});
