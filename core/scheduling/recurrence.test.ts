import { describe, expect, it } from 'vitest';
import { graphRecurrence, seriesDays } from './recurrence.js';

describe('series days (FR-002)', () => {
  it('steps fortnightly from the first matching weekday, up to the end day', () => {
    const days = seriesDays({
      frequency: 'fortnightly',
      dayOfWeek: 'wednesday',
      startsOn: '2027-03-22',
      endsOn: '2027-05-05',
    });
    expect(days).toEqual(['2027-03-24', '2027-04-07', '2027-04-21', '2027-05-05']);
  });

  it('keeps the same weekday of the month for monthly meetings', () => {
    const days = seriesDays({
      frequency: 'monthly',
      dayOfWeek: 'tuesday',
      startsOn: '2027-01-12',
      endsOn: '2027-04-30',
    });
    expect(days).toEqual(['2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13']);
    expect(
      graphRecurrence(
        {
          frequency: 'monthly',
          dayOfWeek: 'tuesday',
          startsOn: '2027-01-12',
          endsOn: '2027-04-30',
        },
        days,
      ).pattern,
    ).toEqual({
      type: 'relativeMonthly',
      interval: 1,
      daysOfWeek: ['tuesday'],
      index: 'second',
    });
  });
});
