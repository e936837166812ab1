import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type Sheet,
} from '../../../core/agenda/case-list-import.js';
import { DomainError } from '../../../core/errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits, readInWorker } from './case-list-worker.js';

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
 * first and stated in the error; the parsing itself runs in a worker with bounded memory and
 * time (case-list-worker.ts), so a hostile file is refused without stalling the service.
 */
export async function readCaseListFile(
  content: Uint8Array,
  limits: ReadLimits = { ...DEFAULT_READ_LIMITS, maxRows: MAX_IMPORT_ROWS },
): Promise<Sheet> {
  if (content.byteLength === 0) throw rejected('The file is empty.');
  if (content.byteLength > MAX_IMPORT_BYTES)
    throw rejected(
      `The file is ${(content.byteLength / 1_048_576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1_048_576} MB. Split it or remove unused sheets and columns.`,
    );
  if (startsWith(content, OLE_MAGIC))
    throw rejected(
      'This is an old-style .xls workbook: save it as .xlsx or .csv and upload again.',
    );
  const outcome = await readInWorker(
    startsWith(content, XLSX_MAGIC) ? 'xlsx' : 'csv',
    content,
    limits,
  );
  if (!outcome.ok) throw rejected(outcome.message, outcome.row ?? 0);
  // Dates cross the worker boundary intact (structured clone); nothing else needs reviving.
  return outcome.sheet;
}
