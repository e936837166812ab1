// Holds the computed bank holidays to gov.uk's published dates (2019-2030) and to dates worked
// out by hand for years past the published list, then cross-checks many more years against an
// independent re-statement of the rules (own Easter algorithm, own date helpers).

import { describe, it, expect } from 'vitest';
import type { BankHoliday, Nation } from './bank-holidays.js';
import {
  bankHolidays,
  CALENDAR_FIRST_YEAR,
  easterSunday,
  NATIONS,
  PROCLAIMED_CHANGES,
} from './bank-holidays.js';
import {
  GOV_UK_2019_2024_DATES,
  GOV_UK_2025_2030,
  HAND_COMPUTED,
} from './testing/gov-uk-bank-holidays.js';

const years = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('easterSunday', () => {
  it('gives the published Easter Sundays', () => {
    const published: Record<number, string> = {
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
      2031: '2031-04-13',
      2035: '2035-03-25',
      2038: '2038-04-25', // the latest date Easter can fall on
      2049: '2049-04-18',
      2050: '2050-04-10',
      2285: '2285-03-22', // the earliest date Easter can fall on
    };
    for (const [year, date] of Object.entries(published)) {
      expect(easterSunday(Number(year)), year).toBe(date);
    }
  });
});

describe('bankHolidays against gov.uk', () => {
  for (const nation of NATIONS) {
    it(`matches the published 2025-2030 list, names included (${nation})`, () => {
      for (const year of years(2025, 2030)) {
        const published = GOV_UK_2025_2030[nation].filter((h) => h.date.startsWith(`${year}-`));
        expect(bankHolidays(nation, year), `${nation} ${year}`).toEqual(published);
      }
    });

    it(`matches the published 2019-2024 dates, proclaimed changes included (${nation})`, () => {
      for (const year of years(2019, 2024)) {
        const published = GOV_UK_2019_2024_DATES[nation][year]!.map((d) => `${year}-${d}`);
        const computed = bankHolidays(nation, year).map((h) => h.date);
        expect(computed, `${nation} ${year}`).toEqual(published);
      }
    });
  }

  it('names the proclaimed holidays as gov.uk does', () => {
    const names = (year: number) => bankHolidays('england-and-wales', year).map((h) => h.name);
    expect(names(2020)).toContain('Early May bank holiday (VE day)');
    expect(names(2020)).not.toContain('Early May bank holiday');
    expect(names(2022)).toEqual(
      expect.arrayContaining([
        'Platinum Jubilee bank holiday',
        'Bank Holiday for the State Funeral of Queen Elizabeth II',
      ]),
    );
    expect(names(2023)).toContain('Bank holiday for the coronation of King Charles III');
  });

  it('only removes days the rules actually produced', () => {
    // A mistyped "moved from" date would silently leave both the old and the new holiday.
    for (const change of PROCLAIMED_CHANGES) {
      for (const removed of change.removes) {
        const year = Number(removed.slice(0, 4));
        for (const nation of change.nations) {
          const withoutIt = bankHolidays(nation, year).map((h) => h.date);
          expect(withoutIt).not.toContain(removed);
          expect(
            ruleHolidays(nation, year).map((h) => h.date),
            `${nation} ${removed}`,
          ).toContain(removed);
        }
      }
    }
  });
});

