import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/ports/audit-log.js';
import { RETURN_HEADERS, safeLivesReturn } from '../../core/reports/safelives-return.js';
import { PgCaseReturnStore } from '../../store/case-return-store.js';
import { safeLivesReturnXlsx } from '../../tab/api/files/safelives-return-xlsx.js';
import { aCase, aCaseReturn, aMeeting, anArea, type World } from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/**
 * The SafeLives per-meeting return for a generated quarter, read back from the Excel file:
 * the columns in order, one row per meeting, blank where any heard case was not collected and
 * 0 where every case was recorded and none matched. PGlite, or PostgreSQL with DATABASE_URL.
 */
let db: TestDb;
let w: World;
const audit: AuditEntry[] = [];
const Q1 = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

beforeEach(async () => {
  db = await createTestDb();
  w = await anArea(db, 'Builder MARAC');
  audit.length = 0;
});
afterEach(async () => db.dispose());

const deps = () => ({
  repos: new PgCaseReturnStore(db),
  audit: { record: async (e: AuditEntry) => void audit.push(e) },
  clock: new FakeClock('2025-04-02T09:00:00Z'),
});
const coordinator = () => ({ personId: 'p', areaId: w.areaId, roles: ['coordinator' as const] });
const full = {
  referralSource: 'police',
  victimMinoritised: false,
  victimEthnicity: 'white',
  victimLgbtq: false,
  victimDisabled: false,
  victimSex: 'female',
  victimAgeBand: '25-34',
  harmerUnder18: false,
  childrenInHousehold: 0,
} as const;

async function readBack(buffer: Buffer): Promise<(string | number | null)[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Marac data')!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: (string | number | null)[] = [];
    for (let i = 1; i <= RETURN_HEADERS.length; i += 1) {
      const v = row.getCell(i).value;
      cells.push(v === null || v === undefined ? null : (v as string | number));
    }
    rows.push(cells);
  });
  return rows;
}

