import { mkdir, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/ports/audit-log.js';
import type { Role } from '../../core/roles.js';
import { steeringPack, type SteeringPack } from '../../core/reports/steering-pack.js';
import { FEWER_THAN_5 } from '../../core/reports/steering-view.js';
import { PgAttendanceStore } from '../../store/attendance-store.js';
import { PgGovernanceStore } from '../../store/governance-store.js';
import { PgPopulationStore } from '../../store/population-store.js';
import { steeringPackDocx } from '../../tab/api/files/steering-pack-docx.js';
import { steeringPackXlsx } from '../../tab/api/files/steering-pack-xlsx.js';
import {
  aCase,
  aCaseReturn,
  aMeeting,
  anAction,
  anApology,
  anArea,
  anAttendance,
  anInvitee,
  aPopulation,
  type World,
} from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/**
 * The steering group's quarterly pack (core/reports/steering-pack.ts) over a quarter the
 * builders write, read through the stores on PGlite or (DATABASE_URL) PostgreSQL: every figure
 * hand-computed below. Then the steering group's version, and its Word and Excel files read
 * back: no case reference, no name, no count of cases or actions from 1 to 4.
 *
 * Q1 2025 (90 days), today 2 April 2025. Three meetings: January (case list circulated on its
 * date), February (a day late), March (never circulated; ran 20 minutes over). Ten cases heard
 * (three repeats), two listed but not heard.
 */
let db: TestDb;
let w: World;
const audit: AuditEntry[] = [];
const Q1 = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const VICTIM = 'Nadia Packcase';
const refs: string[] = [];

const full = {
  referralSource: 'police',
  victimMinoritised: false,
  victimEthnicity: 'white',
  victimLgbtq: false,
  victimDisabled: false,
  victimSex: 'female',
  victimAgeBand: '25-34',
  harmerUnder18: false,
  childrenInHousehold: 1,
} as const;

beforeEach(async () => {
  db = await createTestDb();
  w = await anArea(db, 'Builder MARAC');
  // Agencies may leave after their own cases, so each is expected only for the cases it is
  // involved in (under "all cases" every invited agency is: test/admin/policy-effects.test.ts).
  await db.query(
    `UPDATE area SET policy = policy || '{"attendancePolicy":"leave-after-own-case"}'::jsonb WHERE id = $1`,
    [w.areaId],
  );
  audit.length = 0;
  refs.length = 0;
  await aPopulation(w, { 'adult-women': 30_000, minoritised: 12, disabled: 18 });
  const jan = await aMeeting(w, {
    start: '2025-01-15T10:00:00Z',
    circulationDueOn: '2025-01-08',
    circulatedAt: '2025-01-08T16:00:00Z',
  });
  const feb = await aMeeting(w, {
    start: '2025-02-12T10:00:00Z',
    circulationDueOn: '2025-02-05',
    circulatedAt: '2025-02-06T09:00:00Z',
  });
  const mar = await aMeeting(w, {
    start: '2025-03-12T10:00:00Z',
    circulationDueOn: '2025-03-05',
    endedAt: '2025-03-12T13:20:00Z',
  });
  // Ten heard cases: sources police ×6 (two repeats), IDVA ×2 (one repeat), housing ×1, one
  // not recorded; three minoritised, one not collected; two disabled; four with a referral
  // date (10, 20, 30 and 40 days before the meeting).
  const plan: {
    m: string;
    source: 'police' | 'idva' | 'housing' | null;
    repeat?: boolean;
    minoritised?: boolean | null;
    disabled?: boolean;
    referredOn?: string;
    basis?: 'actuarial' | 'professional-judgement';
  }[] = [
    { m: jan, source: 'police', repeat: true, minoritised: true, referredOn: '2025-01-05' },
    { m: jan, source: 'police', repeat: true, minoritised: true, referredOn: '2024-12-26' },
    { m: jan, source: 'idva', repeat: true, disabled: true, referredOn: '2024-12-16' },
    { m: jan, source: 'police', minoritised: null, referredOn: '2024-12-06' },
    { m: feb, source: 'police', disabled: true, basis: 'actuarial' },
    { m: feb, source: 'idva', minoritised: true, basis: 'actuarial' },
    { m: feb, source: 'housing', basis: 'professional-judgement' },
    { m: mar, source: 'police' },
    { m: mar, source: 'police' },
    { m: mar, source: null },
  ];
  const cases = [];
  for (const p of plan) {
    const c = await aCase(w, p.m, {
      repeat: p.repeat ?? false,
      children: 1,
      referredOn: p.referredOn,
      basis: p.basis,
    });
    refs.push(c.reference);
    await aCaseReturn(
      w,
      c.agendaItemId,
      {
        ...full,
        referralSource: p.source,
        victimMinoritised: p.minoritised === undefined ? false : p.minoritised,
        victimDisabled: p.disabled ?? false,
      },
      p.repeat ?? false,
    );
    cases.push(c);
  }
  for (const m of [feb, mar]) refs.push((await aCase(w, m, { heard: false })).reference);
  await db.query(`INSERT INTO case_subject (case_id, kind, full_name) VALUES ($1, 'victim', $2)`, [
    cases[0]!.caseId,
    VICTIM,
  ]);

  // Ten actions: victim ×4, children ×3, perpetrator ×2, other ×1; three joint; police owns
  // six, housing four; one open and escalated.
  const mix: {
    category: 'victim' | 'children' | 'perpetrator' | 'other';
    owner: 'police' | 'housing';
    joint?: boolean;
  }[] = [
    { category: 'victim', owner: 'police', joint: true },
    { category: 'victim', owner: 'police' },
    { category: 'victim', owner: 'housing' },
    { category: 'victim', owner: 'housing', joint: true },
    { category: 'children', owner: 'police' },
    { category: 'children', owner: 'police' },
    { category: 'children', owner: 'housing', joint: true },
    { category: 'perpetrator', owner: 'police' },
    { category: 'perpetrator', owner: 'police' },
    { category: 'other', owner: 'housing' },
  ];
  for (const [i, a] of mix.entries())
    refs.push(
      await anAction(w, cases[i]!, jan, {
        owner: a.owner,
        category: a.category,
        joint: a.joint,
        state: i === 0 ? 'open' : 'done',
        completedOn: i === 0 ? null : '2025-01-20',
        escalationLevel: i === 0 ? 2 : 0,
      }),
    );

  // January's attendance: police present for the meeting (camera on throughout, seen by the
  // calling bot) and for three of its four cases; housing present (camera on half the time,
  // attested by the chair) but involved in no case; the IDVA service sent apologies with a
  // written submission.
  const police = await anInvitee(w, jan, 'police');
  const housing = await anInvitee(w, jan, 'housing');
  await anInvitee(w, jan, 'idva', 'idva');
  await anAttendance(w, jan, police, 'police');
  await anAttendance(w, jan, housing, 'housing', { cameraOn: 300, cameraSource: 'attestation' });
  for (const c of cases.slice(0, 3))
    await anAttendance(w, jan, police, 'police', { agendaItemId: c.agendaItemId });
  await anApology(w, jan, 'idva', { writtenSubmission: true });
});
afterEach(async () => db.dispose());

const pack = (
  roles: Role[],
  opts: { steeringVersion?: boolean; purpose?: 'view' | 'docx' | 'xlsx' } = {},
) =>
  steeringPack(
    {
      repos: new PgGovernanceStore(db),
      attendance: new PgAttendanceStore(db),
      population: new PgPopulationStore(db),
      audit: { record: async (e: AuditEntry) => void audit.push(e) },
      clock: new FakeClock('2025-04-02T09:00:00Z'),
    },
    { personId: 'p', areaId: w.areaId, roles },
    Q1,
    { purpose: opts.purpose ?? 'view', steeringVersion: opts.steeringVersion },
  );

describe('the steering pack’s figures', () => {
  it('counts volumes, repeats and volume against SafeLives’ bands', async () => {
    const p = await pack(['coordinator']);
    expect(p.suppressed).toBe(false);
    expect(p.period).toMatchObject({ firstDay: '2025-01-01', lastDay: '2025-03-31' });
    expect(p.volumes).toMatchObject({
      meetings: 3,
      casesOnAgenda: 12,
      casesHeard: 10,
      casesNotHeard: 2,
      repeatCases: 3,
      repeatRate: 0.3,
      repeatBand: { low: 0.28, high: 0.4, position: 'within' },
      childrenInHouseholds: 10,
      adultWomen: 30_000,
      // 40 a year per 10,000 women: 120 a year, 90 days of it.
      expectedCases: 29.6,
      volumeShare: 0.338,
      volumeBand: { low: 0.8, high: 1, position: 'below' },
    });
  });

  it('gives referral sources in SafeLives’ groups, with who refers repeats', async () => {
    const p = await pack(['coordinator']);
    expect(p.referralSources).toEqual([
      { key: 'police', label: 'Police', cases: 6, repeats: 2, share: 0.6 },
      { key: 'idva', label: 'IDVA service', cases: 2, repeats: 1, share: 0.2 },
      { key: 'housing', label: 'Housing', cases: 1, repeats: 0, share: 0.1 },
      { key: 'not-recorded', label: 'Not recorded', cases: 1, repeats: 0, share: 0.1 },
    ]);
  });

  it('compares the equality profile with the population figures entered', async () => {
    const p = await pack(['coordinator']);
    const row = (key: string) => p.equality.find((e) => e.key === key);
    expect(row('minoritised')).toMatchObject({
      cases: 3,
      recorded: 9,
      notCollected: 1,
      share: 0.333,
      populationShare: 0.12,
    });
    expect(row('disabled')).toMatchObject({
      cases: 2,
      recorded: 10,
      share: 0.2,
      populationShare: 0.18,
    });
    expect(row('lgbtq')).toMatchObject({ cases: 0, recorded: 10, share: 0, populationShare: null });
    expect(row('ethnicity-white')).toMatchObject({ cases: 10, share: 1 });
  });

  it('gives attendance per agency and per case, and camera share with its evidence', async () => {
    const p = await pack(['coordinator']);
    const agency = (name: string) => p.attendance.byAgency.find((a) => a.name === name)!;
    expect(agency('Builder police')).toMatchObject({
      meetingsAttended: 1,
      meetingsExpected: 1,
      // Involved in all ten heard cases: present at three, absent at seven.
      casesExpected: 10,
      casesPresent: 3,
      casesAbsent: 7,
      caseAttendanceRate: 0.3,
      cameraOnShare: 1,
      cameraEvidence: 'Teams, seen live by the calling bot',
    });
    expect(agency('Builder idva')).toMatchObject({
      meetingsAttended: 0,
      casesExpected: 10,
      casesApologiesWritten: 4,
      casesAbsent: 6,
      casesPresent: 0,
    });
    expect(agency('Builder housing')).toMatchObject({
      meetingsAttended: 1,
      casesExpected: 0,
      cameraOnShare: 0.5,
      cameraEvidence: 'The chair’s attestation',
    });
    expect(p.attendance.cameraOnShare).toBe(0.75);
    expect(p.attendance.cameraEvidence).toEqual([
      { source: 'attestation', label: 'The chair’s attestation', share: 0.5 },
      { source: 'calling-roster', label: 'Teams, seen live by the calling bot', share: 0.5 },
    ]);
  });

  it('gives timeliness: case lists, actions, escalations and referral to hearing', async () => {
    const p = await pack(['coordinator']);
    expect(p.timeliness.caseLists).toEqual({
      meetings: 3,
      meetingsOnTime: 1,
      meetingsLate: 1,
      meetingsNotCirculated: 1,
      meetingsWithoutDeadline: 0,
      onTimeRate: 0.333,
    });
    expect(p.timeliness.actions).toMatchObject({
      created: 10,
      doneOnTime: 9,
      open: 1,
      overdue: 1,
      completionRate: 0.9,
    });
    expect(p.timeliness.escalations).toMatchObject({ escalatedInPeriod: 1, outstanding: 1 });
    expect(p.timeliness.referralToHearing).toEqual({
      recorded: 4,
      notRecorded: 6,
      within28Days: 2,
      within28DaysShare: 0.5,
      medianDays: 25,
    });
  });

  it('gives the action mix by category and agency, joint actions and meeting lengths', async () => {
    const p = await pack(['coordinator']);
    expect(p.actionMix.byCategory.map((c) => [c.category, c.actions, c.share])).toEqual([
      ['victim', 4, 0.4],
      ['children', 3, 0.3],
      ['perpetrator', 2, 0.2],
      ['staff', 0, 0],
      ['other', 1, 0.1],
    ]);
    expect(p.actionMix).toMatchObject({ total: 10, joint: 3, jointShare: 0.3 });
    expect(p.actionMix.byAgency).toEqual([
      {
        name: 'Builder police',
        total: 6,
        victim: 2,
        children: 2,
        perpetrator: 2,
        staff: 0,
        other: 0,
        joint: 1,
      },
      {
        name: 'Builder housing',
        total: 4,
        victim: 2,
        children: 1,
        perpetrator: 0,
        staff: 0,
        other: 1,
        joint: 2,
      },
    ]);
    expect(p.meetings).toEqual({
      averageMinutesPerCase: 1,
      averageMeetingMinutes: 186.7,
      meetingsOverran: 1,
    });
    expect(p.referralBasis).toEqual([
      { key: 'not-recorded', label: 'Not recorded', cases: 7 },
      { key: 'actuarial', label: 'Risk assessment score', cases: 2 },
      { key: 'professional-judgement', label: 'Professional judgement', cases: 1 },
    ]);
  });

  it('says which measures it cannot compute, and why, in words', async () => {
    const p = await pack(['coordinator']);
    const status = Object.fromEntries(p.measures.map((m) => [m.id, m.status]));
    expect(status).toMatchObject({
      'KPI-1': 'shown',
      'KPI-2': 'shown',
      'KPI-5': 'shown',
      'KPI-8': 'not-available',
      'KPI-9': 'not-available',
      'KPI-11': 'not-available',
      'KPI-14': 'partly',
      'KPI-15': 'shown',
      'KPI-16': 'not-available',
    });
    // Without the number of women aged 16 and over, the volume cannot be compared.
    await new PgPopulationStore(db).replacePopulation(w.areaId, [], null, null, new Date());
    const without = await pack(['coordinator']);
    expect(without.volumes).toMatchObject({ expectedCases: null, volumeShare: null });
    expect(without.measures.find((m) => m.id === 'KPI-2')).toMatchObject({
      status: 'not-available',
    });
    expect(JSON.stringify(p.tables)).not.toMatch(/KPI-\d|FR-\d/);
  });

  it('is audited with ids and counts only', async () => {
    await pack(['chair'], { purpose: 'docx' });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'steering-pack.export',
        recordType: 'steering_pack',
        detail: expect.objectContaining({ format: 'docx', suppressed: false, meetings: 3 }),
      }),
    ]);
  });
});

