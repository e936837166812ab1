import { z } from 'zod';
import { addCalendarDays, localDay, localTime, weekdayOf, zonedInstant } from './sim-calendar.js';

/**
 * Graph's patternedRecurrence, the parts a calendar event series uses, and its expansion into
 * occurrences the way Outlook does: the series master's wall-clock start time on each matching
 * day, in the event's time zone (so a London 09:30 series stays 09:30 across clock changes).
 */
const WEEKDAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
/**
 * Graph's dayOfWeek enum is lower case, but it reads members case-insensitively: Microsoft's own
 * "create a recurring event" sample sends `"daysOfWeek": [ "Monday" ]`. Normalised here.
 */
const WEEKDAY = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(WEEKDAY_NAMES));
export const recurrenceSchema = z.object({
  pattern: z.object({
    type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly']),
    interval: z.number().int().min(1).max(99),
    daysOfWeek: z.array(WEEKDAY).optional(),
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    index: z.enum(['first', 'second', 'third', 'fourth', 'last']).optional(),
    firstDayOfWeek: WEEKDAY.optional(),
  }),
  range: z.object({
    type: z.enum(['endDate', 'noEnd', 'numbered']),
    startDate: z.iso.date(),
    endDate: z.iso.date().optional(),
    numberOfOccurrences: z.number().int().min(1).max(999).optional(),
    recurrenceTimeZone: z.string().optional(),
  }),
});
export type PatternedRecurrence = z.infer<typeof recurrenceSchema>;

/** Graph's own rules on which properties each pattern and range need; null when it is fine. */
export function recurrenceProblem(r: PatternedRecurrence): string | null {
  const { pattern, range } = r;
  if (
    (pattern.type === 'weekly' || pattern.type === 'relativeMonthly') &&
    !pattern.daysOfWeek?.length
  )
    return `recurrence.pattern.daysOfWeek is required for a ${pattern.type} pattern`;
  if (pattern.type === 'relativeMonthly' && !pattern.index)
    return 'recurrence.pattern.index is required for a relativeMonthly pattern';
  if (pattern.type === 'absoluteMonthly' && !pattern.dayOfMonth)
    return 'recurrence.pattern.dayOfMonth is required for an absoluteMonthly pattern';
  if (range.type === 'endDate' && (!range.endDate || range.endDate < range.startDate))
    return 'recurrence.range.endDate must be on or after startDate';
  if (range.type === 'numbered' && !range.numberOfOccurrences)
    return 'recurrence.range.numberOfOccurrences is required for a numbered range';
  return null;
}

export interface Occurrence {
  start: Date;
  end: Date;
}

/**
 * Occurrences of a series starting at `firstStart` (lasting `durationMs`), in `timeZone`,
 * that overlap [from, to). Stops at the range's end, its count, or `to`.
 */
export function expand(
  r: PatternedRecurrence,
  firstStart: Date,
  durationMs: number,
  timeZone: string,
  from: Date,
  to: Date,
): Occurrence[] {
  const { hour, minute } = localTime(firstStart, timeZone);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const out: Occurrence[] = [];
  let count = 0;
  const last = r.range.type === 'endDate' ? (r.range.endDate as string) : localDay(to, timeZone);
  for (let day = r.range.startDate; day <= last; day = addCalendarDays(day, 1)) {
    if (!matches(r, day)) continue;
    count += 1;
    if (r.range.type === 'numbered' && count > (r.range.numberOfOccurrences as number)) break;
    const start = zonedInstant(day, time, timeZone);
    if (start >= to) break;
    const end = new Date(start.getTime() + durationMs);
    if (end > from) out.push({ start, end });
  }
  return out;
}

function matches(r: PatternedRecurrence, day: string): boolean {
  const { pattern, range } = r;
  const weekday = weekdayOf(day);
  const [y0, m0] = range.startDate.split('-').map(Number) as [number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const monthsApart = (y - y0) * 12 + (m - m0);
  switch (pattern.type) {
    case 'daily':
      return daysBetween(range.startDate, day) % pattern.interval === 0;
    case 'weekly': {
      const first = weekStart(range.startDate, pattern.firstDayOfWeek ?? 'sunday');
      const weeks = Math.floor(daysBetween(first, day) / 7);
      return weeks % pattern.interval === 0 && (pattern.daysOfWeek ?? []).includes(weekday);
    }
    case 'absoluteMonthly':
      return monthsApart % pattern.interval === 0 && d === pattern.dayOfMonth;
    case 'relativeMonthly': {
      if (monthsApart % pattern.interval !== 0 || !(pattern.daysOfWeek ?? []).includes(weekday))
        return false;
      const nth = Math.ceil(d / 7);
      const isLast = addCalendarDays(day, 7).slice(0, 7) !== day.slice(0, 7);
      const wanted = { first: 1, second: 2, third: 3, fourth: 4, last: 0 }[
        pattern.index ?? 'first'
      ];
      return wanted === 0 ? isLast : nth === wanted;
    }
  }
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function weekStart(day: string, firstDayOfWeek: string): string {
  const order = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const offset = (order.indexOf(weekdayOf(day)) - order.indexOf(firstDayOfWeek) + 7) % 7;
  return addCalendarDays(day, -offset);
}
