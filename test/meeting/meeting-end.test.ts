import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDED_BEFORE_HEARD } from '../../core/meeting-run/model.js';
import type { TestMeeting } from '../support/bot-channel.js';
import { aMeeting } from '../support/builders.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { type AttendanceApp, minutesAfter, startAttendanceApp } from '../attendance/support.js';
import {
  actionsOf,
  agencyId,
  agendaItems,
  chatCards,
  execute,
  linkTeamsMeeting,
  MEETING_ID,
  press,
  verbsOf,
} from './support.js';

/**
 * The end of the meeting: the chair ends it from the chair console with cases unheard, and
 * must say for each whether it is carried forward to the next meeting or not heard (and why);
 * nothing is stored until every case has a decision. After the end the run says "ended", the
 * carried case is on the next agenda, the cards are rewritten to references only, and the owner
 * of each agreed action has the new-action mail in the outbox straight away (not at the next
 * hourly chase run), once. A meeting ended in Teams with no decision records its unheard cases
 * as not heard.
 */
let app: AttendanceApp;
let tm: TestMeeting;
let items: Awaited<ReturnType<typeof agendaItems>>;
let nextMeetingId: string;
let start: Date;
const at = (m: number) => minutesAfter(start, m);
const end = (who: string, body: unknown) =>
  app.call(who, 'POST', `/api/meetings/${MEETING_ID}/run/end`, body);
const console_ = (path: string, body: unknown) =>
  app.call('chair', 'POST', `/api/meetings/${MEETING_ID}/run${path}`, body);

async function unheardRows() {
  const { rows } = await app.db.query<{
    id: string;
    unheard_outcome: string | null;
    unheard_reason: string | null;
    unheard_decided_by: string | null;
    carried_to_meeting_id: string | null;
  }>(
    `SELECT id, unheard_outcome, unheard_reason, unheard_decided_by, carried_to_meeting_id
       FROM agenda_item WHERE meeting_id = $1 ORDER BY position`,
    [MEETING_ID],
  );
  return rows;
}

beforeAll(async () => {
  app = await startAttendanceApp(new Date().toISOString());
  const { rows } = await app.db.query<{ scheduled_start: Date; area_id: string }>(
    'SELECT scheduled_start, area_id FROM meeting WHERE id = $1',
    [MEETING_ID],
  );
  // The seeded meeting is on a working day at 09:30: the run happens then (working hours).
  start = rows[0]!.scheduled_start;
  app.clock.set(start);
  tm = await app.channel.meeting('Northfield MARAC', start);
  await linkTeamsMeeting(app, tm);
  items = await agendaItems(app);
  nextMeetingId = await aMeeting(
    { db: app.db, areaId: rows[0]!.area_id, agency: {} as never },
    { start: new Date(start.getTime() + 14 * 86_400_000).toISOString(), status: 'scheduled' },
  );
});
afterAll(() => app?.close());

