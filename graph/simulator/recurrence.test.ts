import { describe, expect, it } from 'vitest';
import { expand, type PatternedRecurrence, recurrenceProblem } from './recurrence.js';

const LONDON = 'Europe/London';
const HOURS = 3.5 * 3600_000;
const series = (pattern: PatternedRecurrence['pattern'], range: PatternedRecurrence['range']) => ({
  pattern,
  range,
});

describe('recurrence expansion in the simulated calendar', () => {
  it('keeps a fortnightly Wednesday 09:30 London series at 09:30 across the October clock change', () => {
    const r = series(
      { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
      { type: 'numbered', startDate: '2026-10-14', numberOfOccurrences: 3 },
    );
    const occurrences = expand(
      r,
      new Date('2026-10-14T08:30:00Z'),
      HOURS,
      LONDON,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-10-14T08:30:00.000Z', // BST
      '2026-10-28T09:30:00.000Z', // GMT
      '2026-11-11T09:30:00.000Z',
    ]);
    expect(occurrences[0]?.end.toISOString()).toBe('2026-10-14T12:00:00.000Z');
  });

  it('finds the last Thursday of every month, and only occurrences overlapping the window', () => {
    const r = series(
      { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'last' },
      { type: 'endDate', startDate: '2026-01-01', endDate: '2026-12-31' },
    );
    const days = expand(
      r,
      new Date('2026-01-29T10:00:00Z'),
      HOURS,
      LONDON,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-06-01T00:00:00Z'),
    ).map((o) => o.start.toISOString().slice(0, 10));
    expect(days).toEqual(['2026-03-26', '2026-04-30', '2026-05-28']);
  });

  it('states what a pattern lacks, as Graph does', () => {
    expect(
      recurrenceProblem(
        series({ type: 'weekly', interval: 1 }, { type: 'noEnd', startDate: '2026-01-07' }),
      ),
    ).toMatch(/daysOfWeek is required/);
    expect(
      recurrenceProblem(
        series(
          { type: 'daily', interval: 1 },
          { type: 'endDate', startDate: '2026-01-07', endDate: '2026-01-01' },
        ),
      ),
    ).toMatch(/endDate must be on or after/);
  });
});
