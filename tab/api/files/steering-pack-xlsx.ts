import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../core/spreadsheet/formula.js';
import type { SteeringPack } from '../../../core/reports/steering-pack.js';
import { longDay } from '../../../core/reports/steering-pack-tables.js';

/** An Excel sheet name: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string, used: Set<string>) => {
  const base = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 28)
    .trim();
  let name = base;
  for (let i = 2; used.has(name); i += 1) name = `${base} ${i}`;
  used.add(name);
  return name;
};

/**
 * The steering pack's tables as an Excel workbook (core/reports/steering-pack-tables.ts): a
 * first sheet saying what the pack is, then one sheet per table with its title, what it
 * measures, its header row and its rows. Counts are numbers; a steering reader's small counts
 * are the words "fewer than 5". Nothing names a person or a case: the area, the period and
 * figures only; every text cell passes the formula-injection guard.
 */
export async function steeringPackXlsx(p: SteeringPack): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const used = new Set<string>();
  const about = book.addWorksheet(sheetName('About this pack', used));
  about.addRow([neutraliseCell(`${p.areaName}: steering group pack`)]).font = {
    bold: true,
    size: 14,
  };
  about.addRow([`Meetings from ${longDay(p.period.firstDay)} to ${longDay(p.period.lastDay)}`]);
  about.addRow([`Figures as of ${longDay(p.period.today)}`]);
  about.addRow([
    p.suppressed
      ? 'Counts of cases, children and actions from 1 to 4 are shown as “fewer than 5”, and a share built on them is not shown, so that no one can be identified.'
      : 'Exact figures, for the coordinator and chair. The steering group’s version shows counts from 1 to 4 as “fewer than 5”.',
  ]);
  about.addRow(['No case reference or name is included: aggregates only.']);
  about.getColumn(1).width = 110;
  for (const t of p.tables) {
    const sheet = book.addWorksheet(sheetName(t.title, used));
    sheet.addRow([neutraliseCell(t.title)]).font = { bold: true, size: 13 };
    sheet.addRow([neutraliseCell(t.measures)]);
    sheet.addRow([]);
    const head = sheet.addRow(t.head.map(neutraliseCell));
    head.font = { bold: true };
    for (const row of t.rows) {
      const added = sheet.addRow([]);
      row.forEach((cell, i) => {
        if (cell !== null) added.getCell(i + 1).value = neutraliseCell(cell);
      });
    }
    sheet.getColumn(1).width = 44;
    for (let i = 2; i <= t.head.length; i += 1) sheet.getColumn(i).width = 18;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
