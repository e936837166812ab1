import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  MAX_IMPORT_BYTES,
  type Sheet,
  type SheetCell,
} from '../../../core/agenda/case-list-import.js';
import { DomainError } from '../../../core/errors.js';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function rejected(message: string, row = 0): DomainError {
  return new DomainError('IMPORT_REJECTED', undefined, {
    problems: [{ row, field: 'file', message }],
  });
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded case list (CSV or XLSX) into cells without evaluating anything: formula
 * cells and links come back marked so validation can refuse them. The size limit is checked
 * first and stated in the error.
 */
export async function readCaseListFile(content: Uint8Array): Promise<Sheet> {
  if (content.byteLength === 0) throw rejected('The file is empty.');
  if (content.byteLength > MAX_IMPORT_BYTES)
    throw rejected(
      `The file is ${(content.byteLength / 1_048_576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1_048_576} MB. Split it or remove unused sheets and columns.`,
    );
  if (startsWith(content, OLE_MAGIC))
    throw rejected(
      'This is an old-style .xls workbook: save it as .xlsx or .csv and upload again.',
    );
  return startsWith(content, XLSX_MAGIC) ? readXlsx(content) : readCsv(content);
}

function readCsv(content: Uint8Array): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw rejected(
      'The file is neither an .xlsx workbook nor UTF-8 text (CSV): save it as CSV UTF-8 or .xlsx.',
    );
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw rejected('The CSV is malformed (an unclosed quote or a stray quote mark).', line);
  }
  const [headers = [], ...rest] = records;
  return {
    headers,
    rows: rest.map((cells, index) => ({ rowNumber: index + 2, cells })),
  };
}

async function readXlsx(content: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
  } catch {
    throw rejected('The workbook could not be read: save it again as .xlsx or .csv.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw rejected('The workbook has no worksheet.');
  const width = sheet.columnCount;
  const cellsOf = (rowNumber: number): SheetCell[] => {
    const row = sheet.getRow(rowNumber);
    return Array.from({ length: width }, (_, i) => toCell(row.getCell(i + 1)));
  };
  const rows: Sheet['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) rows.push({ rowNumber: r, cells: cellsOf(r) });
  return { headers: cellsOf(1), rows };
}

function toCell(cell: ExcelJS.Cell): SheetCell {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Number:
      return cell.value as number;
    case ExcelJS.ValueType.Boolean:
      return cell.value as boolean;
    case ExcelJS.ValueType.Date:
      return cell.value as Date;
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return String(cell.value);
    case ExcelJS.ValueType.RichText:
      return (cell.value as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    case ExcelJS.ValueType.Formula:
      return { kind: 'formula' };
    case ExcelJS.ValueType.Hyperlink:
      return { kind: 'link' };
    default:
      return { kind: 'unsupported' };
  }
}
