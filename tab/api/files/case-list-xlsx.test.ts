import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../core/circulation/circulation-repository.js';
import { xlsxCaseListRenderer } from './case-list-xlsx.js';

const item = (summary: string, name: string): CaseListItem => ({
  agendaItemId: 'a',
  meetingId: 'm',
  caseNumber: 'NF-1',
  position: 1,
  riskLevel: 'high',
  riskScore: -1,
  isRepeat: false,
  repeatCount: 0,
  lastHeardOn: null,
  isClosedSession: false,
  referringAgency: { id: 'p', name: '@Police' },
  agenciesInvolved: [],
  plannedStart: null,
  plannedMinutes: 10,
  childrenCount: 0,
  referredOn: null,
  incidentOn: null,
  summary,
  addedAfterCirculation: false,
  createdAt: new Date(0),
  permittedPersonIds: [],
  subjects: [{ kind: 'victim', fullName: name, dateOfBirth: null, address: null }],
});

describe('case-list export', () => {
  it('writes text that would start a formula with a leading apostrophe, numbers as numbers', async () => {
    const file = await xlsxCaseListRenderer.render({
      meetingTitle: '=cmd|"/c calc"!A1',
      meetingStart: new Date('2027-04-28T08:30:00Z'),
      timeZone: 'Europe/London',
      items: [item(' =HYPERLINK("http://evil.example","x")', '\u00A0+SUM(1)')],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toMatch(/^'=cmd/);
    const row = sheet.getRow(3);
    expect(row.getCell(5).value).toBe(-1);
    expect(row.getCell(7).value).toBe("'@Police");
    expect(row.getCell(8).value).toBe(`' =HYPERLINK("http://evil.example","x")`);
    expect(row.getCell(9).value).toBe("'\u00A0+SUM(1)");
    for (let c = 1; c <= 11; c += 1) expect(row.getCell(c).formula).toBeUndefined();
  });
});
