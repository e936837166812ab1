import { describe, expect, it } from 'vitest';
import { formatUkDate, parseTime, parseUkDate } from './date-inputs.js';

describe('dates and times as the area writes them', () => {
  it('reads day/month/year (and the API form), never month/day', () => {
    expect(parseUkDate('23/12/2026')).toBe('2026-12-23');
    expect(parseUkDate('3/1/2027')).toBe('2027-01-03');
    expect(parseUkDate('03.01.27')).toBe('2027-01-03');
    expect(parseUkDate('2026-12-23')).toBe('2026-12-23');
    expect(parseUkDate('12/23/2026')).toBeNull(); // no 23rd month
    expect(parseUkDate('29/02/2027')).toBeNull();
    expect(parseUkDate('29/02/2028')).toBe('2028-02-29');
    expect(parseUkDate('next Tuesday')).toBeNull();
    expect(formatUkDate('2026-12-23')).toBe('23/12/2026');
    expect(formatUkDate('')).toBe('');
  });

  it('reads 24-hour times', () => {
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('13:30')).toBe('13:30');
    expect(parseTime('1330')).toBe('13:30');
    expect(parseTime('13.30')).toBe('13:30');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('1:30 PM')).toBeNull();
  });
});
