import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencySector } from '../../core/model.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { aCase, aMeeting, anAttendance, anInvitee, type World } from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { byHeading, readCsv, readXlsx } from './support.js';

/**
 * The attendance export over a period: every reconciled meeting of the area that started in
 * the period, each person's join and leave per case (in the area's time zone, here BST) led
 * by the meeting's date, read back with exceljs and csv-parse; the leads only; a period that
 * is backwards or not a date is refused naming the field; each download audited with ids and
 * counts.
 */
let app: TestApp;
let w: World;
const clock = new FakeClock('2031-09-01T10:00:00Z');
const built = {} as Record<'june' | 'july' | 'august' | 'unreconciled', string>;
const period = '?from=2031-06-01T00:00:00Z&to=2031-08-01T00:00:00Z';

/** A stretch of someone's presence, as the reconciled Teams attendance report gives it. */
async function anInterval(meetingId: string, personId: string, joined: string, left: string) {
  await app.db.query(
    `INSERT INTO attendance_interval (meeting_id, person_id, joined_at, left_at, source)
     VALUES ($1, $2, $3, $4, 'attendance-report')`,
    [meetingId, personId, joined, left],
  );
}

async function caseHeard(meetingId: string, reference: string, start: string, end: string) {
  const c = await aCase(w, meetingId, { reference, involved: ['police', 'housing'] });
  await app.db.query('UPDATE agenda_item SET actual_start = $2, actual_end = $3 WHERE id = $1', [
    c.agendaItemId,
    start,
    end,
  ]);
  return c.agendaItemId;
}

/** A meeting of the period: one case heard, one professional present for part of it. */
async function aMeetingAttended(
  start: string,
  sector: AgencySector,
  reference: string,
  opts: { reconciled?: boolean } = {},
) {
  const meetingId = await aMeeting(w, { start, reconciled: opts.reconciled ?? true });
  const at = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString();
  const item = await caseHeard(meetingId, reference, at(5), at(25));
  const personId = await anInvitee(w, meetingId, sector);
  // Joined two minutes early (clipped to the start), left forty minutes in.
  await anInterval(meetingId, personId, at(-2), at(40));
  await anAttendance(w, meetingId, personId, sector, {
    seconds: 2400,
    cameraOn: 1800,
    cameraSource: 'attestation',
  });
  await anAttendance(w, meetingId, personId, sector, {
    agendaItemId: item,
    seconds: 1200,
    cameraOn: 1200,
    cameraSource: 'calling-roster',
  });
  return meetingId;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2031-05-01T09:00:00Z'), adapters: { clock } });
  const areaId = demoUuid('area');
  const { rows } = await app.db.query<{ sector: AgencySector; id: string }>(
    'SELECT DISTINCT ON (sector) sector, id FROM agency WHERE area_id = $1 ORDER BY sector, name',
    [areaId],
  );
  w = {
    db: app.db,
    areaId,
    agency: Object.fromEntries(rows.map((r) => [r.sector, r.id])) as World['agency'],
  };
  // 11 June and 9 July 2031 (BST, UTC+1), 09:00 UTC; 13 August is after the period; the
  // 20 July meeting is not reconciled yet.
  built.june = await aMeetingAttended('2031-06-11T09:00:00Z', 'police', 'MC-PERIOD-1');
  built.july = await aMeetingAttended('2031-07-09T09:00:00Z', 'housing', 'MC-PERIOD-2');
  built.august = await aMeetingAttended('2031-08-13T09:00:00Z', 'police', 'MC-PERIOD-3');
  built.unreconciled = await aMeetingAttended('2031-07-20T09:00:00Z', 'police', 'MC-PERIOD-4', {
    reconciled: false,
  });
}, 120_000);
afterAll(() => app?.close());

