import { describe, expect, it } from 'vitest';
import { longDay, longDayWithWeekday } from './day-words.js';

describe('days in words', () => {
  it('writes the day, the month by name and the year', () => {
    expect(longDay('2025-03-31')).toBe('31 March 2025');
    expect(longDay('2026-01-01')).toBe('1 January 2026');
  });

  it('puts the weekday first when asked, whatever the time zone of the machine', () => {
    expect(longDayWithWeekday('2026-04-06')).toBe('Monday 6 April 2026');
    expect(longDayWithWeekday('2024-02-29')).toBe('Thursday 29 February 2024');
  });
});
