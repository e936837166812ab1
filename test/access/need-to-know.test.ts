import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../core/actions/action.js';
import { decideMove } from '../../core/agenda/reorder.js';
import { exportCaseList } from '../../core/circulation/export-case-list.js';
import { preMeeting } from '../../server/pre-meeting.js';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { addCaseSpecificInvitee, addOtherArea, OTHER_AREA_ID } from '../support/extra-people.js';
import { FakeFileShare } from '../support/fake-file-share.js';
import { FakeMeetingScheduler } from '../support/fake-meeting-scheduler.js';
import {
  agencyId,
  personId,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from '../pre-meeting/support.js';

/**
 * Need-to-know under attack: minutes follow the case list's rules (invited, declaration,
 * the meeting's real state; never observers or one-case attendees), the steering group reads
 * no case-level actions, and another area's coordinator or chair cannot export or refuse
 * anything of this area (REQUIREMENTS.md §1.2, FR-046, FR-100).
 */
let app: PreMeetingApp;
let action: ActionRecord;
let openItemId: string;
const tenant = () => app.config.microsoft.tenantId as string;

beforeAll(async () => {
  app = await startPreMeetingApp('2027-03-01T09:00:00Z', {
    caseListExport: { uploadToSharePoint: true, linkType: 'blocksDownload' },
    minutesDownload: 'download-allowed',
  });
  await addOtherArea(app.db, tenant());
  const areaId = demoUuid('area');
  await addCaseSpecificInvitee(app.db, areaId, tenant());
  const { rows } = await app.db.query<{ id: string; case_id: string }>(
    `SELECT id, case_id FROM agenda_item WHERE meeting_id = $1 AND NOT is_closed_session
      ORDER BY position LIMIT 1`,
    [SEEDED_MEETING],
  );
  openItemId = rows[0]!.id;
  action = await new PgActionStore(app.db).createAction(
    {
      areaId,
      caseId: rows[0]!.case_id,
      meetingId: SEEDED_MEETING,
      description: 'Check for a marker on the address',
      category: 'victim',
      dueOn: '2027-04-01',
      state: 'open',
      ownerAgencyId: agencyId('police'),
      ownerPersonId: personId('police-rep'),
    },
    personId('chair'),
    app.clock.now(),
  );
});
afterAll(async () => app.close());

const code = (res: { body: { error?: { code?: string } } }) => res.body.error?.code;

describe('minutes follow the case list’s need-to-know', () => {
  it('are never read by an observer invited to no meeting, even inside the scheduled window after it ended', async () => {
    const { rows } = await app.db.query<{ scheduled_start: Date }>(
      `UPDATE meeting SET status = 'ended', actual_start = scheduled_start,
              actual_end = scheduled_start + interval '40 minutes'
        WHERE id = $1 RETURNING scheduled_start`,
      [SEEDED_MEETING],
    );
    // An hour after the start: inside the timetable, but the meeting really ended 20 min ago.
    app.clock.set(new Date(rows[0]!.scheduled_start.getTime() + 60 * 60_000));
    await app.call('observer', 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
    const list = await app.call('observer', 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
    expect(list.status).toBe(403);
    const json = await app.call('observer', 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`);
    expect(json.status).toBe(403);
    expect(JSON.stringify(json.body)).not.toMatch(/subjects|dateOfBirth/);
    const docx = await app.as('observer')(`/api/meetings/${SEEDED_MEETING}/minutes.docx`);
    expect(docx.status).toBe(403);
    expect(docx.headers.get('content-type')).toMatch(/json/);
  });

  it('are refused to an observer while the meeting runs too (no documents, R8)', async () => {
    await app.db.query(`UPDATE meeting SET status = 'in-progress' WHERE id = $1`, [SEEDED_MEETING]);
    // Not in the running meeting: not even the case list.
    await app.call('observer', 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
    const outside = await app.call('observer', 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
    expect(outside.status).toBe(403);
    // Admitted from the lobby: the open cases while it runs, still no minutes.
    await app.db.query(
      `INSERT INTO attendance_interval (meeting_id, person_id, joined_at, source)
       VALUES ($1, $2, $3, 'bot-event')`,
      [SEEDED_MEETING, personId('observer'), app.clock.now()],
    );
    await app.call('observer', 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
    const list = await app.call('observer', 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
    expect(list.status).toBe(200);
    const minutes = await app.call('observer', 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`);
    expect(minutes.status).toBe(403);
    await app.db.query(`UPDATE meeting SET status = 'ended' WHERE id = $1`, [SEEDED_MEETING]);
  });

  it('need the confidentiality declaration from an invited representative, as the case list does', async () => {
    const before = await app.call('housing-rep', 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`);
    expect(before.status).toBe(403);
    expect(code(before)).toBe('DECLARATION_REQUIRED');
    const docx = await app.as('housing-rep')(`/api/meetings/${SEEDED_MEETING}/minutes.docx`);
    expect(docx.status).toBe(403);
    await app.call('housing-rep', 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
    // Members who are not leads read circulated minutes, as their agency's extract (FR-090).
    await app.db.query(`UPDATE meeting SET minutes_status = 'circulated' WHERE id = $1`, [
      SEEDED_MEETING,
    ]);
    const after = await app.call('housing-rep', 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`);
    expect(after.status).toBe(200);
    const cases = after.body.cases as { closedSession: boolean }[];
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.some((c) => c.closedSession)).toBe(false); // not the closed-session case (FR-100)
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'minutes.view-refused' AND actor_person_id = $1`,
      [personId('housing-rep')],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('are not read by a case-specific attendee (one case, no minutes afterwards, R7)', async () => {
    await app.call('keyworker', 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
    const res = await app.call('keyworker', 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`);
    expect(res.status).toBe(403);
  });

  it('are refused to a non-signatory agency and to the steering group', async () => {
    for (const who of ['harbour-rep', 'steering'])
      expect(
        (await app.call(who, 'GET', `/api/meetings/${SEEDED_MEETING}/minutes`)).status,
        who,
      ).toBe(403);
  });
});

describe('the steering group gets aggregates only (R9)', () => {
  it('is refused every case-level action route', async () => {
    for (const route of [
      '/api/actions?scope=area',
      `/api/actions?scope=agency&agencyId=${agencyId('police')}`,
      '/api/actions?scope=mine',
      `/api/actions/${action.id}`,
    ]) {
      const res = await app.call('steering', 'GET', route);
      expect(res.status, route).toBe(403);
      expect(JSON.stringify(res.body), route).not.toContain(action.reference);
      expect(JSON.stringify(res.body), route).not.toContain('marker');
    }
    // The coordinator still reads it.
    expect((await app.call('coordinator', 'GET', `/api/actions/${action.id}`)).status).toBe(200);
  });
});

describe('another area’s people cannot touch this area’s records', () => {
  it('another area’s coordinator cannot export this area’s case list to SharePoint', async () => {
    await app.db.query(`UPDATE meeting SET status = 'scheduled' WHERE id = $1`, [SEEDED_MEETING]);
    app.clock.set('2027-03-01T09:00:00Z');
    const res = await app.call(
      'other-coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/case-list/export`,
    );
    expect(res.status).toBe(404);
    expect(app.fileShare.uploads).toHaveLength(0);
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'case-list.export%'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('another area’s chair cannot refuse this area’s move request, and nothing is stored', async () => {
    const asked = await app.call(
      'housing-rep',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${openItemId}/move-requests`,
      { toPosition: 3 },
    );
    expect(asked.status).toBe(201);
    const moveId = asked.body.move.id as string;
    const res = await app.call(
      'other-chair',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/move-requests/${moveId}/decision`,
      { approve: false },
    );
    expect(res.status).toBe(404);
    const { rows } = await app.db.query<{ decision: string }>(
      'SELECT decision FROM agenda_move WHERE id = $1',
      [moveId],
    );
    expect(rows[0]!.decision).toBe('pending');
    const audit = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'agenda.move-refuse%' OR area_id = $1`,
      [OTHER_AREA_ID],
    );
    expect(audit.rows[0]!.n).toBe(0);
  });

  it('the use cases themselves refuse another area’s actor, behind any route', async () => {
    const fileShare = new FakeFileShare();
    const pre = preMeeting(app.db, {
      clock: app.clock,
      scheduler: new FakeMeetingScheduler(),
      fileShare,
      links: {
        meeting: () => 'https://example.invalid',
        caseList: () => 'https://example.invalid',
      },
    });
    const other = {
      personId: demoUuid('person:other-chair'),
      areaId: OTHER_AREA_ID,
      agencyId: null,
      roles: ['chair' as const],
    };
    const otherCoordinator = {
      personId: demoUuid('person:other-coordinator'),
      areaId: OTHER_AREA_ID,
    };
    await expect(
      exportCaseList(pre.circulation, otherCoordinator, SEEDED_MEETING),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fileShare.uploads).toHaveLength(0);
    const { rows } = await app.db.query<{ id: string }>(
      `SELECT id FROM agenda_move WHERE decision = 'pending' LIMIT 1`,
    );
    await expect(
      decideMove(pre.agenda, other, SEEDED_MEETING, rows[0]!.id, false),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await app.db.query<{ decision: string }>(
      'SELECT decision FROM agenda_move WHERE id = $1',
      [rows[0]!.id],
    );
    expect(after.rows[0]!.decision).toBe('pending');
  });
});
