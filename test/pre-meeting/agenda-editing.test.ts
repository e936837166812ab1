import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateColumns } from '../../core/agenda/case-list-template.js';
import { SEEDED_MEETING, startPreMeetingApp, type PreMeetingApp } from './support.js';

let app: PreMeetingApp;
let later: string;
beforeAll(async () => {
  app = await startPreMeetingApp();
  const created = await app.call('coordinator', 'POST', '/api/meetings', {
    kind: 'extraordinary',
    title: 'Northfield MARAC (extra)',
    day: '2027-04-28',
    startTime: '09:30',
    endTime: '13:00',
  });
  later = created.body.meetings[0].meetingId;
});
afterAll(async () => app.close());

const items = async (meetingId: string) =>
  (
    await app.db.query<{ id: string; position: number; case_number: string }>(
      `SELECT ai.id, ai.position, c.case_number FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = $1 ORDER BY ai.position`,
      [meetingId],
    )
  ).rows;
const auditActions = async (action: string) =>
  (
    await app.db.query<{ record_id: string; detail: Record<string, unknown> }>(
      'SELECT record_id, detail FROM audit_log WHERE action = $1',
      [action],
    )
  ).rows;

describe('agenda editing before the meeting (FR-027, FR-028)', () => {
  it('the coordinator moves a case up without using an agency’s move allowance', async () => {
    const before = await items(SEEDED_MEETING);
    const last = before.at(-1)!;
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${last.id}/position`,
      { toPosition: 1 },
    );
    expect(res.status).toBe(200);
    const after = await items(SEEDED_MEETING);
    expect(after[0]?.id).toBe(last.id);
    expect(after.map((i) => i.position)).toEqual(before.map((_, i) => i + 1));
    const moves = await app.db.query('SELECT 1 FROM agenda_move');
    expect(moves.rows).toHaveLength(0);
    expect(await auditActions('agenda.reorder')).toEqual([
      expect.objectContaining({ record_id: last.id }),
    ]);
    const bad = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${last.id}/position`,
      { toPosition: 99 },
    );
    expect(bad.status).toBe(400);
    expect(await items(SEEDED_MEETING)).toEqual(after);
  });

  it('defers a case to the next meeting, keeping it once, and says where it went', async () => {
    const [first] = await items(SEEDED_MEETING);
    const res = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${first!.id}/defer`,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.deferredTo.meetingId).toBe(later);
    expect((await items(SEEDED_MEETING)).map((i) => i.id)).not.toContain(first!.id);
    expect((await items(later)).map((i) => i.id)).toEqual([first!.id]);
    expect(await auditActions('agenda.defer')).toEqual([
      expect.objectContaining({ record_id: first!.id, detail: { toMeeting: later } }),
    ]);
    // Nothing after the extra meeting: a plain refusal, nothing moved.
    const none = await app.call(
      'coordinator',
      'POST',
      `/api/meetings/${later}/agenda/${first!.id}/defer`,
      {},
    );
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/no later MARAC meeting/);
    expect((await items(later)).map((i) => i.id)).toEqual([first!.id]);
  });

  it('removes a case only with a reason, keeps the reason and audits ids only', async () => {
    const [first] = await items(SEEDED_MEETING);
    const url = `/api/meetings/${SEEDED_MEETING}/agenda/${first!.id}/remove`;
    const refused = await app.call('coordinator', 'POST', url, { reason: '  ' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Say why/);
    expect((await items(SEEDED_MEETING)).map((i) => i.id)).toContain(first!.id);

    const ok = await app.call('coordinator', 'POST', url, { reason: 'Referral withdrawn' });
    expect(ok.status).toBe(200);
    expect((await items(SEEDED_MEETING)).map((i) => i.id)).not.toContain(first!.id);
    const removal = await app.db.query<{ reason: string }>(
      'SELECT reason FROM agenda_removal WHERE meeting_id = $1',
      [SEEDED_MEETING],
    );
    expect(removal.rows).toEqual([{ reason: 'Referral withdrawn' }]);
    const [audit] = await auditActions('agenda.remove');
    expect(JSON.stringify(audit)).not.toContain('withdrawn');
  });
});

describe('the case-list template (FR-027)', () => {
  const download = async (format: 'csv' | 'xlsx') => {
    const res = await app.as('coordinator')(
      `/api/meetings/${later}/agenda/template?format=${format}`,
    );
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };
  const upload = async (body: Uint8Array | string) => {
    const res = await app.as('coordinator')(`/api/meetings/${later}/agenda/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const values: Record<string, string> = {
    case_number: '',
    risk_level: 'High',
    risk_score: '12',
    referring_agency: 'Northfield Police',
    summary: 'Threats after separation',
    victim_name: 'Vera Templateton',
    victim_dob: '1990-05-14',
    perpetrator_name: 'Pat Templateton',
    repeat: 'N',
  };
  const rowFor = (caseNumber: string) =>
    templateColumns().map((c) => (c.key === 'case_number' ? caseNumber : (values[c.key] ?? '')));

  it('the screen’s explanation comes from the same column definitions', async () => {
    const res = await app.call(
      'coordinator',
      'GET',
      `/api/meetings/${later}/agenda/template?format=json`,
    );
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(templateColumns());
    expect(res.body.guidance.join(' ')).toContain('Northfield Police');
  });

  it('the CSV downloads as the import’s headings, and filled in it imports', async () => {
    const csv = new TextDecoder().decode(await download('csv'));
    expect(csv.trim().split(',')).toEqual(templateColumns().map((c) => c.header));
    const before = (await items(later)).length;
    const res = await upload(`${csv}${rowFor('TPL-CSV-1').join(',')}\r\n`);
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(1);
    expect((await items(later)).map((i) => i.case_number)).toContain('TPL-CSV-1');
    expect((await items(later)).length).toBe(before + 1);
  });

  it('the Excel file explains every column on a second sheet, and filled in it imports', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download('xlsx')) as unknown as ArrayBuffer);
    const [cases, help] = workbook.worksheets;
    expect(cases?.name).toBe('Cases');
    expect(help?.name).toBe('How to fill this in');
    expect(cases?.rowCount).toBe(1);
    const helpText = help!.getSheetValues().flat().join(' ');
    for (const c of templateColumns()) {
      expect(helpText).toContain(c.header);
      expect(helpText).toContain(c.explanation);
    }
    expect(helpText).toContain('Northfield Police');
    cases!.addRow(rowFor('TPL-XLSX-1'));
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await upload(filled);
    expect(res.status).toBe(201);
    expect((await items(later)).map((i) => i.case_number)).toContain('TPL-XLSX-1');
  });

  it('a template with a required column taken out is refused, naming the column; nothing stored', async () => {
    const columns = templateColumns().filter((c) => c.key !== 'summary');
    const before = await items(later);
    const row = rowFor('TPL-BAD-1').filter((_, i) => templateColumns()[i]?.key !== 'summary');
    const res = await upload(`${columns.map((c) => c.header).join(',')}\r\n${row.join(',')}\r\n`);
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([
      { row: 1, field: 'Summary', message: 'This required column is missing.' },
    ]);
    expect(await items(later)).toEqual(before);
  });
});
