import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { FakeClock } from '../support/fake-clock.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { byHeading, readCsv, readXlsx } from './support.js';

/**
 * Excel and CSV exports over the composed service: the files read back with exceljs and
 * csv-parse, plain-English headings and states, en-GB times in the area's zone, formula cells
 * neutralised, entitlement (a representative gets only their agency's actions, attendance and
 * the audit log only for the leads), and an audit row (ids and counts) for every export.
 */
let app: TestApp;
let meetingId: string;
let items: string[];
const clock = new FakeClock('2026-11-10T10:00:00Z');
const person = (key: string) => demoUuid(`person:${key}`);
const agency = (key: string) => demoUuid(`agency:${key}`);

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-10-01T09:00:00Z'), adapters: { clock } });
  const { rows } = await app.db.query<{ id: string; case_id: string; meeting_id: string }>(
    `SELECT ai.id, ai.case_id, ai.meeting_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
      WHERE m.parent_meeting_id IS NULL AND NOT ai.is_closed_session ORDER BY ai.position LIMIT 2`,
  );
  meetingId = rows[0]!.meeting_id;
  items = rows.map((r) => r.id);
  // The meeting ran on 21 October 2026 (BST, UTC+1): 09:00-11:00 UTC; two cases heard.
  await app.db.query(
    `UPDATE meeting SET status = 'ended', actual_start = '2026-10-21T09:00:00Z',
            actual_end = '2026-10-21T11:00:00Z' WHERE id = $1`,
    [meetingId],
  );
  await app.db.query(`UPDATE agenda_item SET actual_start = $2, actual_end = $3 WHERE id = $1`, [
    items[0],
    '2026-10-21T09:05:00Z',
    '2026-10-21T09:25:00Z',
  ]);
  await app.db.query(`UPDATE agenda_item SET actual_start = $2, actual_end = $3 WHERE id = $1`, [
    items[1],
    '2026-10-21T09:25:00Z',
    '2026-10-21T09:45:00Z',
  ]);
  // The police representative joined early (clipped to the start) and left during case 2.
  await app.db.query(
    `INSERT INTO attendance_interval (meeting_id, person_id, joined_at, left_at, source)
     VALUES ($1, $2, '2026-10-21T08:58:00Z', '2026-10-21T09:40:00Z', 'attendance-report'),
            ($1, $2, '2026-10-21T08:59:00Z', '2026-10-21T09:39:00Z', 'bot-event')`,
    [meetingId, person('police-rep')],
  );
  await app.db.query(
    `INSERT INTO attendance_summary (meeting_id, agenda_item_id, agency_id, person_id, attended_as,
            present_seconds, camera_on_seconds, camera_source, late_join, early_leave)
     VALUES ($1, NULL, $2, $3, 'representative', 2400, 1800, 'attestation', false, true),
            ($1, $4, $2, $3, 'representative', 1200, 1200, 'calling-roster', false, false),
            ($1, $5, $2, $3, 'representative', 900, NULL, 'none', false, true)`,
    [meetingId, agency('police'), person('police-rep'), items[0], items[1]],
  );
  const store = new PgActionStore(app.db);
  const areaId = demoUuid('area');
  const base = { areaId, caseId: rows[0]!.case_id, meetingId, category: 'victim' as const };
  await store.createAction(
    {
      ...base,
      description: 'Check for a marker on the address',
      dueOn: '2026-11-04', // overdue by 10 November
      state: 'open',
      ownerAgencyId: agency('police'),
      ownerPersonId: person('police-rep'),
    },
    person('chair'),
    clock.now(),
  );
  await store.createAction(
    {
      ...base,
      description: '=HYPERLINK("http://evil.example","Refer to the housing panel")',
      dueOn: '2026-12-01',
      state: 'open',
      ownerAgencyId: agency('housing'),
      ownerPersonId: person('housing-rep'),
      partnerAgencyIds: [agency('police')],
    },
    person('chair'),
    clock.now(),
  );
}, 120_000);
afterAll(() => app?.close());

async function download(who: string, route: string) {
  const res = await app.as(who)(route);
  return { res, body: await res.arrayBuffer() };
}

