import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sheet } from '../../../core/agenda/case-list-import.js';

/**
 * Limits on reading one uploaded case list. A spreadsheet is a zip of XML that can declare far
 * more than it holds (a used range to XFD1048576 in 7 KB) or inflate 1,000-fold, so the work is
 * bounded by what the file really contains: the zip is measured before anything inflates it,
 * every entry is inflated with a hard output cap, the reader walks only rows and cells present,
 * stops one row past the row limit, and all of it runs in a worker thread with its own heap
 * cap and a time limit, so a hostile file costs that worker, never the service.
 */
export interface ReadLimits {
  maxRows: number;
  /** Total bytes of all zip entries once inflated. */
  maxUnzippedBytes: number;
  maxEntries: number;
  /** Columns of the header row (a case list has about a dozen). */
  maxColumns: number;
  heapMb: number;
  timeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 300,
  maxUnzippedBytes: 12 * 1_048_576,
  maxEntries: 200,
  maxColumns: 64,
  heapMb: 160,
  timeoutMs: 20_000,
};

export type ReadOutcome = { ok: true; sheet: Sheet } | { ok: false; message: string; row?: number };

const require = createRequire(import.meta.url);

/**
 * At most this many readers at once per process (each may use `heapMb`); later uploads wait
 * their turn, so a burst of uploads cannot multiply the memory a hostile file may take.
 */
const MAX_CONCURRENT_READERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Parses in a fresh worker; resolves with the sheet or a plain-English refusal. */
export async function readInWorker(
  kind: 'xlsx' | 'csv',
  content: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ReadOutcome> {
  if (running >= MAX_CONCURRENT_READERS) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await runWorker(kind, content, limits);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runWorker(
  kind: 'xlsx' | 'csv',
  content: Uint8Array,
  limits: ReadLimits,
): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        kind,
        content,
        limits,
        exceljs: require.resolve('exceljs'),
        csvParse: require.resolve('csv-parse/sync'),
      },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.heapMb,
        maxYoungGenerationSizeMb: 16,
        stackSizeMb: 4,
      },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: ReadOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const tooBig: ReadOutcome = {
      ok: false,
      message:
        'The workbook is too large or complex to read. Save only the case list (one sheet, the used cells) as .xlsx or .csv and upload again.',
    };
    const timer = setTimeout(() => finish(tooBig), limits.timeoutMs);
    worker.on('message', (outcome: ReadOutcome) => finish(outcome));
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any other failure inside the reader.
    worker.on('error', () => finish(tooBig));
    worker.on('exit', () => finish(tooBig));
  });
}

/**
 * The worker's code, as plain JavaScript evaluated in the worker (so it runs the same from the
 * sources under tsx or vitest and from the bundled build, where no separate file exists).
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { kind, content, limits } = workerData;
const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);

class Refusal extends Error {
  constructor(message, row) { super(message); this.row = row; }
}
const TOO_BIG = 'The workbook is larger than a case list once unpacked (' +
  Math.round(limits.maxUnzippedBytes / 1048576) +
  ' MB at most). Save only the case list as .xlsx or .csv and upload again.';

// Measures every zip entry before any library inflates it: declared sizes from the central
// directory first (cheap), then each entry inflated with a hard cap, since sizes can lie.
function checkZip() {
  const min = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Refusal('The workbook could not be read: save it again as .xlsx or .csv.');
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries || entries === 0xffff || offset === 0xffffffff)
    throw new Refusal(TOO_BIG);
  let budget = limits.maxUnzippedBytes;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50)
      throw new Refusal('The workbook could not be read: save it again as .xlsx or .csv.');
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const declared = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    if (declared > budget || compressed === 0xffffffff) throw new Refusal(TOO_BIG);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50)
      throw new Refusal('The workbook could not be read: save it again as .xlsx or .csv.');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    let size;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if (error && error.code === 'ERR_BUFFER_TOO_LARGE') throw new Refusal(TOO_BIG);
        throw new Refusal('The workbook could not be read: save it again as .xlsx or .csv.');
      }
    } else throw new Refusal('The workbook could not be read: save it again as .xlsx or .csv.');
    if (size > budget) throw new Refusal(TOO_BIG);
    budget -= size;
    offset += 46 + nameLength + extraLength + commentLength;
  }
}

const tooManyRows = () => new Refusal('The file has more than ' + limits.maxRows +
  ' cases; at most ' + limits.maxRows + ' can be imported at once.');

function toCell(ExcelJS, cell) {
  const T = ExcelJS.ValueType;
  switch (cell.type) {
    case T.Null: case T.Merge: return null;
    case T.Number: case T.Boolean: case T.Date: return cell.value;
    case T.String: case T.SharedString: return String(cell.value);
    case T.RichText: return cell.value.richText.map((t) => t.text).join('');
    case T.Formula: return { kind: 'formula' };
    case T.Hyperlink: return { kind: 'link' };
    default: return { kind: 'unsupported' };
  }
}

async function readXlsx() {
  checkZip();
  const ExcelJS = require(workerData.exceljs);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new Refusal('The workbook could not be read: save it again as .xlsx or .csv.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Refusal('The workbook has no worksheet.');
  // Width from the header cells that hold something, never from the declared used range.
  let width = 0;
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    if (toCell(ExcelJS, cell) !== null) width = Math.max(width, col);
  });
  if (width > limits.maxColumns)
    throw new Refusal('The header row has more than ' + limits.maxColumns +
      ' columns: keep only the case list columns and upload again.', 1);
  const cellsOf = (row) => Array.from({ length: width }, (_, i) => toCell(ExcelJS, row.getCell(i + 1)));
  const headers = cellsOf(sheet.getRow(1));
  const rows = [];
  // Only rows present in the file (eachRow skips the gaps), stopping past the limit.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = cellsOf(row);
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return;
    rows.push({ rowNumber, cells });
    if (rows.length > limits.maxRows) throw tooManyRows();
  });
  return { headers, rows };
}

function readCsv() {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Refusal('The file is neither an .xlsx workbook nor UTF-8 text (CSV): save it as CSV UTF-8 or .xlsx.');
  }
  const { parse } = require(workerData.csvParse);
  let records;
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new Refusal('The CSV is malformed (an unclosed quote or a stray quote mark).',
      (error && error.lines) || 0);
  }
  const [headers = [], ...rest] = records;
  if (headers.length > limits.maxColumns)
    throw new Refusal('The header row has more than ' + limits.maxColumns +
      ' columns: keep only the case list columns and upload again.', 1);
  const rows = rest
    .map((cells, index) => ({ rowNumber: index + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length > limits.maxRows) throw tooManyRows();
  return { headers, rows };
}

(async () => {
  try {
    const sheet = kind === 'xlsx' ? await readXlsx() : readCsv();
    parentPort.postMessage({ ok: true, sheet });
  } catch (error) {
    if (error instanceof Refusal)
      parentPort.postMessage({ ok: false, message: error.message, row: error.row });
    else
      parentPort.postMessage({ ok: false, message: 'The workbook could not be read: save it again as .xlsx or .csv.' });
  }
})();
`;
