/**
 * Dates written in the ways people in the UK write them, read as calendar days (YYYY-MM-DD), so
 * the guard can compare them with subjects' dates of birth whatever the format. A two-digit year
 * yields both centuries; a day-month-year that is only valid month-first (04/13/1987) is read
 * month-first too. Dates without a year ("13 April") are not dates of birth and are left alone:
 * due dates are written that way.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SEP = '\\s*[./\\-]\\s*';
const DAY_SUFFIX = '(?:st|nd|rd|th)?';
const YEAR = '(\\d{4}|\\d{2})(?!\\d)';

const DMY = new RegExp(`(?<!\\d)(\\d{1,2})${SEP}(\\d{1,2})${SEP}${YEAR}`, 'g');
const DMY_SPACED = new RegExp(`(?<![\\d.\\/-])(\\d{1,2}) (\\d{1,2}) (\\d{4})(?!\\d)`, 'g');
const YMD = new RegExp(`(?<!\\d)(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})(?!\\d)`, 'g');
const D_MONTH_Y = new RegExp(
  `(?<!\\d)(\\d{1,2})${DAY_SUFFIX}\\s*(?:of\\s+)?${MONTH}\\.?,?\\s*${YEAR}`,
  'g',
);
const MONTH_D_Y = new RegExp(`${MONTH}\\.?\\s*(\\d{1,2})${DAY_SUFFIX},?\\s+${YEAR}`, 'g');
const COMPACT = /(?<!\d)(\d{8})(?!\d)/g;

function years(y: string): number[] {
  const n = Number(y);
  return y.length === 4 ? [n] : [1900 + n, 2000 + n];
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every calendar day the text may be naming, with the index where it starts. */
export function datesIn(folded: string): { day: string; at: number }[] {
  const found: { day: string; at: number }[] = [];
  const add = (at: number, ys: number[], m: number, d: number) => {
    for (const y of ys) {
      const day = iso(y, m, d);
      if (day) found.push({ day, at });
    }
  };
  for (const re of [DMY, DMY_SPACED]) {
    for (const m of folded.matchAll(re)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      add(m.index, years(m[3] as string), b, a);
      if (a <= 12 && b > 12) add(m.index, years(m[3] as string), a, b);
    }
  }
  for (const m of folded.matchAll(YMD)) add(m.index, [Number(m[1])], Number(m[2]), Number(m[3]));
  for (const m of folded.matchAll(D_MONTH_Y)) {
    const month = MONTHS[(m[2] as string).slice(0, 3)] as number;
    add(m.index, years(m[3] as string), month, Number(m[1]));
  }
  for (const m of folded.matchAll(MONTH_D_Y)) {
    const month = MONTHS[(m[1] as string).slice(0, 3)] as number;
    add(m.index, years(m[3] as string), month, Number(m[2]));
  }
  for (const m of folded.matchAll(COMPACT)) {
    const s = m[1] as string;
    add(m.index, [Number(s.slice(4))], Number(s.slice(2, 4)), Number(s.slice(0, 2)));
    add(m.index, [Number(s.slice(0, 4))], Number(s.slice(4, 6)), Number(s.slice(6)));
  }
  return found;
}