async function auditRows(action: string) {
  const { rows } = await app.db.query<{
    actor_person_id: string;
    record_type: string;
    record_id: string | null;
    meeting_id: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT actor_person_id, record_type, record_id, meeting_id, detail FROM audit_log
      WHERE action = $1 ORDER BY id`,
    [action],
  );
  return rows;
}

describe('the action register export', () => {
  it('gives the coordinator every action of the area as a workbook, in plain English', async () => {
    const { res, body } = await download('coordinator', '/api/exports/actions');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="action-register-2026-11-10.xlsx"',
    );
    const { rows, about } = await readXlsx(body);
    const actions = byHeading(rows);
    expect(rows[0]).toContain('Owning agency');
    expect(actions.map((a) => a.Reference)).toEqual(['A-0001', 'A-0002']);
    expect(actions[0]).toMatchObject({
      'Owning agency': 'Northfield Police',
      Owner: 'Sam Testbury',
      Due: '04/11/2026',
      Status: 'Overdue',
      Category: 'Victim',
    });
    expect(actions[1]!.Status).toBe('Open');
    expect(actions[1]!['Joint with']).toBe('Northfield Police');
    // A formula in free text is written as text, never run.
    expect(actions[1]!.Action).toBe(
      `'=HYPERLINK("http://evil.example","Refer to the housing panel")`,
    );
    expect(about.join('\n')).toMatch(/Exported for .+ on 10\/11\/2026 10:00/);
    expect((await auditRows('actions.export')).at(-1)).toMatchObject({
      actor_person_id: person('coordinator'),
      record_type: 'action_register',
      detail: { format: 'xlsx', rows: 2 },
    });
  });

  it('filters to one meeting, and refuses a meeting of nowhere with a clear 404', async () => {
    const { body } = await download(
      'coordinator',
      `/api/exports/actions?format=csv&meetingId=${meetingId}`,
    );
    expect(byHeading(readCsv(new TextDecoder().decode(body)))).toHaveLength(2);
    const missing = await app.as('coordinator')(
      '/api/exports/actions?meetingId=00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    const bad = await app.as('coordinator')('/api/exports/actions?format=pdf');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('choose xlsx or csv');
  });

  it('gives a representative only their own agency’s actions, as CSV, and audits it', async () => {
    const { res, body } = await download('housing-rep', '/api/exports/actions?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder().decode(body);
    const actions = byHeading(readCsv(text));
    expect(actions.map((a) => [a.Reference, a['Owning agency']])).toEqual([
      ['A-0002', 'Northfield Council Housing Options'],
    ]);
    expect(text).not.toContain('Check for a marker');
    expect(actions[0]!.Action!.startsWith("'=")).toBe(true);
    const audit = (await auditRows('actions.export')).at(-1);
    expect(audit).toMatchObject({
      actor_person_id: person('housing-rep'),
      record_type: 'agency',
      record_id: agency('housing'),
      detail: { format: 'csv', rows: 1 },
    });
    // Ids and counts only in the audit row.
    expectNoPersonalData(JSON.stringify(audit));
    expect(JSON.stringify(audit)).not.toContain('HYPERLINK');
  });

  it('refuses the steering group and observers', async () => {
    expect((await app.as('steering')('/api/exports/actions')).status).toBe(403);
    expect((await app.as('observer')('/api/exports/actions')).status).toBe(403);
  });
});

describe('the attendance export', () => {
  it('lists each person’s join and leave per case in the area’s time zone, with camera sources', async () => {
    const { res, body } = await download(
      'coordinator',
      `/api/exports/meetings/${meetingId}/attendance`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attendance-2026-10-21.xlsx');
    const rows = byHeading((await readXlsx(body)).rows);
    const police = rows.filter((r) => r.Person === 'Sam Testbury');
    expect(police.map((r) => [r.Case, r.Joined, r.Left, r['Minutes present']])).toEqual([
      ['Whole meeting', '21/10/2026 10:00', '21/10/2026 10:40', '40'],
      [expect.any(String), '21/10/2026 10:05', '21/10/2026 10:25', '20'],
      [expect.any(String), '21/10/2026 10:25', '21/10/2026 10:40', '15'],
    ]);
    expect(police[1]!.Case).not.toBe('Whole meeting');
    expect(police.map((r) => [r.Agency, r['Attended as']])).toEqual(
      Array(3).fill(['Northfield Police', 'Representative']),
    );
    expect(police.map((r) => [r['Minutes with camera on'], r['Camera evidence']])).toEqual([
      ['30', 'Confirmed by the chair'],
      ['20', 'Recorded by the meeting bot'],
      ['', 'No camera evidence'],
    ]);
    expect(police.map((r) => r['Left early'])).toEqual(['Yes', 'No', 'Yes']);
    expect((await auditRows('attendance.export')).at(-1)).toMatchObject({
      actor_person_id: person('coordinator'),
      record_type: 'meeting',
      record_id: meetingId,
      meeting_id: meetingId,
      detail: { format: 'xlsx', rows: 3 },
    });
  });

  it('is the same as CSV, and only for the chair, deputy chair and coordinator', async () => {
    const { res, body } = await download(
      'chair',
      `/api/exports/meetings/${meetingId}/attendance?format=csv`,
    );
    expect(res.status).toBe(200);
    const rows = byHeading(readCsv(new TextDecoder().decode(body)));
    expect(rows.map((r) => r.Joined)).toEqual([
      '21/10/2026 10:00',
      '21/10/2026 10:05',
      '21/10/2026 10:25',
    ]);
    const rep = await app.as('police-rep')(`/api/exports/meetings/${meetingId}/attendance`);
    expect(rep.status).toBe(403);
    const broken = await app.as('coordinator')('/api/exports/meetings/not-a-meeting/attendance');
    expect(broken.status).toBe(400);
  });
});

describe('the audit log export', () => {
  it('gives the coordinator the log in words, including the exports above', async () => {
    const { res, body } = await download('coordinator', '/api/exports/audit?format=csv');
    expect(res.status).toBe(200);
    const rows = byHeading(readCsv(new TextDecoder().decode(body)));
    const exports = rows.filter((r) => r.What === 'Actions: export');
    expect(exports.map((r) => r.Who)).toEqual([
      'Morgan Exampleton',
      'Morgan Exampleton',
      'Jamie Dummerton',
    ]);
    expect(exports[2]!.Details).toBe('format: csv; rows: 1');
    expect(exports[2]!.When).toMatch(/^10\/11\/2026 10:00$/);
    expect(rows.some((r) => /[a-z]\.[a-z]/.test(r.What ?? ''))).toBe(false);
    expect((await auditRows('audit.export')).at(-1)).toMatchObject({
      actor_person_id: person('coordinator'),
      detail: { format: 'csv', rows: rows.length },
    });
  });

  it('takes a period, and refuses everyone but the coordinator', async () => {
    const empty = await download(
      'coordinator',
      '/api/exports/audit?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z',
    );
    expect((await readXlsx(empty.body)).rows).toHaveLength(1);
    const backwards = await app.as('coordinator')(
      '/api/exports/audit?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    );
    expect(backwards.status).toBe(400);
    for (const who of ['chair', 'housing-rep', 'steering'])
      expect((await app.as(who)('/api/exports/audit')).status).toBe(403);
  });
});
