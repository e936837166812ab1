import ExcelJS from 'exceljs';
import type { CaseListRenderer } from '../../../core/circulation/circulation-deps.js';
import { formatMeetingStart } from '../../../core/scheduling/format.js';
import { neutraliseCell } from '../../../core/spreadsheet/formula.js';

/**
 * The case-list export uploaded to SharePoint (open cases only). Every value is written as a
 * string or number cell, never a formula, so nothing in it runs when opened; a text cell that
 * would start a formula once copied or saved as CSV is prefixed with an apostrophe (OWASP).
 */
export const xlsxCaseListRenderer: CaseListRenderer = {
  async render({ meetingTitle, meetingStart, timeZone, items }) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Case list');
    const row = (cells: (string | number)[]) => sheet.addRow(cells.map(neutraliseCell));
    row([
      `${meetingTitle}: ${formatMeetingStart(meetingStart, timeZone)}. Strictly Private & Confidential.`,
    ]);
    row([
      'Position',
      'Planned start',
      'Case number',
      'Risk level',
      'Risk score',
      'Repeat',
      'Referring agency',
      'Summary',
      'Victim',
      'Perpetrator',
      'Children',
    ]);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const item of items) {
      const names = (kind: string) =>
        item.subjects
          .filter((s) => s.kind === kind)
          .map((s) => [s.fullName, s.dateOfBirth, s.address].filter(Boolean).join(', '))
          .join('; ');
      row([
        item.position,
        item.plannedStart ? time.format(item.plannedStart) : '',
        item.caseNumber,
        item.riskLevel,
        item.riskScore ?? '',
        item.isRepeat ? 'Yes' : 'No',
        item.referringAgency?.name ?? '',
        item.summary ?? '',
        names('victim'),
        names('perpetrator'),
        names('child'),
      ]);
    }
    const day = meetingStart.toISOString().slice(0, 10);
    return {
      fileName: `case-list-${day}-${Date.now().toString(36)}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: new Uint8Array(await workbook.xlsx.writeBuffer()),
    };
  },
};
