// Recomputes every bank holiday from the statutory rules and checks the literal table agrees,
// so a typo in bank-holidays.ts fails here. The rules are written independently of the code
// under test (own Easter algorithm, own UTC date helpers).

import { describe, it, expect } from 'vitest';
import type { BankHoliday, Nation } from './bank-holidays.js';
import {
  BANK_HOLIDAYS,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  NATIONS,
} from './bank-holidays.js';

const YEARS = Array.from(
  { length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 },
  (_, i) => CALENDAR_FIRST_YEAR + i,
);

/** One-off holidays proclaimed for a single year. None announced for 2025-2030. */
const ONE_OFFS: Record<Nation, ReadonlyArray<BankHoliday>> = {
  'england-and-wales': [],
  scotland: [],
  'northern-ireland': [],
};

// --- independent date helpers (UTC only) -------------------------------------------------

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function plusDays(date: Date, n: number): Date {
  return new Date(date.getTime() + n * 86_400_000);
}

function isWeekend(date: Date): boolean {
  return date.getUTCDay() === 0 || date.getUTCDay() === 6;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
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
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

function firstMonday(year: number, month: number): Date {
  const first = utc(year, month, 1);
  return plusDays(first, (8 - first.getUTCDay()) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = utc(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() + 6) % 7));
}

// --- the rules ---------------------------------------------------------------------------

interface Nominal {
  readonly date: Date;
  readonly name: string;
}

/** The holidays on their nominal dates, before substitution. */
function nominalHolidays(nation: Nation, year: number): Nominal[] {
  const easter = easterSunday(year);
  const list: Nominal[] = [
    { date: utc(year, 1, 1), name: "New Year's Day" },
    { date: plusDays(easter, -2), name: 'Good Friday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: utc(year, 12, 25), name: 'Christmas Day' },
    { date: utc(year, 12, 26), name: 'Boxing Day' },
  ];
  if (nation === 'scotland') {
    list.push(
      { date: utc(year, 1, 2), name: '2nd January' },
      { date: firstMonday(year, 8), name: 'Summer bank holiday' },
      { date: utc(year, 11, 30), name: "St Andrew's Day" },
    );
  } else {
    list.push(
      { date: plusDays(easter, 1), name: 'Easter Monday' },
      { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    );
  }
  if (nation === 'northern-ireland') {
    list.push(
      { date: utc(year, 3, 17), name: "St Patrick's Day" },
      { date: utc(year, 7, 12), name: "Battle of the Boyne (Orangemen's Day)" },
    );
  }
  return list.sort((x, y) => x.date.getTime() - y.date.getTime());
}

/**
 * Weekday holidays stay put; each weekend holiday, in date order, moves to the next weekday
 * that is not already a holiday (so Christmas on a Saturday -> Monday, Boxing Day -> Tuesday).
 */
function withSubstitutes(nominal: Nominal[]): BankHoliday[] {
  const taken = new Set(nominal.filter((h) => !isWeekend(h.date)).map((h) => iso(h.date)));
  const result: BankHoliday[] = nominal
    .filter((h) => !isWeekend(h.date))
    .map((h) => ({ date: iso(h.date), name: h.name }));
  for (const holiday of nominal.filter((h) => isWeekend(h.date))) {
    let day = plusDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(iso(day))) day = plusDays(day, 1);
    taken.add(iso(day));
    result.push({ date: iso(day), name: `${holiday.name} (substitute day)` });
  }
  return result;
}

function expectedHolidays(nation: Nation): BankHoliday[] {
  return [
    ...YEARS.flatMap((year) => withSubstitutes(nominalHolidays(nation, year))),
    ...ONE_OFFS[nation],
  ].sort((x, y) => x.date.localeCompare(y.date));
}

// --- tests -------------------------------------------------------------------------------

describe('rule helpers', () => {
  it('computes the Easter Sundays published for 2025-2030', () => {
    expect(YEARS.map((year) => iso(easterSunday(year)))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it('finds first and last Mondays', () => {
    expect(iso(firstMonday(2026, 8))).toBe('2026-08-03');
    expect(iso(lastMonday(2026, 8))).toBe('2026-08-31');
    expect(iso(firstMonday(2028, 5))).toBe('2028-05-01'); // 1 May 2028 is itself a Monday
    expect(iso(lastMonday(2027, 5))).toBe('2027-05-31'); // 31 May 2027 is itself a Monday
  });

  it('substitutes Christmas on a Sunday to the Tuesday (Boxing Day keeps the Monday)', () => {
    // 2022 is outside the table but is the case gov.uk published: 26 Dec and 27 Dec (sub).
    const subs = withSubstitutes([
      { date: utc(2022, 12, 25), name: 'Christmas Day' },
      { date: utc(2022, 12, 26), name: 'Boxing Day' },
    ]);
    expect(subs).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });
});

describe('BANK_HOLIDAYS', () => {
  it('covers exactly the three nations', () => {
    expect(Object.keys(BANK_HOLIDAYS).sort()).toEqual([...NATIONS].sort());
  });

  for (const nation of NATIONS) {
    describe(nation, () => {
      it('agrees with the statutory rules for every year covered', () => {
        expect(BANK_HOLIDAYS[nation]).toEqual(expectedHolidays(nation));
      });

      it('is sorted, has no duplicate dates, and stays within the covered years', () => {
        const dates = BANK_HOLIDAYS[nation].map((h) => h.date);
        expect(dates).toEqual([...dates].sort());
        expect(new Set(dates).size).toBe(dates.length);
        for (const date of dates) {
          const year = Number(date.slice(0, 4));
          expect(year).toBeGreaterThanOrEqual(CALENDAR_FIRST_YEAR);
          expect(year).toBeLessThanOrEqual(CALENDAR_LAST_YEAR);
        }
      });

      it('lists only real weekdays', () => {
        for (const { date } of BANK_HOLIDAYS[nation]) {
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          const parsed = utc(y, m, d);
          expect(iso(parsed), date).toBe(date);
          expect(isWeekend(parsed), date).toBe(false);
        }
      });
    });
  }

  it('has the expected number of holidays per year', () => {
    const perYear = (nation: Nation, year: number): number =>
      BANK_HOLIDAYS[nation].filter((h) => h.date.startsWith(`${year}-`)).length;
    for (const year of YEARS) {
      expect(perYear('england-and-wales', year)).toBe(8);
      expect(perYear('scotland', year)).toBe(9);
      expect(perYear('northern-ireland', year)).toBe(10);
    }
  });

  it('has the 2027 Christmas and 2028 New Year substitute days in every nation', () => {
    for (const nation of NATIONS) {
      const dates = BANK_HOLIDAYS[nation].map((h) => h.date);
      expect(dates).toContain('2027-12-27');
      expect(dates).toContain('2027-12-28');
      expect(dates).toContain('2028-01-03');
    }
    const scotland = BANK_HOLIDAYS.scotland.map((h) => h.date);
    expect(scotland).toContain('2027-01-04'); // 2 Jan 2027 is a Saturday
    expect(scotland).toContain('2028-01-04'); // 2 Jan 2028 is a Sunday
  });
});
