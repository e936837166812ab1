import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILE_JOB } from '../../core/attendance/live-attendance.js';
import { teamsMeetingId } from '../../graph/simulator/bot-connector/teams-ids.js';
import { DEMO_PEOPLE, demoEmail } from '../../store/seed/demo-directory.js';
import { type AttendanceApp, minutesAfter, startAttendanceApp } from '../attendance/support.js';
import type { TestMeeting } from '../support/bot-channel.js';
import {
  agencyId,
  agendaItems,
  chatCards,
  entraId,
  execute,
  MEETING_ID,
  personId,
} from './support.js';

/**
 * A recurring MARAC is ONE Teams meeting: every occurrence shares the join link, the chat and
 * `channelData.meeting.id` (Microsoft's "Get meeting details": `details.id` is base64 of
 * `0#{chat thread}#0`, `type` Recurring). Here the first occurrence runs a fortnight ago, the
 * second (the seeded meeting, with its agenda) runs now and a third is still to come; the
 * second is played whole through /api/messages (start, joins, a case card, a chat command, a
 * volunteered action, end, reconciliation) and everything must land on it, not on the first
 * (which the Teams meeting id was first seen on) nor on the last (the chat's latest meeting).
 */
let app: AttendanceApp;
let tm: TestMeeting;
const T0 = new Date(Math.floor((Date.now() - 6 * 3600_000) / 60_000) * 60_000);
const FORTNIGHT = 14 * 86_400_000;
const T1 = new Date(T0.getTime() - FORTNIGHT);
const at = (m: number) => minutesAfter(T0, m);
const at1 = (m: number) => minutesAfter(T1, m);
const FIRST = randomUUID();
const THIRD = randomUUID();
const emailOf = (key: string) => demoEmail(DEMO_PEOPLE.find((p) => p.key === key)!);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const docsNotification = JSON.parse(
  readFileSync(
    new URL('../contract/microsoft/teams/targeted-meeting-notification.docs.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

beforeAll(async () => {
  app = await startAttendanceApp(T0.toISOString());
  // The series' Teams meeting, made as the product's series set-up makes it: one recurring event.
  const scheduler = app.composition.microsoft.meetings;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const { joinUrl } = await scheduler.createEvent({
    subject: 'Northfield MARAC',
    start: T1,
    end: new Date(T1.getTime() + 3.5 * 3600_000),
    timeZone: 'UTC',
    attendees: [],
    bodyHtml: '<p>Northfield MARAC</p>',
    recurrence: {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: [WEEKDAYS[T1.getUTCDay()] as never] },
      startDay: day(T1),
      endDay: day(new Date(T0.getTime() + FORTNIGHT)),
    },
  });
  const ref = await scheduler.findOnlineMeeting(joinUrl);
  await scheduler.installApp(ref.chatThreadId);
  tm = {
    meetingId: teamsMeetingId(ref.chatThreadId),
    chatThreadId: ref.chatThreadId,
    joinUrl,
    title: 'Northfield MARAC',
    onlineMeetingId: ref.onlineMeetingId,
  };
  // The occurrences as setUpTeamsSeries records them: the same join link, online meeting, chat.
  for (const [id, start] of [
    [FIRST, T1],
    [THIRD, new Date(T0.getTime() + FORTNIGHT)],
  ] as const)
    await app.db.query(
      `INSERT INTO meeting (id, area_id, series_id, kind, title, scheduled_start, scheduled_end, status,
         chair_person_id, deputy_chair_person_id, coordinator_person_id)
       SELECT $1, area_id, series_id, kind, title, $2, $3, 'scheduled', chair_person_id,
              deputy_chair_person_id, coordinator_person_id
         FROM meeting WHERE id = $4`,
      [id, start, new Date(start.getTime() + 3.5 * 3600_000), MEETING_ID],
    );
  await app.db.query(`UPDATE meeting SET scheduled_start = $2, scheduled_end = $3 WHERE id = $1`, [
    MEETING_ID,
    T0,
    new Date(T0.getTime() + 3.5 * 3600_000),
  ]);
  await app.db.query(
    `UPDATE meeting SET status = 'scheduled', chat_thread_id = $2, online_meeting_id = $3, join_url = $4
      WHERE id = ANY($1::uuid[])`,
    [[FIRST, MEETING_ID, THIRD], tm.chatThreadId, tm.onlineMeetingId, tm.joinUrl],
  );
});
afterAll(() => app?.close());

const row = async (id: string) =>
  (
    await app.db.query<{
      status: string;
      actual_start: Date | null;
      actual_end: Date | null;
      teams_meeting_id: string | null;
      conversation_reference: unknown;
    }>(
      `SELECT status, actual_start, actual_end, teams_meeting_id, conversation_reference
         FROM meeting WHERE id = $1`,
      [id],
    )
  ).rows[0]!;
const intervalCount = async (id: string) =>
  Number(
    (
      await app.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM attendance_interval WHERE meeting_id = $1 AND source = 'bot-event'`,
        [id],
      )
    ).rows[0]!.n,
  );
const settle = () => new Promise((r) => setTimeout(r, 100)); // the calling bot's join and roster

describe('a recurring meeting: the second occurrence, whole, through /api/messages', () => {
  it('runs the first occurrence a fortnight ago', async () => {
    const { channel } = app;
    const engine = channel.simulator.engine;
    app.clock.set(at1(0));
    engine.session(tm.onlineMeetingId, at1(0));
    expect((await channel.meetingStart(tm, { at: at1(0) })).status).toBe(200);
    await settle();
    expect((await channel.join(tm, ['chair', 'police-rep'], { at: at1(1) })).status).toBe(200);
    for (const key of ['chair', 'police-rep'])
      await engine.join(
        tm.onlineMeetingId,
        { userId: entraId(key), displayName: key, email: emailOf(key) },
        at1(1),
      );
    app.clock.set(at1(60));
    expect((await channel.meetingEnd(tm, { at: at1(60) })).status).toBe(200);
    await engine.end(tm.onlineMeetingId, at1(60));
    expect(await row(FIRST)).toMatchObject({
      status: 'ended',
      actual_start: at1(0),
      actual_end: at1(60),
      teams_meeting_id: tm.meetingId,
    });
    expect(await row(MEETING_ID)).toMatchObject({ status: 'scheduled', actual_start: null });
    expect(await intervalCount(FIRST)).toBe(2);
    // The chat and the Teams meeting id are the series': the occurrences to come have them.
    for (const id of [MEETING_ID, THIRD])
      expect(await row(id)).toMatchObject({
        teams_meeting_id: tm.meetingId,
        conversation_reference: expect.objectContaining({
          conversation: expect.objectContaining({ id: tm.chatThreadId }),
        }),
      });
  });

  it(
    'runs the second occurrence now: start, joins, a case card, a chat command, an action, end, reconciliation',
    { timeout: 60_000 },
    async () => {
      const { channel } = app;
      const engine = channel.simulator.engine;
      const items = await agendaItems(app);
      app.clock.set(at(0));
      engine.session(tm.onlineMeetingId, at(0));
      expect((await channel.meetingStart(tm, { at: at(0) })).status).toBe(200);
      await settle();
      expect(await row(MEETING_ID)).toMatchObject({ status: 'in-progress', actual_start: at(0) });
      expect(await row(FIRST)).toMatchObject({ status: 'ended', actual_end: at1(60) });

      // FR-069: the refuge manager is invited for case 2 only, and hears that it is next.
      await app.db.query(
        'INSERT INTO agenda_item_permitted_person (agenda_item_id, person_id) VALUES ($1, $2)',
        [items[1]!.id, personId('harbour-rep')],
      );
      const people = ['chair', 'police-rep', 'idva-rep', 'harbour-rep'];
      app.clock.set(at(1));
      expect((await channel.join(tm, people, { at: at(1) })).status).toBe(200);
      for (const key of people)
        await engine.join(
          tm.onlineMeetingId,
          { userId: entraId(key), displayName: key, email: emailOf(key) },
          at(1),
        );
      expect(await intervalCount(MEETING_ID)).toBe(people.length);
      expect(await intervalCount(FIRST)).toBe(2);

      // The chair starts case 1 from the console: the card goes to the series' chat, and the
      // "your case is next" notification names the series' Teams meeting.
      app.clock.set(at(2));
      const start = await app.call('chair', 'POST', `/api/meetings/${MEETING_ID}/run/start-case`, {
        agendaItemId: items[0]!.id,
      });
      expect(start.status).toBe(200);
      const cards = chatCards(channel, tm).filter((c) =>
        JSON.stringify(c.card).includes(MEETING_ID),
      );
      expect(cards.length).toBeGreaterThanOrEqual(1);
      const notice = channel.simulator.meetingNotifications.at(-1);
      expect(notice?.meetingId).toBe(tm.meetingId);
      // The request has the members Microsoft's published sample has, with the same names.
      expect(shape(notice?.body)).toEqual(shape(withoutOnBehalfOf(docsNotification)));

      const volunteered = await execute(channel, tm, 'police-rep', 'volunteer', {
        meetingId: MEETING_ID,
        agendaItemId: items[0]!.id,
        agencyId: agencyId('police'),
        description: 'Flag the address for urgent response.',
        category: 'victim',
      });
      expect(volunteered.error).toBeNull();
      const { rows: actions } = await app.db.query<{ meeting_id: string }>(
        'SELECT meeting_id FROM action WHERE agenda_item_id = $1',
        [items[0]!.id],
      );
      expect(actions).toEqual([{ meeting_id: MEETING_ID }]);

      // A chat command means the occurrence running now, not the series' last one.
      app.clock.set(at(20));
      expect((await channel.message('chair', 'next case', tm)).status).toBe(200);
      const agenda = await app.db.query<{
        id: string;
        actual_start: Date | null;
        actual_end: Date | null;
      }>(
        'SELECT id, actual_start, actual_end FROM agenda_item WHERE meeting_id = $1 ORDER BY position',
        [MEETING_ID],
      );
      expect(agenda.rows[0]).toMatchObject({ actual_end: at(20) });
      expect(agenda.rows[1]).toMatchObject({ actual_start: at(20) });
      expect(await row(THIRD)).toMatchObject({ status: 'scheduled', actual_start: null });

      app.clock.set(at(90));
      expect((await channel.meetingEnd(tm, { at: at(90), casing: 'camel' })).status).toBe(200);
      await engine.end(tm.onlineMeetingId, at(90));
      expect(await row(MEETING_ID)).toMatchObject({ status: 'ended', actual_end: at(90) });
      expect(await row(FIRST)).toMatchObject({ actual_start: at1(0), actual_end: at1(60) });
      expect(await row(THIRD)).toMatchObject({ status: 'scheduled', actual_end: null });

      // Reconciliation reads the report of this occurrence's session only.
      app.clock.set(at(95));
      await app.jobs.handlers.get(RECONCILE_JOB)!({ meetingId: MEETING_ID });
      const { rows: summary } = await app.db.query<{
        person_id: string;
        present_seconds: number;
      }>(
        `SELECT person_id, present_seconds FROM attendance_summary
          WHERE meeting_id = $1 AND agenda_item_id IS NULL ORDER BY person_id`,
        [MEETING_ID],
      );
      expect(summary).toEqual(
        expect.arrayContaining(
          people.map((key) => ({ person_id: personId(key), present_seconds: 89 * 60 })),
        ),
      );
      // The calling bot is in the roster Teams sent (an application identity), never an attendee.
      expect(engine.deliveries.some((d) => JSON.stringify(d.body).includes('"application":'))).toBe(
        true,
      );
      const { rows: unmatched } = await app.db.query(
        'SELECT display_name FROM unmatched_identity WHERE meeting_id = $1',
        [MEETING_ID],
      );
      expect(unmatched).toEqual([]);
      const { rows: firstSummary } = await app.db.query(
        'SELECT 1 FROM attendance_summary WHERE meeting_id = ANY($1::uuid[])',
        [[FIRST, THIRD]],
      );
      expect(firstSummary).toEqual([]);
    },
  );
});

/** Member names and JSON types, recursively (arrays by their first element). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length ? shape(value[0]) : null];
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return value === null ? null : k(value);
}
const k = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? 'scalar' : typeof v);

function withoutOnBehalfOf(body: Record<string, unknown>) {
  const { channelData: _optional, ...rest } = body;
  return rest;
}
