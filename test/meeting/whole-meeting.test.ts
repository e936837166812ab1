import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONCILE_JOB } from '../../core/attendance/live-attendance.js';
import { meetingEvent } from '../../graph/simulator/bot-connector/activities.js';
import { DEMO_PEOPLE, demoEmail } from '../../store/seed/demo-directory.js';
import type { TestMeeting } from '../support/bot-channel.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { type AttendanceApp, minutesAfter, startAttendanceApp } from '../attendance/support.js';
import {
  actionsOf,
  agencyId,
  agendaItems,
  chatCards,
  checkCard,
  entraId,
  execute,
  linkTeamsMeeting,
  MEETING_ID,
  nodes,
  personId,
  press,
  choiceValue,
  verbsOf,
} from './support.js';

/**
 * As ONE meeting: every activity is POSTed to /api/messages
 * over HTTP with Bot Framework authentication on (simulator-signed channel tokens); the Teams
 * side (attendance report, calling-bot roster with cameras) is played in the simulated tenant
 * and the service runs on a fake clock. Start (PascalCase, then a camelCase redelivery), joins
 * and leaves, three cases with volunteered, assigned, edited, rejected and confirmed actions, the
 * card JSON each role sees (validated as Adaptive Cards 1.5, no personal data), end (camelCase),
 * redaction by the real meeting-end path, then the reconciliation job's attendance and cameras.
 * test/meeting/meeting-run.test.ts covers the bad-input refusals in detail; the attendance tests
 * cover the reconciliation edge cases.
 */
let app: AttendanceApp;
let tm: TestMeeting;
const T0 = new Date(Math.floor((Date.now() - 6 * 3600_000) / 60_000) * 60_000);
const at = (m: number) => minutesAfter(T0, m);
const emailOf = (key: string) => demoEmail(DEMO_PEOPLE.find((p) => p.key === key)!);
const PEOPLE = ['chair', 'police-rep', 'idva-rep', 'probation-rep', 'housing-rep', 'mental-rep'];

beforeAll(async () => {
  app = await startAttendanceApp(T0.toISOString());
  const { rows } = await app.db.query<{ scheduled_start: Date }>(
    'SELECT scheduled_start FROM meeting WHERE id = $1',
    [MEETING_ID],
  );
  tm = await app.channel.meeting('Northfield MARAC', rows[0]!.scheduled_start);
  await linkTeamsMeeting(app, tm);
});
afterAll(() => app?.close());

