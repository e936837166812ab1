import ExcelJS from 'exceljs';
import { templateColumns, templateGuidance } from '../../../core/agenda/case-list-template.js';
import { neutraliseCell } from '../../../core/spreadsheet/formula.js';

/**
 * The Excel case-list template: the first sheet ("Cases") holds the headings the import reads
 * and nothing else, so it imports as downloaded once rows are added; the second sheet explains
 * every column. Both come from the import's column definitions.
 */
export async function templateXlsx(agencyNames: readonly string[]): Promise<Uint8Array> {
  const columns = templateColumns();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Virtual MARAC';
  const cases = workbook.addWorksheet('Cases', { views: [{ state: 'frozen', ySplit: 1 }] });
  cases.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => {
    const column = cases.getColumn(i + 1);
    column.width = Math.max(14, c.header.length + 4);
    // Text, so Excel keeps case numbers and dates as typed instead of converting them.
    column.numFmt = '@';
  });

  const help = workbook.addWorksheet('How to fill this in');
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 12;
  help.getColumn(3).width = 80;
  help.getColumn(4).width = 40;
  help.addRow(['How to fill in the case list']).font = { bold: true, size: 14 };
  for (const line of templateGuidance(agencyNames)) help.addRow([neutraliseCell(line)]);
  help.addRow([]);
  help.addRow(['Column', 'Required', 'What to enter', 'Example']).font = { bold: true };
  for (const c of columns)
    help.addRow([c.header, c.required ? 'Required' : 'Optional', c.explanation, c.example]);
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