describe('ending a meeting with cases unheard', () => {
  it('asks for a decision per unheard case, stores all of them with the end, and tells action owners at once', async () => {
    const { channel } = app;
    // Teams starts the meeting (the bot learns the chat); case 1 is heard: one action
    // volunteered on the card and confirmed by the chair.
    channel.simulator.engine.session(tm.onlineMeetingId, at(0));
    expect((await channel.meetingStart(tm, { at: at(0) })).status).toBe(200);
    app.clock.set(at(10));
    expect((await console_('/start-case', { agendaItemId: items[0]!.id })).status).toBe(200);
    const base = { meetingId: MEETING_ID, agendaItemId: items[0]!.id };
    const repCard = (await execute(channel, tm, 'police-rep', 'refresh', base)).card;
    const v = press(repCard, 'Volunteer', { description: 'Flag the address for urgent response.' });
    expect((await execute(channel, tm, 'police-rep', v.verb, v.data)).error).toBeNull();
    const [action] = await actionsOf(app, items[0]!.id);
    const chairCard = (await execute(channel, tm, 'chair', 'refresh', base)).card;
    const c = press(chairCard, `Confirm ${action!.reference}`);
    expect(c.errors).toEqual([]);
    const before = channel.simulator.meetingNotifications.length;
    expect((await execute(channel, tm, 'chair', c.verb, c.data)).error).toBeNull();
    // A private confirmation to the owning agency's representative only (targeted notification).
    await app.composition.meetingRun.idle();
    const agreed = channel.simulator.meetingNotifications.slice(before);
    expect(agreed).toHaveLength(1);
    const value = (agreed[0]!.body as { value: { recipients: string[]; surfaces: unknown[] } })
      .value;
    const { rows: police } = await app.db.query<{ teams_user_id: string }>(
      `SELECT t.teams_user_id FROM teams_user t JOIN person p ON p.entra_object_id = t.entra_object_id
        WHERE p.agency_id = $1 AND p.id IN (SELECT person_id FROM meeting_invitee WHERE meeting_id = $2)`,
      [agencyId('police'), MEETING_ID],
    );
    expect(police.length).toBeGreaterThan(0);
    expect([...value.recipients].sort()).toEqual(police.map((p) => p.teams_user_id).sort());
    expect(JSON.stringify(value.surfaces)).toContain(
      `Agreed by the chair: action ${action!.reference} for Northfield Police`,
    );
    expectNoPersonalData(JSON.stringify(agreed), 'the agreed notification');

    // Ending while case 1 is under discussion is refused: close it first.
    app.clock.set(at(30));
    const early = await end('chair', { decisions: [] });
    expect(early.status).toBe(409);
    expect(JSON.stringify(early.body)).toMatch(/still under discussion/);
    expect((await console_('/close-case', { agendaItemId: items[0]!.id })).status).toBe(200);

    // No decisions: refused, every unheard case named; nothing stored, the meeting still runs.
    const none = await end('chair', { decisions: [] });
    expect(none.status).toBe(400);
    const unheard = items.slice(1);
    expect(JSON.stringify(none.body)).toContain(`${unheard.length} cases need a decision`);
    expect(JSON.stringify(none.body)).toContain(`Case 2 (${items[1]!.case_number}) was not heard`);
    // "Not heard" needs a reason; still nothing stored.
    const decisions = unheard.map((item, i) => ({
      agendaItemId: item.id,
      outcome: i === 0 ? 'carried-forward' : 'not-heard',
      reason:
        i === 0 ? null : 'Ran out of time; discussed by the IDVA and police outside the meeting.',
    }));
    const noReason = await end('chair', {
      decisions: decisions.map((d, i) => (i === 1 ? { ...d, reason: ' ' } : d)),
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('say why it was not heard');
    expect((await unheardRows()).every((r) => r.unheard_outcome === null)).toBe(true);
    const { rows: still } = await app.db.query<{ status: string }>(
      'SELECT status FROM meeting WHERE id = $1',
      [MEETING_ID],
    );
    expect(still[0]!.status).toBe('in-progress');
    // Only the chair ends the meeting.
    expect((await end('police-rep', { decisions })).status).toBe(403);
    // A bad outcome is a 400 naming the field.
    const bad = await end('chair', { decisions: [{ ...decisions[0], outcome: 'later' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/outcome/);

    // The decisions: case 2 carried forward, the rest not heard, with the reason.
    app.clock.set(at(45));
    const ok = await end('chair', { decisions });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      ended: true,
      carriedForward: 1,
      notHeard: unheard.length - 1,
      carriedTo: nextMeetingId,
      run: { status: 'ended' },
    });
    const viewItem = (id: string) =>
      (ok.body.run.agenda as { agendaItemId: string; unheard: unknown }[]).find(
        (i) => i.agendaItemId === id,
      );
    expect(viewItem(items[1]!.id)!.unheard).toMatchObject({
      outcome: 'carried-forward',
      carriedToMeetingId: nextMeetingId,
    });
    expect(viewItem(items[0]!.id)!.unheard).toBeNull();

    const stored = await unheardRows();
    expect(stored[0]!.unheard_outcome).toBeNull(); // heard
    expect(stored[1]).toMatchObject({
      unheard_outcome: 'carried-forward',
      carried_to_meeting_id: nextMeetingId,
      unheard_reason: null,
    });
    for (const r of stored.slice(2))
      expect(r).toMatchObject({
        unheard_outcome: 'not-heard',
        unheard_reason: 'Ran out of time; discussed by the IDVA and police outside the meeting.',
      });
    expect(stored.slice(1).every((r) => r.unheard_decided_by !== null)).toBe(true);
    // The carried case is on the next meeting's agenda, with its research.
    const { rows: carried } = await app.db.query<{
      case_number: string;
      carried_from_item_id: string;
      summary_kept: boolean;
    }>(
      `SELECT c.case_number, ai.carried_from_item_id,
              ai.summary IS NOT DISTINCT FROM (SELECT summary FROM agenda_item WHERE id = $2) AS summary_kept
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id WHERE ai.meeting_id = $1`,
      [nextMeetingId, items[1]!.id],
    );
    expect(carried).toEqual([
      {
        case_number: items[1]!.case_number,
        carried_from_item_id: items[1]!.id,
        summary_kept: true,
      },
    ]);
    const { rows: meeting } = await app.db.query<{ status: string; actual_end: Date }>(
      'SELECT status, actual_end FROM meeting WHERE id = $1',
      [MEETING_ID],
    );
    expect(meeting[0]).toEqual({ status: 'ended', actual_end: at(45) });
    const { rows: audit } = await app.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE action = 'meeting.end' AND meeting_id = $1`,
      [MEETING_ID],
    );
    expect(audit.map((a) => a.detail)).toEqual([
      { carriedForward: 1, notHeard: unheard.length - 1, carriedTo: nextMeetingId },
    ]);

    // The end ran the meeting-ended listeners: cards rewritten to references only ...
    await app.composition.meetingRun.idle();
    const cards = chatCards(channel, tm);
    expect(cards.length).toBeGreaterThan(0);
    for (const { card } of cards) {
      expect(verbsOf(card).size).toBe(0);
      expect(JSON.stringify(card)).toContain('The meeting has ended');
    }
    // ... and the confirmed action's owner has the new-action mail now: references and a link.
    const mails = async () =>
      (
        await app.db.query<{ subject: string; body_html: string; purpose: string }>(
          `SELECT o.subject, o.body_html, o.purpose FROM chase_step s JOIN outbox_mail o ON o.id = s.outbox_id
            WHERE s.action_id = $1 AND s.step = 'assigned'`,
          [action!.id],
        )
      ).rows;
    const sent = await mails();
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) {
      expect(m.body_html).toContain(action!.reference);
      expect(m.body_html).not.toContain('Flag the address');
      expectNoPersonalData(`${m.subject} ${m.body_html}`, 'the new-action mail');
    }

    // Ending again changes nothing, and sends nothing more.
    const again = await end('chair', { decisions });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ended: false, run: { status: 'ended' } });
    await app.composition.attendance.lifecycle.meetingEnded({
      meetingId: MEETING_ID,
      endedAt: at(45),
    });
    expect(await mails()).toHaveLength(sent.length);
  });

  it('a meeting ended in Teams with cases undecided records them as not heard', async () => {
    // The closed session (a child meeting) has its own cases; Teams ends it before any is heard.
    const { rows } = await app.db.query<{ id: string }>(
      `SELECT ai.id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
        WHERE m.parent_meeting_id = $1`,
      [MEETING_ID],
    );
    expect(rows.length).toBeGreaterThan(0);
    const closedId = (
      await app.db.query<{ id: string }>('SELECT id FROM meeting WHERE parent_meeting_id = $1', [
        MEETING_ID,
      ])
    ).rows[0]!.id;
    await app.db.query(
      `UPDATE meeting SET status = 'ended', actual_start = $2, actual_end = $3 WHERE id = $1`,
      [closedId, at(100), at(110)],
    );
    const recorded = await app.composition.meetingRun.recordUnheardAtEnd(closedId);
    expect(recorded).toBe(rows.length);
    const { rows: after } = await app.db.query<{
      unheard_outcome: string;
      unheard_reason: string;
      unheard_decided_by: string | null;
    }>(
      'SELECT unheard_outcome, unheard_reason, unheard_decided_by FROM agenda_item WHERE meeting_id = $1',
      [closedId],
    );
    expect(after).toEqual(
      rows.map(() => ({
        unheard_outcome: 'not-heard',
        unheard_reason: ENDED_BEFORE_HEARD,
        unheard_decided_by: null,
      })),
    );
    // Once.
    expect(await app.composition.meetingRun.recordUnheardAtEnd(closedId)).toBe(0);
  });
});