async function auditRows() {
  const { rows } = await app.db.query<{
    actor_person_id: string;
    record_type: string;
    record_id: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT actor_person_id, record_type, record_id, detail FROM audit_log
      WHERE action = 'attendance.export' AND record_type = 'attendance_period' ORDER BY id`,
  );
  return rows;
}

describe('the attendance export for a period', () => {
  it('lists every reconciled meeting of the period with the meeting date and join and leave per case', async () => {
    const res = await app.as('coordinator')(`/api/exports/attendance${period}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      'attendance-2031-06-01-to-2031-07-31.xlsx',
    );
    const file = await readXlsx(await res.arrayBuffer());
    expect(file.rows[0]).toEqual([
      'Meeting date',
      'Person',
      'Agency',
      'Attended as',
      'Case',
      'Joined',
      'Left',
      'Minutes present',
      'Minutes with camera on',
      'Camera evidence',
      'Joined late',
      'Left early',
    ]);
    const rows = byHeading(file.rows);
    expect(
      rows.map((r) => [
        r['Meeting date'],
        r.Person,
        r.Case,
        r.Joined,
        r.Left,
        r['Minutes present'],
        r['Minutes with camera on'],
        r['Camera evidence'],
      ]),
    ).toEqual([
      [
        '11/06/2031',
        'Builder police representative',
        'Whole meeting',
        '11/06/2031 10:00',
        '11/06/2031 10:40',
        '40',
        '30',
        'Confirmed by the chair',
      ],
      [
        '11/06/2031',
        'Builder police representative',
        'MC-PERIOD-1',
        '11/06/2031 10:05',
        '11/06/2031 10:25',
        '20',
        '20',
        'Recorded by the meeting bot',
      ],
      [
        '09/07/2031',
        'Builder housing representative',
        'Whole meeting',
        '09/07/2031 10:00',
        '09/07/2031 10:40',
        '40',
        '30',
        'Confirmed by the chair',
      ],
      [
        '09/07/2031',
        'Builder housing representative',
        'MC-PERIOD-2',
        '09/07/2031 10:05',
        '09/07/2031 10:25',
        '20',
        '20',
        'Recorded by the meeting bot',
      ],
    ]);
    expect(file.about.join(' ')).toContain('from 01/06/2031 to 31/07/2031');
    expect((await auditRows()).at(-1)).toEqual({
      actor_person_id: demoUuid('person:coordinator'),
      record_type: 'attendance_period',
      record_id: null,
      detail: { format: 'xlsx', rows: 4, meetings: 2, meetingIds: [built.june, built.july] },
    });
  });

  it('is the same as CSV for the chair, and refused to the agencies and the steering group', async () => {
    const res = await app.as('chair')(`/api/exports/attendance${period}&format=csv`);
    expect(res.status).toBe(200);
    const rows = byHeading(readCsv(await res.text()));
    expect(rows.map((r) => [r['Meeting date'], r.Case, r.Joined, r.Left])).toEqual([
      ['11/06/2031', 'Whole meeting', '11/06/2031 10:00', '11/06/2031 10:40'],
      ['11/06/2031', 'MC-PERIOD-1', '11/06/2031 10:05', '11/06/2031 10:25'],
      ['09/07/2031', 'Whole meeting', '09/07/2031 10:00', '09/07/2031 10:40'],
      ['09/07/2031', 'MC-PERIOD-2', '09/07/2031 10:05', '09/07/2031 10:25'],
    ]);
    expect((await auditRows()).at(-1)?.detail).toMatchObject({ format: 'csv', meetings: 2 });
    for (const who of ['housing-rep', 'steering', 'observer'])
      expect((await app.as(who)(`/api/exports/attendance${period}`)).status).toBe(403);
  });

  it('refuses a backwards or malformed period with a 400 naming the field, and audits nothing', async () => {
    const before = (await auditRows()).length;
    const cases: [string, string][] = [
      ['?from=2031-08-01T00:00:00Z&to=2031-06-01T00:00:00Z', 'to'],
      ['?from=2031-06-01T00:00:00Z&to=2031-06-01T00:00:00Z', 'to'],
      ['?from=2031-13-45&to=2031-08-01T00:00:00Z', 'from'],
      ['?from=2031-06-01T00:00:00Z&to=next-month', 'to'],
      ['?from=2031-06-01T00:00:00Z', 'to'],
    ];
    for (const [query, field] of cases) {
      const res = await app.as('coordinator')(`/api/exports/attendance${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as {
        error: { code: string; details: { path: string; message: string }[] };
      };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.map((d) => d.path)).toEqual([field]);
      expect(body.error.details[0]!.message).not.toMatch(/zod|iso|invalid_/i);
    }
    expect(await auditRows()).toHaveLength(before);
  });
});
