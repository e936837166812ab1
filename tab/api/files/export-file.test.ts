import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../../core/exports/export-table.js';
import { tableCsv, tableXlsx } from './export-file.js';

const table: ExportTable = {
  title: 'Action register',
  headings: ['Reference', 'Action', 'Escalation step reached'],
  rows: [
    ['A-0001', '=1+1', 2],
    ['A-0002', 'Say "hello", then\nleave', -3],
    ['A-0003', ' @SUM(A1)', null],
  ],
  about: ['+ exported for someone'],
};

describe('export files', () => {
  it('CSV: quoted where needed, formulas neutralised, numbers kept, readable by csv-parse', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(tableCsv(table));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['Reference', 'Action', 'Escalation step reached'],
      ['A-0001', "'=1+1", '2'],
      ['A-0002', 'Say "hello", then\nleave', '-3'],
      ['A-0003', "' @SUM(A1)", ''],
    ]);
  });

  it('XLSX: values only (no formula cells), apostrophes on formula text, an about sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx(table)).buffer as ArrayBuffer);
    const [sheet, about] = workbook.worksheets;
    expect(sheet?.name).toBe('Action register');
    expect(sheet?.getRow(2).values).toEqual([undefined, 'A-0001', "'=1+1", 2]);
    let formulas = 0;
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
    expect(about?.getCell('A1').value).toBe("'+ exported for someone");
  });
});