describe('bankHolidays beyond the published list', () => {
  for (const [year, perNation] of Object.entries(HAND_COMPUTED)) {
    for (const nation of NATIONS) {
      it(`matches the hand-worked ${year} for ${nation}`, () => {
        const expected = perNation[nation].map(([d, name]) => ({ date: `${year}-${d}`, name }));
        expect(bankHolidays(nation, Number(year))).toEqual(expected);
      });
    }
  }

  it('agrees with an independent statement of the rules for every year to 2100', () => {
    const proclaimedYears = new Set(
      PROCLAIMED_CHANGES.flatMap((c) => [...c.removes, ...c.adds.map((h) => h.date)]).map((d) =>
        Number(d.slice(0, 4)),
      ),
    );
    for (const nation of NATIONS) {
      for (const year of years(CALENDAR_FIRST_YEAR, 2100)) {
        if (proclaimedYears.has(year)) continue;
        expect(bankHolidays(nation, year), `${nation} ${year}`).toEqual(ruleHolidays(nation, year));
      }
    }
  });

  it('has the usual number of holidays in every unproclaimed year, all on weekdays', () => {
    const usual: Record<Nation, number> = {
      'england-and-wales': 8,
      scotland: 9,
      'northern-ireland': 10,
    };
    for (const nation of NATIONS) {
      for (const year of years(2024, 2060)) {
        const list = bankHolidays(nation, year);
        expect(list, `${nation} ${year}`).toHaveLength(usual[nation]);
        for (const { date } of list) {
          expect(date.startsWith(`${year}-`), date).toBe(true);
          expect(isWeekend(utc(date)), date).toBe(false);
        }
        const dates = list.map((h) => h.date);
        expect(dates).toEqual([...new Set(dates)].sort());
      }
    }
  });
});

describe('bankHolidays refusals', () => {
  it('refuses a year before the calendar starts, and an unknown nation', () => {
    expect(() => bankHolidays('scotland', CALENDAR_FIRST_YEAR - 1)).toThrow(RangeError);
    expect(() => bankHolidays('scotland', 2026.5)).toThrow(RangeError);
    expect(() => bankHolidays('wales' as Nation, 2026)).toThrow(RangeError);
  });
});

// --- an independent statement of the rules (UTC Date objects, no shared code) --------------

const DAY = 86_400_000;

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function isWeekend(date: Date): boolean {
  return date.getUTCDay() === 0 || date.getUTCDay() === 6;
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Easter by the Meeus/Jones/Butcher statement, written separately from the code under test. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h =
    (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The nth (1-based) Monday of a month, or the last one when n is -1. */
function monday(year: number, month: number, n: 1 | -1): Date {
  const days: Date[] = [];
  for (let d = 1; d <= 31; d += 1) {
    const date = new Date(Date.UTC(year, month - 1, d));
    if (date.getUTCMonth() === month - 1 && date.getUTCDay() === 1) days.push(date);
  }
  return n === 1 ? days[0]! : days[days.length - 1]!;
}

function ruleHolidays(nation: Nation, year: number): BankHoliday[] {
  const e = easter(year);
  const fixed = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d));
  const nominal: Array<[Date, string]> = [
    [fixed(1, 1), "New Year's Day"],
    [new Date(e.getTime() - 2 * DAY), 'Good Friday'],
    [monday(year, 5, 1), 'Early May bank holiday'],
    [monday(year, 5, -1), 'Spring bank holiday'],
    [fixed(12, 25), 'Christmas Day'],
    [fixed(12, 26), 'Boxing Day'],
  ];
  if (nation === 'scotland') {
    nominal.push([fixed(1, 2), '2nd January'], [monday(year, 8, 1), 'Summer bank holiday']);
    nominal.push([fixed(11, 30), "St Andrew's Day"]);
  } else {
    nominal.push([new Date(e.getTime() + DAY), 'Easter Monday']);
    nominal.push([monday(year, 8, -1), 'Summer bank holiday']);
  }
  if (nation === 'northern-ireland') {
    nominal.push([fixed(3, 17), "St Patrick's Day"]);
    nominal.push([fixed(7, 12), "Battle of the Boyne (Orangemen's Day)"]);
  }
  nominal.sort((x, y) => x[0].getTime() - y[0].getTime());
  const result: BankHoliday[] = nominal
    .filter(([date]) => !isWeekend(date))
    .map(([date, name]) => ({ date: isoOf(date), name }));
  const taken = new Set(result.map((h) => h.date));
  for (const [date, name] of nominal.filter(([d]) => isWeekend(d))) {
    let day = new Date(date.getTime() + DAY);
    while (isWeekend(day) || taken.has(isoOf(day))) day = new Date(day.getTime() + DAY);
    taken.add(isoOf(day));
    result.push({ date: isoOf(day), name: `${name} (substitute day)` });
  }
  return result.sort((x, y) => x.date.localeCompare(y.date));
}
