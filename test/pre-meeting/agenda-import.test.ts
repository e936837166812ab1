import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreMeetingApp, type PreMeetingApp } from './support.js';

let app: PreMeetingApp;
let meetingId: string;
beforeAll(async () => {
  app = await startPreMeetingApp();
  const created = await app.call('coordinator', 'POST', '/api/meetings', {
    kind: 'extraordinary',
    title: 'Northfield MARAC (extra)',
    day: '2027-04-28',
    startTime: '09:30',
    endTime: '13:00',
  });
  meetingId = created.body.meetings[0].meetingId;
});
afterAll(async () => app.close());

const HEADER =
  'Case number,Risk level,Risk score,Referring agency,Summary,Victim name,Victim date of birth,Perpetrator name,Children';
const row = (
  n: string,
  risk = 'high',
  extra: Partial<Record<'dob' | 'agency' | 'summary' | 'victim', string>> = {},
) =>
  [
    n,
    risk,
    '15',
    extra.agency ?? 'Northfield Police',
    extra.summary ?? 'Threats after separation',
    extra.victim ?? 'Vera Importwell',
    extra.dob ?? '12/05/1990',
    'Pat Importwell',
    'Kit Importwell (2019-02-03)',
  ].join(',');

async function upload(body: string | Uint8Array, query = '') {
  const res = await app.as('coordinator')(`/api/meetings/${meetingId}/agenda/import${query}`, {
    method: 'POST',
    headers: {
      'content-type':
        typeof body === 'string'
          ? 'text/csv'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  return { status: res.status, body: await res.json() };
}

async function itemCount(): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM agenda_item WHERE meeting_id = $1',
    [meetingId],
  );
  return rows[0]?.n ?? -1;
}

describe('case-list import: all or nothing, every bad row and field named (FR-027)', () => {
  it.each([
    [
      'wrong headers',
      'Case,Risk,Agency\nA-1,high,Northfield Police',
      [
        { row: 1, field: 'Case' },
        { row: 1, field: 'Case number' },
        { row: 1, field: 'Summary' },
      ],
    ],
    [
      'a bad date',
      `${HEADER}\n${row('NF-1', 'high')}\n${row('NF-2', 'high', { dob: '31/02/1990' })}`,
      [
        {
          row: 3,
          field: 'Victim date of birth',
          message: expect.stringContaining('Not a valid date'),
        },
      ],
    ],
    [
      'a duplicate case number',
      `${HEADER}\n${row('NF-1')}\n${row('NF-3')}\n${row('nf-1')}`,
      [
        {
          row: 4,
          field: 'Case number',
          message: 'The same case number is already on row 2 of this file.',
        },
      ],
    ],
    [
      'an unknown agency',
      `${HEADER}\n${row('NF-1')}\n${row('NF-2', 'medium', { agency: 'Gotham Police' })}`,
      [{ row: 3, field: 'Referring agency', message: expect.stringContaining('No agency') }],
    ],
    [
      'a formula-injection cell',
      `${HEADER}\n${row('NF-1', 'high', { summary: '"=HYPERLINK(""http://evil.example"",""x"")"' })}\n${row('NF-2', 'high', { victim: '@SUM(A1)' })}`,
      [
        { row: 2, field: 'Summary', message: expect.stringContaining('formula') },
        { row: 3, field: 'Victim name', message: expect.stringContaining('formula') },
      ],
    ],
    ['a bad risk level', `${HEADER}\n${row('NF-1', 'severe')}`, [{ row: 2, field: 'Risk level' }]],
  ])('rejects %s, names the row and field, and imports nothing', async (_what, csv, problems) => {
    const res = await upload(csv);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    expect(res.body.error.details.problems).toEqual(
      expect.arrayContaining(problems.map((p) => expect.objectContaining(p))),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/Vera|Importwell|1990|evil/);
    expect(await itemCount()).toBe(0);
  });

  it('rejects an oversized file and says the limit', async () => {
    const big = `${HEADER}\n${row('NF-1', 'high', { summary: 'x'.repeat(1_100_000) })}`;
    const res = await upload(big);
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0]).toMatchObject({
      row: 0,
      field: 'file',
      message: expect.stringContaining('limit is 1 MB'),
    });
    const huge = await upload(`${HEADER}\n${'y'.repeat(5 * 1_048_576)}`);
    expect(huge.status).toBe(422);
    expect(huge.body.error.details.problems[0].message).toContain('1 MB limit');
    expect(await itemCount()).toBe(0);
  });

  it('refuses formula and link cells in a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(row('NF-1').split(','));
    sheet.addRow(row('NF-2').split(','));
    sheet.getCell('E2').value = {
      formula: 'HYPERLINK("http://evil.example","x")',
      result: 'x',
    } as ExcelJS.CellFormulaValue;
    sheet.getCell('F3').value = { text: 'click', hyperlink: 'http://evil.example' };
    const res = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([
      { row: 2, field: 'Summary', message: 'The cell holds a formula; enter plain text.' },
      { row: 3, field: 'Victim name', message: 'The cell holds a link; enter plain text.' },
    ]);
    expect(await itemCount()).toBe(0);
  });

  it('imports a good workbook risk-first with planned start times, repeats marked and a capacity warning', async () => {
    await app.db.query(
      `UPDATE area SET policy = policy || '{"capacity":{"maxCases":2,"maxSessionMinutes":240}}'::jsonb`,
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    sheet.addRow([...HEADER.split(','), 'Planned minutes']);
    sheet.addRow([
      'NF-10',
      'medium',
      5,
      'Northfield IDVA Service',
      'Escalating',
      'Una Orderly',
      new Date('1991-01-02'),
      'Ivo Orderly',
      '',
      20,
    ]);
    sheet.addRow([
      'NF-11',
      'very high',
      20,
      'Northfield Police',
      'Strangulation',
      'Ava Fictionwood',
      new Date('1994-03-11'),
      'Boris Blusterton',
      '',
      null,
    ]);
    sheet.addRow([
      'NF-12',
      'High',
      16,
      'Northfield Police',
      'Stalking',
      'Hal Orderly',
      '1988-08-08',
      'Jo Orderly',
      '',
      null,
    ]);
    const dry = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()), '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ imported: 3, dryRun: true });
    expect(await itemCount()).toBe(0);

    const res = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(res.status).toBe(201);
    expect(res.body.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([
      'NF-11',
      'NF-12',
      'NF-10',
    ]);
    expect(res.body.items.map((i: { plannedStart: string }) => i.plannedStart)).toEqual([
      '2027-04-28T08:40:00.000Z',
      '2027-04-28T08:50:00.000Z',
      '2027-04-28T09:00:00.000Z',
    ]);
    // NF-11's victim and perpetrator were heard at the seeded meeting in March (FR-093).
    expect(res.body.items[0]).toMatchObject({ isRepeat: true, repeatCount: 1 });
    expect(res.body.items[2]).toMatchObject({ isRepeat: false, plannedMinutes: 20 });
    expect(res.body.capacity.warnings).toEqual([
      expect.stringContaining("more than the area's limit of 2"),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/Orderly|Fictionwood|Strangulation/);
  });
});
