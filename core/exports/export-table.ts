/**
 * A table ready for a spreadsheet or CSV file: plain-English headings and cells that are plain
 * text or numbers (dates already written the en-GB way in the area's time zone). The file
 * writers neutralise every text cell against formula injection.
 */
export type Cell = string | number | null;

export interface ExportTable {
  /** Worksheet name and the start of the file name, e.g. "Action register". */
  title: string;
  headings: string[];
  rows: Cell[][];
  /** Lines for the workbook's "About this export" sheet (who it was exported for, when). */
  about: string[];
}

export type ExportFormat = 'xlsx' | 'csv';

/** "2026-12-07" → "07/12/2026". */
export function enGbDay(day: string | null | undefined): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** An instant as "07/12/2026 14:05" in the area's time zone. */
export function enGbDateTime(at: Date | null | undefined, timeZone: string): string {
  if (!at) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** An instant as "14:05" in the area's time zone. */
export function enGbTime(at: Date | null | undefined, timeZone: string): string {
  if (!at) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Whole minutes, rounded, from seconds (blank when unknown). */
export function minutesOf(seconds: number | null | undefined): number | string {
  return seconds === null || seconds === undefined ? '' : Math.round(seconds / 60);
}

/** A dotted or hyphenated code ("action.not-achievable") as words ("Action: not achievable"). */
export function codeInWords(code: string): string {
  const [head = '', ...rest] = code.split('.');
  const words = (s: string) => s.replace(/[-_]/g, ' ');
  const first = words(head);
  const capital = first.charAt(0).toUpperCase() + first.slice(1);
  return rest.length ? `${capital}: ${rest.map(words).join(', ')}` : capital;
}

/** A file name with the export's title and the area's day, e.g. "action-register-2026-12-07". */
export function exportFileName(title: string, day: string, format: ExportFormat): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}-${day}.${format}`;
}
