import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

interface ZipEntry {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
  /** What the central directory says the entry inflates to (a liar's zip understates it). */
  declaredSize?: number;
}

/** A stored-deflate zip written by hand, so a test can make entries whose sizes lie. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `size` bytes of one repeated byte, deflated as a stream (never held whole in memory). */
export async function deflatedRun(size: number, byte = 0x20): Promise<ZipEntry & { name: '' }> {
  const chunk = Buffer.alloc(1_048_576, byte);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name: '', compressed: Buffer.concat(out), crc, size };
}

/** The entries of a real (small) workbook, to which a bomb is added or swapped in. */
export async function workbookEntries(rows: unknown[][] = []): Promise<ZipEntry[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow(['Case number', 'Risk level', 'Referring agency', 'Summary']);
  for (const row of rows) sheet.addRow(row);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const entries: ZipEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const data = await file.async('nodebuffer');
    entries.push({ name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length });
  }
  return entries;
}

export const entry = (name: string, data: Buffer): ZipEntry => ({
  name,
  compressed: deflateRawSync(data),
  crc: crc32(data),
  size: data.length,
});

/** A worksheet whose used range claims XFD1048576 and holds a cell there. */
export function dimensionBombSheet(): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<dimension ref="A1:XFD1048576"/><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Case number</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><t>Risk level</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>NF-1</t></is></c>' +
      '<c r="B2" t="inlineStr"><is><t>high</t></is></c></row>' +
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' +
      '</sheetData></worksheet>',
  );
}

/** A worksheet of `n` non-empty rows (far past the row limit), small once compressed. */
export function manyRowsSheet(n: number): Buffer {
  const rows: string[] = [];
  for (let r = 2; r <= n + 1; r++)
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>NF-${r}</t></is></c></row>`);
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Case number</t></is></c></row>' +
      rows.join('') +
      '</sheetData></worksheet>',
  );
}

export function withSheet(entries: ZipEntry[], sheet: ZipEntry): ZipEntry[] {
  return entries.map((e) =>
    e.name === 'xl/worksheets/sheet1.xml' ? { ...sheet, name: e.name } : e,
  );
}
