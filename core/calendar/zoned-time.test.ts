import { describe, it, expect } from 'vitest';
import { addCalendarDays } from './working-days.js';
import { localDay, localTime, weekdayOf, zonedInstant } from './zoned-time.js';

const LONDON = 'Europe/London';

function iso(date: Date): string {
  return date.toISOString();
}

describe('zonedInstant: ordinary days', () => {
  it('09:30 London in summer (BST, UTC+1) is 08:30Z', () => {
    expect(iso(zonedInstant('2026-04-08', '09:30', LONDON))).toBe('2026-04-08T08:30:00.000Z');
  });

  it('09:30 London in winter (GMT, UTC+0) is 09:30Z', () => {
    expect(iso(zonedInstant('2026-01-14', '09:30', LONDON))).toBe('2026-01-14T09:30:00.000Z');
  });

  it('handles midnight and the last minute of the day', () => {
    expect(iso(zonedInstant('2026-07-01', '00:00', LONDON))).toBe('2026-06-30T23:00:00.000Z');
    expect(iso(zonedInstant('2026-12-31', '23:59', LONDON))).toBe('2026-12-31T23:59:00.000Z');
  });

  it('works for other zones', () => {
    expect(iso(zonedInstant('2026-04-08', '09:30', 'UTC'))).toBe('2026-04-08T09:30:00.000Z');
    expect(iso(zonedInstant('2026-07-01', '09:30', 'America/New_York'))).toBe(
      '2026-07-01T13:30:00.000Z',
    );
    expect(iso(zonedInstant('2026-07-01', '09:30', 'Australia/Sydney'))).toBe(
      '2026-06-30T23:30:00.000Z',
    );
  });
});

describe('zonedInstant: UK spring forward, Sunday 29 March 2026 (01:00 GMT -> 02:00 BST)', () => {
  it('is GMT before the gap and BST after it', () => {
    expect(iso(zonedInstant('2026-03-29', '00:59', LONDON))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '02:00', LONDON))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '09:30', LONDON))).toBe('2026-03-29T08:30:00.000Z');
  });

  it('moves a wall time inside the gap forward by the gap, to after it', () => {
    // 01:00 and 01:30 never appear on London clocks that morning.
    expect(iso(zonedInstant('2026-03-29', '01:00', LONDON))).toBe('2026-03-29T01:00:00.000Z');
    const inGap = zonedInstant('2026-03-29', '01:30', LONDON);
    expect(iso(inGap)).toBe('2026-03-29T01:30:00.000Z');
    expect(localTime(inGap, LONDON)).toEqual({ hour: 2, minute: 30 });
  });
});

describe('zonedInstant: UK fall back, Sunday 25 October 2026 (02:00 BST -> 01:00 GMT)', () => {
  it('is BST before the overlap and GMT after it', () => {
    expect(iso(zonedInstant('2026-10-25', '00:30', LONDON))).toBe('2026-10-24T23:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '02:00', LONDON))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '09:30', LONDON))).toBe('2026-10-25T09:30:00.000Z');
  });

  it('picks the earlier of the two instants showing a repeated wall time', () => {
    expect(iso(zonedInstant('2026-10-25', '01:00', LONDON))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '01:30', LONDON))).toBe('2026-10-25T00:30:00.000Z');
    // Both instants really do show 01:30 in London.
    expect(localTime(new Date('2026-10-25T00:30:00Z'), LONDON)).toEqual({ hour: 1, minute: 30 });
    expect(localTime(new Date('2026-10-25T01:30:00Z'), LONDON)).toEqual({ hour: 1, minute: 30 });
  });
});

describe('zonedInstant round-trips through localDay/localTime', () => {
  it('for every quarter hour around both 2026 clock changes, outside the gap', () => {
    for (const start of ['2026-03-28', '2026-10-24']) {
      for (let dayOffset = 0; dayOffset < 3; dayOffset += 1) {
        const day = addCalendarDays(start, dayOffset);
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const hour = Math.floor(minutes / 60);
          const minute = minutes % 60;
          if (day === '2026-03-29' && hour === 1) continue; // the gap
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedInstant(day, time, LONDON);
          expect(localDay(instant, LONDON), `${day} ${time}`).toBe(day);
          expect(localTime(instant, LONDON), `${day} ${time}`).toEqual({ hour, minute });
        }
      }
    }
  });
});

describe('zonedInstant: America/New_York gap (8 March 2026, 02:00 EST -> 03:00 EDT)', () => {
  it('moves 02:30 forward to 03:30 EDT', () => {
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });
});

describe('zonedInstant: validation', () => {
  it.each(['24:00', '9:30', '09:60', '0930', ''])('rejects time %j', (time) => {
    expect(() => zonedInstant('2026-04-08', time, LONDON)).toThrow(RangeError);
  });

  it('rejects an invalid day or time zone', () => {
    expect(() => zonedInstant('2026-02-30', '09:30', LONDON)).toThrow(RangeError);
    expect(() => zonedInstant('2026-04-08', '09:30', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('localDay / localTime', () => {
  it('gives the London calendar day, which can differ from the UTC day in summer', () => {
    const lateUtc = new Date('2026-06-30T23:30:00Z');
    expect(localDay(lateUtc, LONDON)).toBe('2026-07-01');
    expect(localTime(lateUtc, LONDON)).toEqual({ hour: 0, minute: 30 });
    expect(localDay(lateUtc, 'UTC')).toBe('2026-06-30');
  });

  it('matches UTC in winter', () => {
    const lateUtc = new Date('2026-12-31T23:30:00Z');
    expect(localDay(lateUtc, LONDON)).toBe('2026-12-31');
    expect(localTime(lateUtc, LONDON)).toEqual({ hour: 23, minute: 30 });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(localTime(new Date('2026-01-14T00:00:00Z'), LONDON)).toEqual({ hour: 0, minute: 0 });
  });

  it('rejects an invalid Date', () => {
    expect(() => localDay(new Date('nonsense'), LONDON)).toThrow(RangeError);
  });
});

describe('weekdayOf', () => {
  it('names the day of the week of a calendar day', () => {
    expect(weekdayOf('2026-04-06')).toBe('monday');
    expect(weekdayOf('2026-04-08')).toBe('wednesday');
    expect(weekdayOf('2025-11-30')).toBe('sunday');
    expect(weekdayOf('2027-12-25')).toBe('saturday');
    expect(weekdayOf('2028-02-29')).toBe('tuesday');
  });

  it('rejects an invalid day', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
  });
});
