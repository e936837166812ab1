// Public API of the working-day calendar (REQUIREMENTS.md §11.7 / FR-031): bank holidays per
// UK nation, working-day arithmetic over 'YYYY-MM-DD' days, and wall-clock <-> instant
// conversion for the product's time zone.

export type { BankHoliday, Nation, ProclaimedChange } from './bank-holidays.js';
export {
  bankHolidays,
  CALENDAR_FIRST_YEAR,
  easterSunday,
  NATIONS,
  PROCLAIMED_CHANGES,
} from './bank-holidays.js';
export {
  addCalendarDays,
  addWorkingDays,
  endOfWeek,
  isWorkingDay,
  nextWorkingDay,
  parseDay,
  previousWorkingDay,
  workingDaysBefore,
  workingDaysBetween,
} from './working-days.js';
export { longDay, longDayWithWeekday } from './day-words.js';
export type { LocalTime, Weekday } from './zoned-time.js';
export { localDay, localTime, weekdayOf, zonedInstant } from './zoned-time.js';
