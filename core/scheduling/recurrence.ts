import type { AreaPolicy } from '../area-policy.js';
import { addCalendarDays, weekdayOf, type Weekday } from '../calendar/index.js';
import type { Recurrence } from '../ports/meeting-scheduler.js';
import type { SeriesFrequency } from './meeting-repository.js';

/** A year of fortnightly meetings plus slack; an annual schedule never needs more (FR-001). */
export const MAX_SERIES_OCCURRENCES = 60;

export interface SeriesPattern {
  frequency: SeriesFrequency;
  dayOfWeek: Weekday;
  startsOn: string;
  endsOn: string;
  /**
   * Monthly only: which occurrence of the weekday in each month (1 = first .. 4 = fourth). Left
   * out, it is the week the first meeting falls in, as before.
   */
  weekOfMonth?: 1 | 2 | 3 | 4;
}

/**
 * The meeting days of a series (FR-002): every week or fortnight on a weekday, or monthly on
 * the same weekday of the month as the first meeting (e.g. the second Wednesday), up to and
 * including `endsOn`.
 */
export function seriesDays(pattern: SeriesPattern): string[] {
  if (pattern.frequency === 'daily') {
    const days: string[] = [];
    for (let day = pattern.startsOn; day <= pattern.endsOn; day = addCalendarDays(day, 1)) {
      if (WEEKDAYS.includes(weekdayOf(day))) days.push(day);
      if (days.length > MAX_SERIES_OCCURRENCES) break;
    }
    return days;
  }
  let first = pattern.startsOn;
  while (weekdayOf(first) !== pattern.dayOfWeek) first = addCalendarDays(first, 1);
  const days: string[] = [];
  if (pattern.frequency === 'monthly') {
    const index = pattern.weekOfMonth
      ? pattern.weekOfMonth - 1
      : Math.floor((Number(first.slice(8, 10)) - 1) / 7);
    for (let month = 0; days.length < MAX_SERIES_OCCURRENCES + 1; month += 1) {
      const day = nthWeekdayOfMonth(first, month, pattern.dayOfWeek, index);
      if (day > pattern.endsOn) break;
      if (day >= pattern.startsOn) days.push(day);
    }
  } else {
    const step = pattern.frequency === 'weekly' ? 7 : 14;
    for (let day = first; day <= pattern.endsOn; day = addCalendarDays(day, step)) {
      days.push(day);
      if (days.length > MAX_SERIES_OCCURRENCES) break;
    }
  }
  return days;
}

function nthWeekdayOfMonth(first: string, monthOffset: number, weekday: Weekday, index: number) {
  const year = Number(first.slice(0, 4));
  const month = Number(first.slice(5, 7)) - 1 + monthOffset;
  const y = year + Math.floor(month / 12);
  const m = (month % 12) + 1;
  let day = `${y}-${String(m).padStart(2, '0')}-01`;
  while (weekdayOf(day) !== weekday) day = addCalendarDays(day, 1);
  return addCalendarDays(day, 7 * Math.min(index, 3));
}

const WEEKDAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/**
 * FR-002: a new series follows the area's usual pattern (policy `meetingFrequency`,
 * `meetingDay` and, for monthly meetings, `meetingWeekOfMonth`, e.g. "2nd Tuesday") for what
 * the coordinator leaves out. A monthly week is taken from the policy only when the frequency
 * is too; otherwise it stays "the week the first meeting falls in".
 */
export function withPolicyPattern<
  T extends { frequency?: SeriesFrequency; dayOfWeek?: Weekday; weekOfMonth?: 1 | 2 | 3 | 4 },
>(
  input: T,
  policy: Pick<AreaPolicy, 'meetingFrequency' | 'meetingDay' | 'meetingWeekOfMonth'>,
): T & { frequency: SeriesFrequency; dayOfWeek: Weekday } {
  const frequency = input.frequency ?? policy.meetingFrequency;
  const weekOfMonth =
    input.weekOfMonth ??
    (!input.frequency && frequency === 'monthly' ? policy.meetingWeekOfMonth : undefined);
  return {
    ...input,
    frequency,
    dayOfWeek: input.dayOfWeek ?? policy.meetingDay,
    ...(weekOfMonth ? { weekOfMonth } : {}),
  };
}

const INDEX_NAMES = ['first', 'second', 'third', 'fourth'] as const;
const ORDINALS = ['1st', '2nd', '3rd', '4th'] as const;

/** The pattern in words for the schedule form: "Every other Wednesday", "2nd Tuesday of each month". */
export function describePattern(pattern: SeriesPattern, days: readonly string[]): string {
  if (pattern.frequency === 'daily') return 'Every weekday, Monday to Friday';
  const day = pattern.dayOfWeek.charAt(0).toUpperCase() + pattern.dayOfWeek.slice(1);
  if (pattern.frequency === 'weekly') return `Every ${day}`;
  if (pattern.frequency === 'fortnightly') return `Every other ${day}`;
  const first = days[0] ?? pattern.startsOn;
  const index = pattern.weekOfMonth
    ? pattern.weekOfMonth - 1
    : Math.min(3, Math.floor((Number(first.slice(8, 10)) - 1) / 7));
  return `${ORDINALS[index] ?? '1st'} ${day} of each month`;
}

/** The Graph recurrence (patternedRecurrence) for a series. */
export function graphRecurrence(pattern: SeriesPattern, days: readonly string[]): Recurrence {
  const first = days[0] ?? pattern.startsOn;
  const last = days[days.length - 1] ?? pattern.endsOn;
  if (pattern.frequency === 'daily')
    return {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: [...WEEKDAYS] },
      startDay: first,
      endDay: last,
    };
  if (pattern.frequency === 'monthly') {
    const index = INDEX_NAMES[Math.min(3, Math.floor((Number(first.slice(8, 10)) - 1) / 7))];
    return {
      pattern: {
        type: 'relativeMonthly',
        interval: 1,
        daysOfWeek: [pattern.dayOfWeek],
        index: index ?? 'first',
      },
      startDay: first,
      endDay: last,
    };
  }
  return {
    pattern: {
      type: 'weekly',
      interval: pattern.frequency === 'weekly' ? 1 : 2,
      daysOfWeek: [pattern.dayOfWeek],
    },
    startDay: first,
    endDay: last,
  };
}
