import { describe, expect, it } from 'vitest';
import { addCalendarDays, localDay, localTime, weekdayOf, zonedInstant } from './sim-calendar.js';

const LONDON = 'Europe/London';
const iso = (d: Date) => d.toISOString();

describe('the simulator’s own calendar arithmetic (independent of core/calendar)', () => {
  it('reads London wall clock in winter and summer', () => {
    expect(iso(zonedInstant('2026-01-14', '09:30', LONDON))).toBe('2026-01-14T09:30:00.000Z');
    expect(iso(zonedInstant('2026-04-08', '09:30', LONDON))).toBe('2026-04-08T08:30:00.000Z');
    expect(iso(zonedInstant('2026-07-01', '09:30', 'America/New_York'))).toBe(
      '2026-07-01T13:30:00.000Z',
    );
  });

  it('moves a time in the spring-forward gap forward, and takes the earlier of a repeated time', () => {
    const inGap = zonedInstant('2026-03-29', '01:30', LONDON);
    expect(iso(inGap)).toBe('2026-03-29T01:30:00.000Z');
    expect(localTime(inGap, LONDON)).toEqual({ hour: 2, minute: 30 });
    expect(iso(zonedInstant('2026-10-25', '01:00', LONDON))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '02:00', LONDON))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('gives local days, weekdays and day arithmetic', () => {
    expect(localDay(new Date('2026-06-30T23:30:00Z'), LONDON)).toBe('2026-07-01');
    expect(weekdayOf('2026-12-02')).toBe('wednesday');
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
