import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../core/spreadsheet/formula.js';
import type { SafeLivesReturn } from '../../../core/reports/safelives-return.js';

/**
 * The SafeLives return as an Excel workbook: one sheet, the header row, one row per meeting.
 * A figure that cannot be stated (not collected) is an empty cell, never 0 or a dash; every
 * text cell passes the formula-injection guard (core/spreadsheet/formula.ts). Nothing in it
 * names a person: the area's name, meeting dates and counts only.
 */
export async function safeLivesReturnXlsx(r: SafeLivesReturn): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Marac data');
  sheet.addRow(r.headers.map(neutraliseCell));
  for (const row of r.rows) {
    const added = sheet.addRow([]);
    row.cells.forEach((cell, i) => {
      // Leave a not-collected figure as a truly empty cell.
      if (cell !== null) added.getCell(i + 1).value = neutraliseCell(cell);
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
