import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** The rows of an export's first sheet as text (headings first), read back with exceljs. */
export async function readXlsx(body: ArrayBuffer): Promise<{ rows: string[][]; about: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  const text = (sheet: ExcelJS.Worksheet | undefined) => {
    const rows: string[][] = [];
    sheet?.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return rows;
  };
  const [data, about] = workbook.worksheets;
  return { rows: text(data), about: text(about).map((r) => r[0] ?? '') };
}

/** A CSV export read back with csv-parse (byte-order mark removed). */
export function readCsv(body: string): string[][] {
  return parse(body, { bom: true, relax_column_count: false }) as string[][];
}

/** Rows as objects keyed by the heading row. */
export function byHeading(rows: string[][]): Record<string, string>[] {
  const [headings = [], ...rest] = rows;
  return rest.map((r) => Object.fromEntries(headings.map((h, i) => [h, r[i] ?? ''])));
}
