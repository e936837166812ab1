// Public and bank holidays of the three UK jurisdictions, computed for any year.
//
// Why computed and not a feed: REQUIREMENTS.md §11.7 / FR-031 says working-day maths (case-list
// circulation, action due dates) needs the bank holidays of the right UK nation, and core/ is
// pure domain code (no network, no date library). A table runs out (the old one ended in 2030
// and date maths threw after it); the statutory pattern does not. What the pattern cannot know
// is a holiday proclaimed for one year (a jubilee, a coronation, a moved holiday): those are
// kept below as PROCLAIMED_CHANGES, from the list published at https://www.gov.uk/bank-holidays.
// When a new one is proclaimed, add it there; bank-holidays.test.ts checks the result against
// gov.uk's published dates.
//
// Substitute days: when a holiday falls on a Saturday or Sunday it moves to the next weekday
// that is not already a holiday; only the substitute day is listed (as gov.uk does). Holidays
// are taken in date order, so Christmas on a Saturday moves to the Monday and Boxing Day (a
// Sunday) to the Tuesday, while Christmas on a Sunday moves to the Tuesday because Boxing Day
// already has the Monday.

/** The UK jurisdictions with their own bank-holiday calendars (gov.uk's division identifiers). */
export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** One public or bank holiday: a calendar day ('YYYY-MM-DD') and its gov.uk-style name. */
export interface BankHoliday {
  readonly date: string;
  readonly name: string;
}

/** All nations, in a fixed order (useful for validation and for tests that cover each one). */
export const NATIONS: ReadonlyArray<Nation> = ['england-and-wales', 'scotland', 'northern-ireland'];

/**
 * First calendar year the calendar answers for: the first year of gov.uk's published list that
 * PROCLAIMED_CHANGES was checked against. Earlier years had one-off holidays (2011, 2012...)
 * that are not recorded here, so they are refused rather than answered wrongly. There is no
 * last year: later years follow the rules (plus any proclamation added below).
 */
export const CALENDAR_FIRST_YEAR = 2019;

/**
 * A one-year change by proclamation: the rule dates it removes (a holiday moved away) and the
 * holidays it adds, in the nations it applies to.
 */
export interface ProclaimedChange {
  readonly nations: ReadonlyArray<Nation>;
  readonly removes: ReadonlyArray<string>;
  readonly adds: ReadonlyArray<BankHoliday>;
}