/** Every count in a table's count columns (not the meeting rows) that is from 1 to 4. */
function smallCountCells(p: SteeringPack): string[] {
  return p.tables.flatMap((t) =>
    t.rows.flatMap((row, r) =>
      t.countColumns
        .filter(() => !(t.exactRows ?? []).includes(r))
        .filter(
          (c) => typeof row[c] === 'number' && (row[c] as number) >= 1 && (row[c] as number) <= 4,
        )
        .map((c) => `${t.title} / ${String(row[0])} / ${t.head[c]} = ${String(row[c])}`),
    ),
  );
}

async function readXlsx(buffer: Buffer): Promise<Map<string, (string | number | null)[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, (string | number | null)[][]>();
  book.eachSheet((sheet) => {
    const rows: (string | number | null)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: (string | number | null)[] = [];
      for (let i = 1; i <= sheet.columnCount; i += 1) {
        const v = row.getCell(i).value;
        cells.push(v === null || v === undefined ? null : (v as string | number));
      }
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

describe('the steering group’s version', () => {
  it('has no case reference, no name and no count under 5, on the page and in both files', async () => {
    const steering = await pack(['steering'], { purpose: 'xlsx' });
    expect(steering.suppressed).toBe(true);
    expect(steering.volumes).toMatchObject({
      casesHeard: 10,
      casesNotHeard: FEWER_THAN_5,
      repeatCases: FEWER_THAN_5,
      repeatRate: null,
      repeatBand: { position: null },
      childrenInHouseholds: 10,
      volumeShare: 0.338,
    });
    expect(steering.referralSources[0]).toMatchObject({
      cases: 6,
      repeats: FEWER_THAN_5,
      share: 0.6,
    });
    expect(steering.referralSources[1]).toMatchObject({ cases: FEWER_THAN_5, share: null });
    expect(steering.timeliness.escalations).toMatchObject({
      escalatedInPeriod: FEWER_THAN_5,
      outstanding: FEWER_THAN_5,
    });
    expect(steering.actionMix.byCategory[1]).toMatchObject({ actions: FEWER_THAN_5, share: null });
    // Counts of meetings stay exact.
    expect(steering.timeliness.caseLists.meetingsOnTime).toBe(1);
    expect(smallCountCells(steering)).toEqual([]);
    const json = JSON.stringify(steering);
    for (const ref of refs) expect(json).not.toContain(ref);
    expect(json).not.toContain(VICTIM);

    // The Excel tables, read back.
    const sheets = await readXlsx(await steeringPackXlsx(steering));
    const volumes = sheets.get('Volumes and repeat cases')!;
    expect(volumes[3]).toEqual(['Figure', 'Number or share', 'Expected']);
    const value = (label: string) => volumes.find((r) => r[0] === label)?.[1];
    expect(value('Meetings held')).toBe(3);
    expect(value('Cases heard')).toBe(10);
    expect(value('Cases listed but not heard')).toBe(FEWER_THAN_5);
    expect(value('Repeat cases')).toBe(FEWER_THAN_5);
    expect(value('Repeat rate')).toBe('—');
    for (const t of steering.tables) {
      const sheet = [...sheets.entries()].find(([name]) =>
        t.title.startsWith(name.replace(/ \d+$/, '')),
      )?.[1];
      expect(sheet, t.title).toBeDefined();
      const body = sheet!.slice(4);
      expect(body).toHaveLength(t.rows.length);
      for (const [r, row] of body.entries())
        for (const c of t.countColumns)
          if (!(t.exactRows ?? []).includes(r)) {
            const cell = row[c];
            expect(
              typeof cell === 'number' && cell >= 1 && cell <= 4,
              `${t.title} ${String(row[0])}`,
            ).toBe(false);
          }
    }
    const allText = JSON.stringify([...sheets.values()]);
    for (const ref of refs) expect(allText).not.toContain(ref);
    expect(allText).not.toContain(VICTIM);
    expect(allText).toContain(FEWER_THAN_5);

    // The Word pack, read back (and kept in test-results to look at).
    const docx = await steeringPackDocx(steering);
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/steering-pack-aggregates.docx', docx);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const docText = xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
    for (const ref of refs) expect(docText).not.toContain(ref);
    expect(docText).not.toContain(VICTIM);
    expect(docText).toContain('Cases listed but not heardfewer than 5');
    expect(docText).toContain('Cases heard10');
    expect(docText).not.toMatch(/KPI-\d|FR-\d/);
    // Each table cell in a count column of the Word tables is never 1 to 4.
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) =>
      [...m[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
      ),
    );
    const withRows = steering.tables.filter((t) => t.rows.length > 0);
    for (const t of withRows) {
      // The data table is the one headed by the table's header (the chart is a table too).
      const found = tables.find((rows) => rows[0]?.join('|') === t.head.join('|'));
      expect(found, t.title).toBeDefined();
      expect(found!.length - 1).toBe(t.rows.length);
      for (const [r, row] of found!.slice(1).entries())
        for (const c of t.countColumns)
          if (!(t.exactRows ?? []).includes(r))
            expect(row[c], `${t.title} ${row[0]}`).not.toMatch(/^[1-4]$/);
    }
  });

  it('is what a coordinator gets when asking for the steering version', async () => {
    const p = await pack(['coordinator'], { steeringVersion: true });
    expect(p.suppressed).toBe(true);
    expect(p.volumes.casesNotHeard).toBe(FEWER_THAN_5);
  });
});
