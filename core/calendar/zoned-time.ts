// Conversions between instants (Date) and wall-clock time in an IANA time zone.
//
// Why: a MARAC meets at "09:30 London time" and a due date is a London calendar day, but the
// server may run in UTC and the UK changes clocks twice a year (REQUIREMENTS.md §11.7 /
// FR-031). core/ takes no libraries, so this uses Intl.DateTimeFormat alone, whose time-zone
// database ships with Node.

import { isoWeekdayNumber, parseDay } from './working-days.js';

/** Day of the week, lower case, as used in meeting patterns. */
export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** Wall-clock time of day in some zone. */
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
}

const WEEKDAYS: ReadonlyArray<Weekday> = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Formatters are costly to build, so keep one per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone. 'h23' avoids the "24:00" some engines print.
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid Date');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The wall clock read as if it were UTC, in ms: a zone's offset is this minus the instant. */
function wallClockAsUtcMs(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The zone's UTC offset in ms at an instant (e.g. +3_600_000 during BST). */
function offsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtcMs(wallClock(new Date(wholeSecond), timeZone)) - wholeSecond;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The calendar day ('YYYY-MM-DD') that the wall clock in `timeZone` shows at `instant`.
 * @throws RangeError for an invalid Date or unknown time zone.
 */
export function localDay(instant: Date, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${pad2(wall.month)}-${pad2(wall.day)}`;
}

/**
 * The wall-clock hour and minute in `timeZone` at `instant`.
 * @throws RangeError for an invalid Date or unknown time zone.
 */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const wall = wallClock(instant, timeZone);
  return { hour: wall.hour, minute: wall.minute };
}

/**
 * The instant at which the wall clock in `timeZone` shows `day` at `time` ('HH:MM', 24-hour).
 * Clock changes are resolved like Temporal's default ("compatible") disambiguation:
 * - a time skipped by a spring-forward gap is moved forward by the gap's length, giving an
 *   instant after the gap (London 2026-03-29 01:30 -> 02:30 BST = 01:30Z);
 * - a time repeated in an autumn overlap gives the earlier instant (London 2026-10-25 01:30
 *   -> 01:30 BST = 00:30Z).
 * @throws RangeError for an invalid day, time or time zone.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const wallMs = wallTimeAsUtcMs(day, time);
  // Real zones change offset at most once within a day either side, so the offsets a day
  // before and a day after are the only candidates.
  const offsetBefore = offsetMs(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMs(wallMs + MS_PER_DAY, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter];
  const valid = candidates.filter((ms) => ms + offsetMs(ms, timeZone) === wallMs);
  // Overlap: two valid instants, take the earlier. Gap: none valid; the later candidate is
  // the wall time pushed forward by the gap.
  const chosen = valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
  return new Date(chosen);
}

function wallTimeAsUtcMs(day: string, time: string): number {
  parseDay(day);
  const match = TIME_PATTERN.exec(time);
  if (match === null) {
    throw new RangeError(`invalid time "${time}": expected HH:MM (00:00-23:59)`);
  }
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return (
    wallClockAsUtcMs({ year, month, day: date, hour: 0, minute: 0, second: 0 }) +
    minutes * MS_PER_MINUTE
  );
}

/**
 * The day of the week of a calendar day ('YYYY-MM-DD'); no time zone is involved.
 * @throws RangeError if `day` is invalid.
 */
export function weekdayOf(day: string): Weekday {
  const weekday = WEEKDAYS[isoWeekdayNumber(day) - 1];
  if (weekday === undefined) throw new RangeError(`invalid calendar day "${day}"`);
  return weekday;
}