describe('SafeLives per-meeting return', () => {
  it('gives a quarter of three meetings, columns in order, blanks and zeros right', async () => {
    // January: two cases fully recorded (one Black male 16-17 referred by children's social
    // care, LGBT+, with two children; one the baseline), and a case listed but not heard.
    const jan = await aMeeting(w, { start: '2025-01-15T10:00:00Z' });
    const a = await aCase(w, jan);
    await aCaseReturn(
      w,
      a.agendaItemId,
      {
        ...full,
        referralSource: 'childrens-social-care',
        victimMinoritised: true,
        victimEthnicity: 'black',
        victimLgbtq: true,
        victimSex: 'male',
        victimAgeBand: '16-17',
        harmerUnder18: true,
        childrenInHousehold: 2,
      },
      true,
    );
    const b = await aCase(w, jan);
    await aCaseReturn(w, b.agendaItemId, full);
    const unheard = await aCase(w, jan, { heard: false });
    await aCaseReturn(w, unheard.agendaItemId, { ...full, victimDisabled: null });
    // February: one case recorded, one with disability and children not collected.
    const feb = await aMeeting(w, { start: '2025-02-12T10:00:00Z' });
    const c = await aCase(w, feb);
    await aCaseReturn(w, c.agendaItemId, { ...full, victimDisabled: true, victimAgeBand: '65+' });
    const d = await aCase(w, feb, { reference: 'MC-GAP' });
    await aCaseReturn(w, d.agendaItemId, {
      ...full,
      victimDisabled: null,
      childrenInHousehold: null,
    });
    // March: one case with nothing collected at all; April's meeting is outside the quarter.
    const mar = await aMeeting(w, { start: '2025-03-12T10:00:00Z' });
    await aCase(w, mar, { reference: 'MC-NONE' });
    await aMeeting(w, { start: '2025-04-09T10:00:00Z' });

    const r = await safeLivesReturn(deps(), coordinator(), Q1, 'export');
    const sheet = await readBack(await safeLivesReturnXlsx(r));
    expect(sheet[0]).toEqual([...RETURN_HEADERS]);
    expect(RETURN_HEADERS.slice(0, 6)).toEqual([
      'Marac',
      'Meeting date',
      'Number of cases discussed',
      'Number of repeat cases',
      'Number of children in the households',
      'Referrals from: Police',
    ]);
    // The whole header row, in the order docs/data-return.md gives (not read from the code).
    expect(sheet[0]).toEqual([
      'Marac',
      'Meeting date',
      'Number of cases discussed',
      'Number of repeat cases',
      'Number of children in the households',
      'Referrals from: Police',
      'Referrals from: IDVA service',
      'Referrals from: Other specialist domestic abuse service',
      'Referrals from: Children’s social care',
      'Referrals from: Primary care (GP)',
      'Referrals from: Secondary care (hospital)',
      'Referrals from: Mental health',
      'Referrals from: Drug and alcohol services',
      'Referrals from: Housing',
      'Referrals from: Probation',
      'Referrals from: Education',
      'Referrals from: Adult social care',
      'Referrals from: Other statutory agency',
      'Referrals from: Other voluntary sector agency',
      'Victim is Black, Asian or racially minoritised',
      'Victim ethnic group: Asian or Asian British',
      'Victim ethnic group: Black, Black British, Caribbean or African',
      'Victim ethnic group: Mixed or multiple ethnic groups',
      'Victim ethnic group: White',
      'Victim ethnic group: Other ethnic group',
      'Victim is LGBT+',
      'Victim has a disability',
      'Victim is male',
      'Victim is female',
      'Victim aged 16-17',
      'Victim aged 65 or over',
      'Number aged 17 or below perpetrating abuse',
    ]);
    expect(sheet).toHaveLength(4);
    const col = (header: string) => RETURN_HEADERS.indexOf(header);
    const at = (row: number, header: string) => sheet[row]![col(header)];
    expect(sheet.map((row) => row[1])).toEqual([
      'Meeting date',
      '2025-01-15',
      '2025-02-12',
      '2025-03-12',
    ]);
    expect(at(1, 'Marac')).toBe('Builder MARAC');

    // January: every figure stated; zeros where none.
    expect(at(1, 'Number of cases discussed')).toBe(2);
    expect(at(1, 'Number of repeat cases')).toBe(1);
    expect(at(1, 'Number of children in the households')).toBe(2);
    expect(at(1, 'Referrals from: Police')).toBe(1);
    expect(at(1, 'Referrals from: Children’s social care')).toBe(1);
    expect(at(1, 'Referrals from: Housing')).toBe(0);
    expect(at(1, 'Victim is Black, Asian or racially minoritised')).toBe(1);
    expect(at(1, 'Victim ethnic group: Black, Black British, Caribbean or African')).toBe(1);
    expect(at(1, 'Victim ethnic group: Asian or Asian British')).toBe(0);
    expect(at(1, 'Victim is LGBT+')).toBe(1);
    expect(at(1, 'Victim has a disability')).toBe(0); // the unheard case's gap does not count
    expect(at(1, 'Victim is male')).toBe(1);
    expect(at(1, 'Victim aged 16-17')).toBe(1);
    expect(at(1, 'Victim aged 65 or over')).toBe(0);
    expect(at(1, 'Number aged 17 or below perpetrating abuse')).toBe(1);

    // February: disability and children blank (one case not collected), the rest stated.
    expect(at(2, 'Number of cases discussed')).toBe(2);
    expect(at(2, 'Victim has a disability')).toBeNull();
    expect(at(2, 'Number of children in the households')).toBeNull();
    expect(at(2, 'Victim aged 65 or over')).toBe(1);
    expect(at(2, 'Referrals from: Police')).toBe(2);
    expect(at(2, 'Victim is male')).toBe(0);

    // March: counts of cases and repeats known; every characteristic blank.
    expect(at(3, 'Number of cases discussed')).toBe(1);
    expect(at(3, 'Number of repeat cases')).toBe(0);
    expect(sheet[3]!.slice(4)).toEqual(Array(RETURN_HEADERS.length - 4).fill(null));

    // The check list names each heard case lacking data, and nothing else.
    expect(r.checks.map((c) => [c.meetingDate, c.caseReference, c.missing.length])).toEqual([
      ['2025-02-12', 'MC-GAP', 2],
      ['2025-03-12', 'MC-NONE', 9],
    ]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'safelives-return.export',
        detail: { meetings: 3, casesMissingData: 2 },
      }),
    ]);
  });

  it('gives one meeting on its own, and refuses one not yet ended or another role', async () => {
    const m = await aMeeting(w, { start: '2025-01-15T10:00:00Z' });
    await aCaseReturn(w, (await aCase(w, m)).agendaItemId, full);
    const r = await safeLivesReturn(deps(), coordinator(), { meetingId: m }, 'view');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.cells.slice(2, 4)).toEqual([1, 0]);
    const open = await aMeeting(w, { start: '2025-02-12T10:00:00Z', status: 'scheduled' });
    await expect(
      safeLivesReturn(deps(), coordinator(), { meetingId: open }, 'view'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      safeLivesReturn(deps(), { ...coordinator(), roles: ['steering'] }, Q1, 'view'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