/** One-off changes published by gov.uk since CALENDAR_FIRST_YEAR (all three nations each time). */
export const PROCLAIMED_CHANGES: ReadonlyArray<ProclaimedChange> = [
  // 75th anniversary of VE day: the early May holiday moved from Monday 4 to Friday 8 May.
  {
    nations: NATIONS,
    removes: ['2020-05-04'],
    adds: [{ date: '2020-05-08', name: 'Early May bank holiday (VE day)' }],
  },
  // Platinum Jubilee: the spring holiday moved from Monday 30 May to Thursday 2 June, plus an
  // extra holiday on Friday 3 June.
  {
    nations: NATIONS,
    removes: ['2022-05-30'],
    adds: [
      { date: '2022-06-02', name: 'Spring bank holiday' },
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
    ],
  },
  {
    nations: NATIONS,
    removes: [],
    adds: [
      { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  {
    nations: NATIONS,
    removes: [],
    adds: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }],
  },
];

const MS_PER_DAY = 86_400_000;

/** Whole UTC days keep the arithmetic free of time zones and clock changes. */
function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function iso(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
function weekday(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCDay();
}

function isWeekend(epochDay: number): boolean {
  const day = weekday(epochDay);
  return day === 0 || day === 6;
}

function firstMonday(year: number, month: number): number {
  const first = utc(year, month, 1);
  return first + ((8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = utc(year, month + 1, 0);
  return last - ((weekday(last) + 6) % 7);
}

function easterEpochDay(year: number): number {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for every Gregorian year.
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthDay = h + l - 7 * m + 114;
  return utc(year, Math.floor(monthDay / 31), (monthDay % 31) + 1);
}

/** Easter Sunday of `year` as 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  assertYear(year);
  return iso(easterEpochDay(year));
}

function assertYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < CALENDAR_FIRST_YEAR || year > 9999) {
    throw new RangeError(
      `no bank-holiday data for ${year}; the calendar covers ${CALENDAR_FIRST_YEAR} onwards`,
    );
  }
}

interface Nominal {
  readonly day: number;
  readonly name: string;
}

/** The holidays on the days the rules name, before substitution. */
function nominalHolidays(nation: Nation, year: number): Nominal[] {
  const easter = easterEpochDay(year);
  const list: Nominal[] = [
    { day: utc(year, 1, 1), name: "New Year's Day" },
    { day: easter - 2, name: 'Good Friday' },
    { day: firstMonday(year, 5), name: 'Early May bank holiday' },
    { day: lastMonday(year, 5), name: 'Spring bank holiday' },
    { day: utc(year, 12, 25), name: 'Christmas Day' },
    { day: utc(year, 12, 26), name: 'Boxing Day' },
  ];
  if (nation === 'scotland') {
    // Scotland: 2 January and St Andrew's Day, summer holiday on the FIRST Monday of August,
    // and no Easter Monday.
    list.push(
      { day: utc(year, 1, 2), name: '2nd January' },
      { day: firstMonday(year, 8), name: 'Summer bank holiday' },
      { day: utc(year, 11, 30), name: "St Andrew's Day" },
    );
  } else {
    list.push(
      { day: easter + 1, name: 'Easter Monday' },
      { day: lastMonday(year, 8), name: 'Summer bank holiday' },
    );
  }
  if (nation === 'northern-ireland') {
    // The Battle of the Boyne is a public holiday by proclamation rather than a bank holiday,
    // but gov.uk lists it and the agencies that attend a MARAC observe it.
    list.push(
      { day: utc(year, 3, 17), name: "St Patrick's Day" },
      { day: utc(year, 7, 12), name: "Battle of the Boyne (Orangemen's Day)" },
    );
  }
  return list.sort((x, y) => x.day - y.day);
}

function withSubstitutes(nominal: ReadonlyArray<Nominal>): BankHoliday[] {
  const weekdays = nominal.filter((holiday) => !isWeekend(holiday.day));
  const taken = new Set(weekdays.map((holiday) => holiday.day));
  const result = weekdays.map((holiday) => ({ day: holiday.day, name: holiday.name }));
  for (const holiday of nominal.filter((h) => isWeekend(h.day))) {
    let day = holiday.day + 1;
    while (isWeekend(day) || taken.has(day)) day += 1;
    taken.add(day);
    result.push({ day, name: `${holiday.name} (substitute day)` });
  }
  return result
    .sort((x, y) => x.day - y.day)
    .map((holiday) => ({ date: iso(holiday.day), name: holiday.name }));
}

function applyProclamations(nation: Nation, year: number, list: BankHoliday[]): BankHoliday[] {
  const prefix = `${year}-`;
  let result = list;
  for (const change of PROCLAIMED_CHANGES) {
    if (!change.nations.includes(nation)) continue;
    const adds = change.adds.filter((holiday) => holiday.date.startsWith(prefix));
    const removes = change.removes.filter((date) => date.startsWith(prefix));
    if (adds.length === 0 && removes.length === 0) continue;
    result = [...result.filter((holiday) => !removes.includes(holiday.date)), ...adds];
  }
  return result.sort((x, y) => x.date.localeCompare(y.date));
}

/** Computed once per nation and year: working-day maths asks for every day it steps over. */
const cache = new Map<string, ReadonlyArray<BankHoliday>>();

/**
 * The bank holidays of `nation` in `year`, sorted by date: the statutory pattern with substitute
 * days, then the proclaimed one-off changes.
 * @throws RangeError for a year before CALENDAR_FIRST_YEAR or an unknown nation.
 */
export function bankHolidays(nation: Nation, year: number): ReadonlyArray<BankHoliday> {
  if (!NATIONS.includes(nation)) throw new RangeError(`unknown nation "${String(nation)}"`);
  assertYear(year);
  const key = `${nation}:${year}`;
  let holidays = cache.get(key);
  if (holidays === undefined) {
    holidays = Object.freeze(
      applyProclamations(nation, year, withSubstitutes(nominalHolidays(nation, year))),
    );
    cache.set(key, holidays);
  }
  return holidays;
}
