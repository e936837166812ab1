// Working-day arithmetic over calendar days ('YYYY-MM-DD' strings).
//
// REQUIREMENTS.md §11.7 / FR-031: working-day maths needs the bank holidays of the right UK
// nation (a case list circulated "8 working days before" a Scottish MARAC must skip the first
// Monday of August, not the last). A calendar day has no time zone, so days are handled as
// whole UTC days internally: local-time Date methods would shift a day across a BST change or
// on a server running in another zone. Turning an instant into a day is zoned-time.ts's job.

import type { Nation } from './bank-holidays.js';
import { bankHolidays } from './bank-holidays.js';

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Bank-holiday dates per nation and year as sets: lookups happen for every day stepped. */
const holidaySets = new Map<string, ReadonlySet<string>>();

/**
 * The nation's bank holidays in `day`'s year.
 * @throws RangeError for an unknown nation or a year the calendar does not cover.
 */
function holidaysOfYear(day: string, nation: Nation): ReadonlySet<string> {
  const year = Number(day.slice(0, 4));
  const key = `${nation}:${year}`;
  let set = holidaySets.get(key);
  if (set === undefined) {
    set = new Set(bankHolidays(nation, year).map((holiday) => holiday.date));
    holidaySets.set(key, set);
  }
  return set;
}

/**
 * Validates a calendar day written 'YYYY-MM-DD' and returns it unchanged, so it can be used
 * inline (`const day = parseDay(input)`).
 * @throws RangeError if `s` is not in that form or is not a real date (e.g. '2026-02-30').
 */
export function parseDay(s: string): string {
  toEpochDay(s);
  return s;
}

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD'; throws RangeError otherwise. */
function toEpochDay(s: string): number {
  const match = DAY_PATTERN.exec(s);
  if (match === null) {
    throw new RangeError(`invalid calendar day "${s}": expected YYYY-MM-DD`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!roundTrips) {
    throw new RangeError(`invalid calendar day "${s}": no such date`);
  }
  return date.getTime() / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * ISO weekday of a calendar day: 1 = Monday ... 7 = Sunday. Shared with zoned-time.ts; the
 * public API offers weekdayOf instead.
 * @throws RangeError if `day` is invalid.
 */
export function isoWeekdayNumber(day: string): number {
  // 1970-01-01 (epoch day 0) was a Thursday, 3 days after a Monday.
  const sinceMonday = (((toEpochDay(day) + 3) % 7) + 7) % 7;
  return sinceMonday + 1;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${what} must be a whole number of days, got ${n}`);
  }
}

/**
 * The day `n` calendar days after `day` (before it if `n` is negative).
 * @throws RangeError if `day` is invalid or `n` is not an integer.
 */
export function addCalendarDays(day: string, n: number): string {
  assertInteger(n, 'n');
  return fromEpochDay(toEpochDay(day) + n);
}

/**
 * True if `day` is Monday to Friday and not a bank holiday in `nation`.
 * @throws RangeError if `day` is invalid, its year is before the calendar's first year, or
 *   `nation` is unknown.
 */
export function isWorkingDay(day: string, nation: Nation): boolean {
  const weekday = isoWeekdayNumber(day);
  // Looked up even at weekends, so an unknown nation or uncovered year always throws.
  const holidays = holidaysOfYear(day, nation);
  return weekday <= 5 && !holidays.has(day);
}

/**
 * The day `n` working days after `day` (before it if `n` is negative). Counting starts from
 * the next (or previous) day, so `day` itself never counts and need not be a working day:
 * one working day after a Saturday is the Monday. `addWorkingDays(d, 0)` returns `d` as is.
 * @throws RangeError if `day` is invalid, `n` is not an integer, or the walk needs a year
 *   before the calendar's first year.
 */
export function addWorkingDays(day: string, n: number, nation: Nation): string {
  assertInteger(n, 'n');
  parseDay(day);
  const step = n < 0 ? -1 : 1;
  let current = day;
  for (let remaining = Math.abs(n); remaining > 0;) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, nation)) remaining -= 1;
  }
  return current;
}

/**
 * The day `n` working days before `day`, e.g. the case-list circulation day for a meeting.
 * Same as `addWorkingDays(day, -n, nation)`: the meeting day itself is not counted.
 * @throws RangeError if `n` is negative or not an integer, or as for addWorkingDays.
 */
export function workingDaysBefore(day: string, n: number, nation: Nation): string {
  assertInteger(n, 'n');
  if (n < 0) throw new RangeError(`workingDaysBefore needs n >= 0, got ${n}`);
  return addWorkingDays(day, -n, nation);
}

/**
 * Counts working days between two days, as a half-open interval:
 * - if `from <= to`: the number of working days d with from < d <= to (so `from` is excluded
 *   and `to` included; equal days give 0);
 * - if `to < from`: minus the number of working days d with to < d <= from, so that
 *   `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`.
 * For n >= 0, `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every day d.
 * @throws RangeError if a day is invalid or a counted year is before the calendar's first year.
 */
export function workingDaysBetween(from: string, to: string, nation: Nation): number {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  if (end < start) return -workingDaysBetween(to, from, nation);
  let count = 0;
  for (let epochDay = start + 1; epochDay <= end; epochDay += 1) {
    if (isWorkingDay(fromEpochDay(epochDay), nation)) count += 1;
  }
  return count;
}

/**
 * The first working day strictly after `day`.
 * @throws RangeError as for addWorkingDays.
 */
export function nextWorkingDay(day: string, nation: Nation): string {
  return addWorkingDays(day, 1, nation);
}

/**
 * The last working day strictly before `day`.
 * @throws RangeError as for addWorkingDays.
 */
export function previousWorkingDay(day: string, nation: Nation): string {
  return addWorkingDays(day, -1, nation);
}

/**
 * The Friday of `day`'s ISO week (weeks run Monday to Sunday), used for "by the end of the
 * MARAC week" due dates. For a Saturday or Sunday this is the Friday just gone. Bank holidays
 * are ignored: the due date is a calendar day, not necessarily a working day.
 * @throws RangeError if `day` is invalid.
 */
export function endOfWeek(day: string): string {
  return addCalendarDays(day, 5 - isoWeekdayNumber(day));
}
