import type * as Graph from '@microsoft/microsoft-graph-types';
import { localDay, localTime } from '../core/calendar/index.js';
import type { Recurrence } from '../core/ports/meeting-scheduler.js';

/** Conversions between the product's meeting values and Graph's event and meeting shapes. */

/** `https://teams.microsoft.com/l/meetup-join/19%3ameeting_...%40thread.v2/0?...` → `19:meeting_...@thread.v2`. */
export function threadOfJoinUrl(joinUrl: string): string | null {
  try {
    const [, , kind, thread] = new URL(joinUrl).pathname.split('/');
    const decoded = kind === 'meetup-join' && thread ? decodeURIComponent(thread) : '';
    return /^19:.+@thread\.(v2|skype|tacv2)$/.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/** An instant as Graph's dateTimeTimeZone in the area's zone (wall clock, IANA name). */
export function wallClock(instant: Date, timeZone: string): Graph.DateTimeTimeZone {
  const { hour, minute } = localTime(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { dateTime: `${localDay(instant, timeZone)}T${pad(hour)}:${pad(minute)}:00`, timeZone };
}

/** Instances are requested with `Prefer: outlook.timezone="UTC"`, so times are UTC wall clock. */
export function fromUtc(value: Graph.NullableOption<Graph.DateTimeTimeZone> | undefined): Date {
  if (!value?.dateTime || (value.timeZone ?? 'UTC') !== 'UTC')
    throw new Error(`Expected a UTC dateTimeTimeZone from Graph, got ${value?.timeZone ?? 'none'}`);
  return new Date(`${value.dateTime.slice(0, 23)}Z`);
}

export function toGraphRecurrence(r: Recurrence, timeZone: string): Graph.PatternedRecurrence {
  const pattern: Graph.RecurrencePattern =
    r.pattern.type === 'weekly'
      ? {
          type: 'weekly',
          interval: r.pattern.interval,
          daysOfWeek: r.pattern.daysOfWeek as Graph.DayOfWeek[],
          firstDayOfWeek: 'monday',
        }
      : {
          type: 'relativeMonthly',
          interval: r.pattern.interval,
          daysOfWeek: r.pattern.daysOfWeek as Graph.DayOfWeek[],
          index: r.pattern.index,
        };
  const range: Graph.RecurrenceRange = r.endDay
    ? { type: 'endDate', startDate: r.startDay, endDate: r.endDay, recurrenceTimeZone: timeZone }
    : r.numberOfOccurrences
      ? {
          type: 'numbered',
          startDate: r.startDay,
          numberOfOccurrences: r.numberOfOccurrences,
          recurrenceTimeZone: timeZone,
        }
      : { type: 'noEnd', startDate: r.startDay, recurrenceTimeZone: timeZone };
  return { pattern, range };
}
