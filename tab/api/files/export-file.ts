import ExcelJS from 'exceljs';
import type { Cell, ExportFormat, ExportTable } from '../../../core/exports/export-table.js';
import { neutraliseCell } from '../../../core/spreadsheet/formula.js';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Every text cell that would start a formula gets its apostrophe (OWASP), numbers stay numbers. */
const safe = (cell: Cell): string | number => (cell === null ? '' : neutraliseCell(cell));

function csvField(cell: Cell): string {
  const text = String(safe(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV (RFC 4180) with a byte-order mark so Excel reads it as UTF-8; headings on the first line,
 * nothing else, so the file loads straight into another tool.
 */
export function tableCsv(table: ExportTable): Uint8Array {
  const lines = [table.headings, ...table.rows].map((row) => row.map(csvField).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/**
 * A workbook: the table on the first sheet (bold, frozen heading row, filters, widths to fit)
 * and "About this export" (who it was exported for, when, how to keep it) on the second. Cells
 * are values, never formulas.
 */
export async function tableXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Virtual MARAC';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.headings.map(safe)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(safe));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(
      ...[table.headings[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map(
        (t) => t.length,
      ),
    );
    column.width = Math.min(60, Math.max(10, longest + 2));
    column.alignment = { vertical: 'top', wrapText: longest > 60 };
  });
  if (table.headings.length)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.headings.length },
    };
  const about = workbook.addWorksheet('About this export');
  for (const line of table.about) about.addRow([safe(line)]);
  about.getColumn(1).width = 100;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function renderExport(
  table: ExportTable,
  format: ExportFormat,
): Promise<{ content: Uint8Array; contentType: string }> {
  return {
    content: format === 'csv' ? tableCsv(table) : await tableXlsx(table),
    contentType: EXPORT_CONTENT_TYPES[format],
  };
}
