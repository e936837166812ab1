import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableBorders,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { SteeringPack } from '../../../core/reports/steering-pack.js';
import { longDay } from '../../../core/reports/steering-pack-tables.js';

const BAR_WIDTH = 30;
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The steering group's quarterly pack as a Word document (FR-115): a title page part saying
 * what the pack covers and how small numbers are shown, then for each part its title, what it
 * measures, its chart drawn as bars of text (so it prints and reads in any viewer, and a screen
 * reader reads the figure after each bar) and its table. The header carries the area and
 * "Aggregates only"; the footer "Page N of M". No case reference, no name.
 */
export async function steeringPackDocx(p: SteeringPack): Promise<Buffer> {
  const text = (t: string, bold = false) =>
    new Paragraph({ children: [new TextRun({ text: t, bold })] });
  const heading = (t: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading: level, children: [new TextRun(t)] });
  const children: (Paragraph | Table)[] = [
    heading(`${p.areaName}: steering group pack`, HeadingLevel.TITLE),
    text(
      `Meetings from ${longDay(p.period.firstDay)} to ${longDay(p.period.lastDay)}. Figures as of ${longDay(p.period.today)}.`,
    ),
    text(
      p.suppressed
        ? 'Aggregates only. Counts of cases, children and actions from 1 to 4 are shown as “fewer than 5”, and a share built on them is not shown, so that no one can be identified.'
        : 'Exact figures, for the coordinator and chair. The steering group’s version shows counts from 1 to 4 as “fewer than 5”.',
    ),
    text('A case is counted as heard when the chair started and closed it at the meeting.'),
  ];
  for (const t of p.tables) {
    children.push(heading(t.title, HeadingLevel.HEADING_1), text(t.measures));
    if (t.bars && t.bars.length > 0)
      children.push(
        text(`Chart: ${t.chartTitle ?? t.title}`, true),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: TableBorders.NONE,
          rows: t.bars.map((b) => {
            const filled = b.value === null ? 0 : Math.round(Math.min(1, b.value) * BAR_WIDTH);
            const cell = (runs: TextRun[], size: number) =>
              new TableCell({
                width: { size, type: WidthType.PERCENTAGE },
                children: [new Paragraph({ children: runs })],
              });
            return new TableRow({
              children: [
                cell([new TextRun({ text: b.label, bold: true, size: 18 })], 30),
                cell(
                  [
                    new TextRun({ text: '█'.repeat(filled), color: '2B579A', size: 18 }),
                    new TextRun({
                      text: '░'.repeat(BAR_WIDTH - filled),
                      color: 'BFBFBF',
                      size: 18,
                    }),
                  ],
                  30,
                ),
                cell(
                  [
                    new TextRun({
                      text: `${b.value === null ? 'not shown' : pct(b.value)} (${b.detail})`,
                      size: 18,
                    }),
                  ],
                  40,
                ),
              ],
            });
          }),
        }),
        text(''),
      );
    if (t.rows.length === 0) {
      children.push(text('Nothing to show for this period.'));
      continue;
    }
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [t.head, ...t.rows].map(
          (cells, r) =>
            new TableRow({
              tableHeader: r === 0,
              children: cells.map(
                (c) =>
                  new TableCell({
                    children: [
                      new Paragraph({
                        children: [
                          new TextRun({
                            text: c === null ? '' : String(c),
                            bold: r === 0,
                            size: 18,
                          }),
                        ],
                      }),
                    ],
                  }),
              ),
            }),
        ),
      }),
    );
  }
  const doc = new Document({
    creator: 'Virtual MARAC',
    title: `${p.areaName} steering group pack`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun(`${p.areaName}: steering group pack. Aggregates only.`)],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun('Page '),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun(' of '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