describe('a whole virtual MARAC through /api/messages (Bot Framework auth on)', () => {
  it(
    'start, joins and leaves, three cases, end, redaction and reconciled attendance and cameras',
    { timeout: 60_000 },
    async () => {
      const { channel } = app;
      const engine = channel.simulator.engine;
      const om = tm.onlineMeetingId;
      const items = await agendaItems(app);
      const base = (i: number) => ({ meetingId: MEETING_ID, agendaItemId: items[i]!.id });
      const chairConsole = (who: string, path: string, body: unknown) =>
        app.call(who, 'POST', `/api/meetings/${MEETING_ID}/run${path}`, body);
      const simAt = async <T>(minute: number, fn: () => Promise<T>): Promise<T> => {
        app.clock.set(at(minute));
        return fn();
      };
      /** `who` refreshes case `i`'s card, presses `title` on it and sends what Teams sends. */
      const pressAs = async (
        who: string,
        i: number,
        title: string,
        typed: Record<string, string> = {},
        /** Drop-downs picked by the start of the choice's title (an action by its reference). */
        picks: Record<string, string> = {},
      ) => {
        const seen = (await execute(channel, tm, who, 'refresh', base(i))).card;
        const picked = Object.fromEntries(
          Object.entries(picks).map(([id, title]) => [id, choiceValue(seen, id, title)]),
        );
        const pressed = press(seen, title, { ...typed, ...picked });
        expect(pressed.errors, `${who} presses ${title}`).toEqual([]);
        return execute(channel, tm, who, pressed.verb, pressed.data);
      };
      const meetingRow = async () =>
        (
          await app.db.query<{ status: string; actual_start: Date; actual_end: Date | null }>(
            'SELECT status, actual_start, actual_end FROM meeting WHERE id = $1',
            [MEETING_ID],
          )
        ).rows[0]!;

      // --- Start: PascalCase from Teams, then the same start redelivered in camelCase keys.
      engine.session(om, at(0));
      expect((await simAt(0, () => channel.meetingStart(tm, { at: at(0) }))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 100)); // the calling bot's "established" and roster
      const again = meetingEvent(channel.ctx, 'start', channel.user('coordinator'), tm, {
        at: at(0),
        casing: 'camel',
      });
      expect((await simAt(0, () => channel.send(again))).status).toBe(200);
      expect(await meetingRow()).toMatchObject({ status: 'in-progress', actual_start: at(0) });

      // --- Joins: the bot's participant events and the Teams call itself (cameras).
      expect((await channel.join(tm, PEOPLE, { at: at(1) })).status).toBe(200);
      for (const key of PEOPLE)
        await simAt(1, () =>
          engine.join(
            om,
            {
              userId: entraId(key),
              displayName: key,
              email: emailOf(key),
              camera: key === 'chair',
            },
            at(1),
          ),
        );
      await simAt(5, () => engine.camera(om, entraId('police-rep'), true, at(5)));

      // --- Case 1: volunteered (victim; perpetrator with the FR-052 acknowledgement), assigned
      // with a named owner, confirmed; a replayed confirm changes nothing.
      expect(
        (await simAt(2, () => chairConsole('chair', '/start-case', { agendaItemId: items[0]!.id })))
          .status,
      ).toBe(200);
      // Every change below is a button pressed on the card that person sees (their refreshed
      // view), sending what a Teams client sends for it (`press`): nothing typed into one form
      // is needed by another button.
      const police = await pressAs('police-rep', 0, 'Volunteer', {
        description: 'Flag the address for urgent response; marker for 12 months.',
      });
      expect(police.error).toBeNull();
      // The chair puts a perpetrator action to probation, ticking the warning; the owning
      // agency still acknowledges it itself (FR-052).
      const perp = await pressAs('chair', 0, 'Volunteer', {
        agencyId: agencyId('probation'),
        description: 'Raise at the next supervision without attributing it to the MARAC.',
        category: 'perpetrator',
        acknowledgePerpetratorWarning: 'true',
      });
      expect(perp.error).toBeNull();
      const [a1, a2] = await actionsOf(app, items[0]!.id);
      expect(a2!.perpetrator_warning_acknowledged_by).toBeNull();
      // The owning agency's representative acknowledges the perpetrator warning (FR-052).
      const ack = await pressAs('probation-rep', 0, `Acknowledge warning for ${a2!.reference}`);
      expect(ack.error).toBeNull();
      const assign = await pressAs(
        'chair',
        0,
        'Assign',
        { assignAgencyId: agencyId('probation'), assignOwner: entraId('probation-rep') },
        { target: a2!.reference },
      );
      expect(assign.error).toBeNull();
      const confirm1 = await pressAs('chair', 0, `Confirm ${a1!.reference}`);
      expect(confirm1.error).toBeNull();
      // The card each role sees (refresh): the chair's console; a representative's own form.
      const chairCard = (await execute(channel, tm, 'chair', 'refresh', base(0))).card;
      expect(verbsOf(chairCard)).toEqual(
        new Set(['refresh', 'volunteer', 'assign', 'confirm', 'edit', 'reject']),
      );
      const repCard = (await execute(channel, tm, 'idva-rep', 'refresh', base(0))).card;
      expect(verbsOf(repCard)).toEqual(new Set(['volunteer', 'refresh']));
      expect(nodes(repCard).find((n) => n.id === 'agencyId')?.value).toBe(agencyId('idva'));
      for (const card of [chairCard, repCard]) expect(JSON.stringify(card)).toContain('A-0002');

      // --- "next case" in the chat: case 1 closes (summary, FR-053), case 2 starts.
      expect((await simAt(20, () => channel.message('chair', 'next case', tm))).status).toBe(200);
      expect((await execute(channel, tm, 'chair', 'confirmSummary', base(0))).error).toBeNull();
      // The police representative drops out and comes back; the camera goes off meanwhile.
      await simAt(25, () => engine.camera(om, entraId('police-rep'), false, at(25)));
      await channel.leave(tm, ['police-rep'], { at: at(30) });
      await simAt(30, () => engine.leave(om, entraId('police-rep'), at(30)));
      await channel.join(tm, ['police-rep'], { at: at(40) });
      await simAt(40, () =>
        engine.join(
          om,
          { userId: entraId('police-rep'), displayName: 'police', email: emailOf('police-rep') },
          at(40),
        ),
      );

      // --- Case 2: three volunteered; the chair edits one (then confirms it), rejects one,
      // assigns one; all through the card.
      for (const [who, text] of [
        ['housing-rep', 'Priority transfer assessment.'],
        ['mental-rep', 'Offer a mental health assessment.'],
        ['idva-rep', 'Weekly safety planning calls.'],
      ] as const) {
        const v = await pressAs(who, 1, 'Volunteer', { description: text });
        expect(v.error).toBeNull();
      }
      const [h, m, i] = await actionsOf(app, items[1]!.id);
      const edit = await pressAs(
        'chair',
        1,
        'Save',
        {
          editDescription: 'Priority transfer assessment and target hardening.',
          editDueOn: '2099-01-15',
        },
        { target: h!.reference },
      );
      expect(edit.error).toBeNull();
      const reject = await pressAs(
        'chair',
        1,
        'Reject',
        {
          rejectReason: 'Covered by the GP referral.',
        },
        { target: m!.reference },
      );
      expect(reject.error).toBeNull();
      const confirm2 = await pressAs('chair', 1, 'Confirm', {}, { target: h!.reference });
      expect(confirm2.error).toBeNull();
      const assign2 = await pressAs(
        'chair',
        1,
        'Assign',
        {
          assignAgencyId: agencyId('idva'),
        },
        { target: i!.reference },
      );
      expect(assign2.error).toBeNull();
      // A representative cannot edit (chair only); the refusal stores nothing.
      const notChair = await execute(channel, tm, 'housing-rep', 'edit', {
        ...base(1),
        target: `${h!.id}@${h!.version + 2}`,
        editDescription: 'Changed by a rep',
      });
      expect(notChair.error).toMatch(/chair/);

      // --- Case 3 from the chair console: one action volunteered and left for the chair.
      expect(
        (
          await simAt(45, () =>
            chairConsole('chair', '/close-case', { agendaItemId: items[1]!.id }),
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await simAt(45, () =>
            chairConsole('chair', '/start-case', { agendaItemId: items[2]!.id }),
          )
        ).status,
      ).toBe(200);
      const late = await pressAs('idva-rep', 2, 'Volunteer', {
        description: 'Safety planning session within 5 days.',
      });
      expect(late.error).toBeNull();
      expect(
        (
          await simAt(60, () =>
            chairConsole('chair', '/close-case', { agendaItemId: items[2]!.id }),
          )
        ).status,
      ).toBe(200);

      // The chat copy is everyone's: no chair controls (closed cases are frozen), and every action
      // on its case card.
      await app.composition.meetingRun.idle();
      const live = chatCards(channel, tm);
      expect(live).toHaveLength(6); // a case card and a summary per case
      for (const { card } of live) checkCard(card, 'a card in the meeting chat');
      for (const { card } of live)
        for (const verb of ['assign', 'confirm', 'edit', 'reject'])
          expect(verbsOf(card).has(verb)).toBe(false);
      expect(JSON.stringify(live[2]!.card)).toMatch(/A-0003.*A-0004.*A-0005/s);

      // --- The stored actions.
      const stored = await actionsOf(app);
      expect(
        stored.map((a) => [a.reference, a.state, a.version, a.owner_agency_id, a.owner_person_id]),
      ).toEqual([
        ['A-0001', 'open', 2, agencyId('police'), null],
        ['A-0002', 'open', 2, agencyId('probation'), personId('probation-rep')],
        ['A-0003', 'open', 3, agencyId('housing'), null],
        ['A-0004', 'rejected', 2, agencyId('mental'), null],
        ['A-0005', 'open', 2, agencyId('idva'), null],
        ['A-0006', 'volunteered', 1, agencyId('idva'), null],
      ]);
      expect(stored[2]).toMatchObject({
        description: 'Priority transfer assessment and target hardening.',
        due_on: '2099-01-15',
      });
      expect(stored[1]!.perpetrator_warning_acknowledged_by).toBe(personId('probation-rep'));
      const { rows: history } = await app.db.query<{ event: string }>(
        'SELECT event FROM action_history WHERE action_id = $1 ORDER BY id',
        [h!.id],
      );
      expect(history.map((e) => e.event)).toEqual(['created', 'edited', 'confirmed']);

      // --- End (camelCase keys): the real path redacts every card before the reply.
      const end = await simAt(90, () => channel.meetingEnd(tm, { at: at(90), casing: 'camel' }));
      expect(end.status).toBe(200);
      await simAt(90, () => engine.end(om, at(90)));
      expect(await meetingRow()).toMatchObject({ status: 'ended', actual_end: at(90) });
      // The chair did not decide about the cases left unheard: they are recorded as not heard.
      const { rows: outcomes } = await app.db.query<{ unheard_outcome: string | null }>(
        'SELECT unheard_outcome FROM agenda_item WHERE meeting_id = $1 ORDER BY position',
        [MEETING_ID],
      );
      expect(outcomes.map((o) => o.unheard_outcome)).toEqual(
        outcomes.map((_, i) => (i < 3 ? null : 'not-heard')),
      );
      const redacted = chatCards(channel, tm);
      expect(redacted).toHaveLength(6);
      for (const { card } of redacted) {
        checkCard(card, 'a redacted card');
        expect(verbsOf(card).size).toBe(0);
        const json = JSON.stringify(card);
        expect(json).toContain('The meeting has ended');
        expect(json).not.toMatch(/Flag the address|supervision|transfer|mental health|Safety/);
      }
      expect(JSON.stringify(redacted[0]!.card)).toMatch(/A-0001 · Northfield Police · due/);
      const { rows: unredacted } = await app.db.query(
        'SELECT id FROM posted_card WHERE meeting_id = $1 AND redacted_at IS NULL',
        [MEETING_ID],
      );
      expect(unredacted).toEqual([]);
      expectNoPersonalData(JSON.stringify(channel.posted(tm.chatThreadId)), 'the meeting chat');

      // --- Reconciliation (the job the end scheduled): attendance and cameras per person/case.
      expect(app.jobs.handlers.has(RECONCILE_JOB)).toBe(true);
      app.clock.set(at(95));
      await app.jobs.handlers.get(RECONCILE_JOB)!({ meetingId: MEETING_ID });
      const { rows: summary } = await app.db.query<{
        person_id: string;
        agenda_item_id: string | null;
        present_seconds: number;
        camera_on_seconds: number | null;
        camera_source: string;
        early_leave: boolean;
      }>(
        `SELECT person_id, agenda_item_id, present_seconds, camera_on_seconds, camera_source, early_leave
           FROM attendance_summary WHERE meeting_id = $1`,
        [MEETING_ID],
      );
      const row = (key: string, item: number | null) =>
        summary.find(
          (s) =>
            s.person_id === personId(key) &&
            s.agenda_item_id === (item === null ? null : items[item]!.id),
        );
      // Police: 1-30 and 40-90 (counted once though bot, report and roster all saw it); camera
      // 5-25 from the calling roster.
      expect(row('police-rep', null)).toMatchObject({
        present_seconds: (29 + 50) * 60,
        camera_on_seconds: 20 * 60,
        camera_source: 'calling-roster',
      });
      expect(row('chair', null)).toMatchObject({
        present_seconds: 89 * 60,
        camera_on_seconds: 89 * 60,
      });
      // Per case, from the cases' actual times: case 1 ran 2-20, case 2 20-45.
      expect(row('police-rep', 0)).toMatchObject({
        present_seconds: 18 * 60,
        camera_on_seconds: 15 * 60,
      });
      expect(row('police-rep', 1)).toMatchObject({
        present_seconds: 15 * 60,
        camera_on_seconds: 5 * 60,
      });
      expect(row('housing-rep', 1)).toMatchObject({ present_seconds: 25 * 60 });
      const { rows: intervals } = await app.db.query<{ joined_at: Date; left_at: Date }>(
        `SELECT joined_at, left_at FROM attendance_interval WHERE meeting_id = $1 AND person_id = $2
          ORDER BY joined_at, left_at`,
        [MEETING_ID, personId('police-rep')],
      );
      expect(intervals.every((x) => x.left_at !== null)).toBe(true);
    },
  );
});
