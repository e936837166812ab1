import { describe, it, expect } from 'vitest';
import type { Nation } from './bank-holidays.js';
import { NATIONS } from './bank-holidays.js';
import {
  addCalendarDays,
  addWorkingDays,
  endOfWeek,
  isWorkingDay,
  nextWorkingDay,
  parseDay,
  previousWorkingDay,
  workingDaysBefore,
  workingDaysBetween,
} from './working-days.js';

const EW: Nation = 'england-and-wales';
const SCO: Nation = 'scotland';
const NI: Nation = 'northern-ireland';

describe('parseDay', () => {
  it('accepts real YYYY-MM-DD days and returns them unchanged', () => {
    expect(parseDay('2026-04-08')).toBe('2026-04-08');
    expect(parseDay('2028-02-29')).toBe('2028-02-29'); // leap year
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-4-8',
    '26-04-08',
    ' 2026-04-08',
    '2026-04-08T00:00',
    '',
  ])('rejects %j with a RangeError', (input) => {
    expect(() => parseDay(input)).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-04-08', 0)).toBe('2026-04-08');
  });

  it('is unaffected by clock changes (whole UTC days)', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('rejects fractional day counts', () => {
    expect(() => addCalendarDays('2026-04-08', 1.5)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('is false at weekends and true on ordinary weekdays', () => {
    for (const nation of NATIONS) {
      expect(isWorkingDay('2026-04-11', nation)).toBe(false); // Saturday
      expect(isWorkingDay('2026-04-12', nation)).toBe(false); // Sunday
      expect(isWorkingDay('2026-04-13', nation)).toBe(true); // Monday
    }
  });

  it('uses the bank holidays of the given nation', () => {
    // Easter Monday 2026 is not a holiday in Scotland.
    expect(isWorkingDay('2026-04-06', EW)).toBe(false);
    expect(isWorkingDay('2026-04-06', SCO)).toBe(true);
    expect(isWorkingDay('2026-04-06', NI)).toBe(false);
    // St Patrick's Day 2026 (Tuesday) only in Northern Ireland.
    expect(isWorkingDay('2026-03-17', NI)).toBe(false);
    expect(isWorkingDay('2026-03-17', EW)).toBe(true);
  });
});

describe('workingDaysBefore: England & Wales, Easter 2026', () => {
  it('8 working days before Wed 8 April 2026 skips Good Friday and Easter Monday', () => {
    // Counting back: Tue 7 Apr (1); Mon 6 Easter Monday, Sun 5, Sat 4, Fri 3 Good Friday
    // skipped; Thu 2 (2), Wed 1 (3), Tue 31 Mar (4), Mon 30 (5), Fri 27 (6), Thu 26 (7),
    // Wed 25 (8).
    expect(workingDaysBefore('2026-04-08', 8, EW)).toBe('2026-03-25');
    expect(workingDaysBetween('2026-03-25', '2026-04-08', EW)).toBe(8);
  });

  it('gives Thursday 26 March in Scotland, where Easter Monday is a working day', () => {
    expect(workingDaysBefore('2026-04-08', 8, SCO)).toBe('2026-03-26');
  });

  it('does not count the meeting day itself', () => {
    expect(workingDaysBefore('2026-04-08', 1, EW)).toBe('2026-04-07');
    expect(workingDaysBefore('2026-04-08', 2, EW)).toBe('2026-04-02');
    expect(workingDaysBefore('2026-04-08', 0, EW)).toBe('2026-04-08');
  });

  it('rejects a negative count', () => {
    expect(() => workingDaysBefore('2026-04-08', -1, EW)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('returns the day itself for n = 0, even on a weekend or bank holiday', () => {
    expect(addWorkingDays('2026-04-11', 0, EW)).toBe('2026-04-11');
    expect(addWorkingDays('2026-04-03', 0, EW)).toBe('2026-04-03');
  });

  it('starts counting from the next day, so a weekend start works', () => {
    expect(addWorkingDays('2026-04-11', 1, EW)).toBe('2026-04-13'); // Sat -> Mon
    expect(addWorkingDays('2026-04-12', -1, EW)).toBe('2026-04-10'); // Sun -> Fri
  });

  it('walks forwards and backwards across Easter 2026 in England & Wales', () => {
    expect(addWorkingDays('2026-04-02', 1, EW)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-07', -1, EW)).toBe('2026-04-02');
    expect(addWorkingDays('2026-03-25', 8, EW)).toBe('2026-04-08');
  });

  it('rejects fractional counts and invalid days', () => {
    expect(() => addWorkingDays('2026-04-08', 0.5, EW)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1, EW)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 0, EW)).toThrow(RangeError);
  });
});

describe('Scotland', () => {
  it('skips the first Monday of August, not the last', () => {
    // Fri 31 Jul 2026 -> Mon 3 Aug is Scotland's summer holiday.
    expect(nextWorkingDay('2026-07-31', SCO)).toBe('2026-08-04');
    expect(nextWorkingDay('2026-07-31', EW)).toBe('2026-08-03');
    // Fri 28 Aug 2026 -> Mon 31 Aug is the England & Wales summer holiday only.
    expect(nextWorkingDay('2026-08-28', SCO)).toBe('2026-08-31');
    expect(nextWorkingDay('2026-08-28', EW)).toBe('2026-09-01');
  });

  it("skips St Andrew's Day substitute Monday 1 Dec 2025 (30 Nov is a Sunday)", () => {
    expect(nextWorkingDay('2025-11-28', SCO)).toBe('2025-12-02');
    expect(nextWorkingDay('2025-11-28', EW)).toBe('2025-12-01');
    expect(workingDaysBetween('2025-11-28', '2025-12-05', SCO)).toBe(4);
    expect(workingDaysBetween('2025-11-28', '2025-12-05', EW)).toBe(5);
  });

  it("skips St Andrew's Day on Monday 30 Nov 2026", () => {
    expect(addWorkingDays('2026-12-01', -1, SCO)).toBe('2026-11-27');
    expect(addWorkingDays('2026-12-01', -1, EW)).toBe('2026-11-30');
  });
});

describe('Northern Ireland', () => {
  it('skips the 12 July substitute Monday 13 Jul 2026 (12 July is a Sunday)', () => {
    expect(nextWorkingDay('2026-07-10', NI)).toBe('2026-07-14');
    expect(nextWorkingDay('2026-07-10', EW)).toBe('2026-07-13');
    expect(nextWorkingDay('2026-07-10', SCO)).toBe('2026-07-13');
  });

  it("skips St Patrick's Day (Tue 17 Mar 2026)", () => {
    expect(workingDaysBetween('2026-03-16', '2026-03-18', NI)).toBe(1);
    expect(workingDaysBetween('2026-03-16', '2026-03-18', EW)).toBe(2);
    expect(addWorkingDays('2026-03-16', 1, NI)).toBe('2026-03-18');
  });

  it("skips the St Patrick's Day substitute Monday 19 Mar 2029 (17 March is a Saturday)", () => {
    expect(nextWorkingDay('2029-03-16', NI)).toBe('2029-03-20');
    expect(nextWorkingDay('2029-03-16', EW)).toBe('2029-03-19');
  });
});

describe('Christmas 2027 and New Year 2028 substitute days', () => {
  // 25 Dec 2027 Sat -> Mon 27; 26 Dec Sun -> Tue 28; 1 Jan 2028 Sat -> Mon 3 Jan;
  // Scotland also 2 Jan 2028 Sun -> Tue 4 Jan.
  it.each(NATIONS)('skips 27 and 28 December 2027 in %s', (nation) => {
    expect(nextWorkingDay('2027-12-24', nation)).toBe('2027-12-29');
    expect(previousWorkingDay('2027-12-29', nation)).toBe('2027-12-24');
    expect(isWorkingDay('2027-12-27', nation)).toBe(false);
    expect(isWorkingDay('2027-12-28', nation)).toBe(false);
  });

  it('skips Monday 3 January 2028 in England & Wales and Northern Ireland', () => {
    expect(nextWorkingDay('2027-12-31', EW)).toBe('2028-01-04');
    expect(nextWorkingDay('2027-12-31', NI)).toBe('2028-01-04');
  });

  it('skips Monday 3 and Tuesday 4 January 2028 in Scotland', () => {
    expect(nextWorkingDay('2027-12-31', SCO)).toBe('2028-01-05');
  });

  it('counts the working days over the whole holiday in each nation', () => {
    // Fri 24 Dec 2027 (excluded) to Fri 7 Jan 2028 (included).
    expect(workingDaysBetween('2027-12-24', '2028-01-07', EW)).toBe(7);
    expect(workingDaysBetween('2027-12-24', '2028-01-07', NI)).toBe(7);
    expect(workingDaysBetween('2027-12-24', '2028-01-07', SCO)).toBe(6);
  });

  it('skips the 2026 Boxing Day substitute and Scotland skips 4 January 2027', () => {
    // 26 Dec 2026 Sat -> Mon 28 Dec; 2 Jan 2027 Sat -> Mon 4 Jan (Scotland only).
    expect(nextWorkingDay('2026-12-25', EW)).toBe('2026-12-29');
    expect(nextWorkingDay('2026-12-31', EW)).toBe('2027-01-04');
    expect(nextWorkingDay('2026-12-31', SCO)).toBe('2027-01-05');
  });
});

describe('workingDaysBetween', () => {
  it('counts days d with from < d <= to', () => {
    expect(workingDaysBetween('2026-04-13', '2026-04-13', EW)).toBe(0);
    expect(workingDaysBetween('2026-04-13', '2026-04-14', EW)).toBe(1); // Mon -> Tue
    expect(workingDaysBetween('2026-04-10', '2026-04-13', EW)).toBe(1); // Fri -> Mon
    expect(workingDaysBetween('2026-04-11', '2026-04-12', EW)).toBe(0); // Sat -> Sun
    expect(workingDaysBetween('2026-04-13', '2026-04-17', EW)).toBe(4); // Mon -> Fri
  });

  it('is negative, and antisymmetric, when to is before from', () => {
    expect(workingDaysBetween('2026-04-08', '2026-03-25', EW)).toBe(-8);
    expect(workingDaysBetween('2026-04-14', '2026-04-13', EW)).toBe(-1);
  });

  it('inverts addWorkingDays for n >= 0 from any start day', () => {
    for (const nation of NATIONS) {
      for (let offset = 0; offset < 400; offset += 3) {
        const start = addCalendarDays('2026-11-01', offset);
        for (const n of [0, 1, 2, 5, 8, 13]) {
          const end = addWorkingDays(start, n, nation);
          expect(workingDaysBetween(start, end, nation), `${nation} ${start} +${n}`).toBe(n);
          if (isWorkingDay(start, nation)) {
            expect(addWorkingDays(end, -n, nation)).toBe(start);
          }
        }
      }
    }
  });
});

describe('nextWorkingDay / previousWorkingDay', () => {
  it('are strictly after / before, even from a working day', () => {
    expect(nextWorkingDay('2026-04-13', EW)).toBe('2026-04-14');
    expect(previousWorkingDay('2026-04-14', EW)).toBe('2026-04-13');
    expect(previousWorkingDay('2026-04-13', EW)).toBe('2026-04-10');
  });
});

describe('endOfWeek', () => {
  it('gives the Friday of the ISO (Monday-Sunday) week', () => {
    expect(endOfWeek('2026-04-06')).toBe('2026-04-10'); // Monday
    expect(endOfWeek('2026-04-08')).toBe('2026-04-10'); // Wednesday
    expect(endOfWeek('2026-04-10')).toBe('2026-04-10'); // Friday
    expect(endOfWeek('2026-04-11')).toBe('2026-04-10'); // Saturday: the Friday just gone
    expect(endOfWeek('2026-04-12')).toBe('2026-04-10'); // Sunday
  });

  it('crosses month and year boundaries and ignores bank holidays', () => {
    expect(endOfWeek('2026-12-28')).toBe('2027-01-01'); // New Year's Day is still the Friday
    expect(endOfWeek('2026-03-30')).toBe('2026-04-03'); // Good Friday
  });
});

describe('any year from the first the calendar covers', () => {
  it('adds working days across every year boundary up to 2050 without throwing', () => {
    for (const nation of NATIONS) {
      for (let year = 2025; year <= 2050; year += 1) {
        const start = `${year}-12-20`;
        const end = addWorkingDays(start, 15, nation);
        expect(workingDaysBetween(start, end, nation), `${nation} ${start}`).toBe(15);
        expect(addWorkingDays(end, -15, nation) <= start).toBe(true);
      }
    }
  });

  it('walks the whole of 2025-2050 day by day in each nation', () => {
    for (const nation of NATIONS) {
      const end = addWorkingDays('2025-01-01', 6500, nation);
      expect(end > '2050-01-01').toBe(true);
      expect(workingDaysBetween('2025-01-01', end, nation)).toBe(6500);
    }
  });

  it('skips the computed holidays after 2030', () => {
    // Easter 2038 is 25 April: Good Friday 23, Easter Monday 26 (not in Scotland).
    expect(nextWorkingDay('2038-04-22', EW)).toBe('2038-04-27');
    expect(nextWorkingDay('2038-04-22', SCO)).toBe('2038-04-26');
    // Christmas 2049 is a Saturday: Monday 27 and Tuesday 28 December are off everywhere.
    for (const nation of NATIONS) expect(nextWorkingDay('2049-12-24', nation)).toBe('2049-12-29');
    // 1 January 2050 is a Saturday; Scotland also loses Tuesday 4 January for the 2nd.
    expect(nextWorkingDay('2049-12-31', EW)).toBe('2050-01-04');
    expect(nextWorkingDay('2049-12-31', SCO)).toBe('2050-01-05');
  });
});

describe('range errors', () => {
  it('refuses to step into a year before the calendar starts', () => {
    expect(() => previousWorkingDay('2019-01-02', SCO)).toThrow(
      new RangeError('no bank-holiday data for 2018; the calendar covers 2019 onwards'),
    );
    expect(() => workingDaysBefore('2019-01-10', 10, NI)).toThrow(RangeError);
    expect(() => isWorkingDay('2018-12-29', EW)).toThrow(RangeError); // even a Saturday
  });

  it('still allows the first covered days, and n = 0 anywhere', () => {
    expect(previousWorkingDay('2019-01-07', EW)).toBe('2019-01-04');
    expect(addWorkingDays('2018-06-06', 0, EW)).toBe('2018-06-06'); // n = 0 needs no data
  });

  it('rejects an unknown nation', () => {
    expect(() => isWorkingDay('2026-04-08', 'wales' as Nation)).toThrow(RangeError);
  });
});

describe('any day from 2025 to 2050', () => {
  it('8 working days before Wed 21 April 2049 skips Easter 2049 (Good Friday 16, Easter Monday 19)', () => {
    // Counting back: Tue 20 (1); Mon 19, Sun, Sat, Fri 16 skipped; Thu 15 (2) ... Wed 7 (8).
    expect(workingDaysBefore('2049-04-21', 8, EW)).toBe('2049-04-07');
    // Easter Monday is a working day in Scotland, so one day fewer is skipped.
    expect(workingDaysBefore('2049-04-21', 8, SCO)).toBe('2049-04-08');
  });

  it('skips both substitute days when Christmas 2049 falls on a Saturday', () => {
    expect(addWorkingDays('2049-12-24', 1, EW)).toBe('2049-12-29');
    expect(workingDaysBetween('2049-12-24', '2049-12-31', NI)).toBe(3);
    expect(isWorkingDay('2050-01-03', SCO)).toBe(false); // 1 Jan 2050 is a Saturday: Mon 3 off
  });

  it('does working-day maths for every day of 2025-2050 in every nation without a gap', () => {
    for (const nation of NATIONS) {
      let checked = 0;
      for (let day = '2025-01-01'; day <= '2050-12-31'; day = addCalendarDays(day, 1)) {
        const later = addWorkingDays(day, 10, nation);
        expect(isWorkingDay(later, nation)).toBe(true);
        expect(workingDaysBetween(day, later, nation)).toBe(10);
        const before = workingDaysBefore(day, 8, nation);
        expect(before < day && isWorkingDay(before, nation)).toBe(true);
        checked += 1;
      }
      expect(checked).toBe(9496); // 26 years, 6 of them leap years
    }
  });
});
