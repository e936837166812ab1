import { describe, expect, it } from 'vitest';
import { describePattern, graphRecurrence, seriesDays } from './recurrence.js';

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

  it('lets the coordinator pick the week of the month, skipping a first month that has passed it', () => {
    const pattern = {
      frequency: 'monthly',
      dayOfWeek: 'tuesday',
      startsOn: '2027-01-12',
      endsOn: '2027-04-30',
      weekOfMonth: 1,
    } as const;
    const days = seriesDays(pattern);
    expect(days).toEqual(['2027-02-02', '2027-03-02', '2027-04-06']);
    expect(graphRecurrence(pattern, days).pattern).toMatchObject({ index: 'first' });
    expect(describePattern(pattern, days)).toBe('1st Tuesday of each month');
    expect(describePattern({ ...pattern, weekOfMonth: undefined }, ['2027-01-12'])).toBe(
      '2nd Tuesday of each month',
    );
    expect(describePattern({ ...pattern, frequency: 'fortnightly' }, days)).toBe(
      'Every other Tuesday',
    );
  });
});
