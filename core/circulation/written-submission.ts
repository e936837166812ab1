import {
  addCalendarDays,
  isWorkingDay,
  longDayWithWeekday,
  previousWorkingDay,
  type Nation,
} from '../calendar/index.js';

/**
 * A-07 (004:376): an agency that cannot attend sends its written submission at least the area's
 * `writtenSubmissionDaysBefore` days before the meeting. The deadline is that many calendar days
 * before the meeting day, brought back to the working day before when it falls on a weekend or
 * bank holiday (nobody is expected to submit on a day off). 0 means the meeting day itself.
 */
export function writtenSubmissionDueOn(
  meetingDay: string,
  daysBefore: number,
  nation: Nation,
): string {
  if (daysBefore <= 0) return meetingDay;
  const day = addCalendarDays(meetingDay, -daysBefore);
  return isWorkingDay(day, nation) ? day : previousWorkingDay(day, nation);
}

/** "Monday 6 April 2026" for a YYYY-MM-DD day. */
export const formatLongDay = longDayWithWeekday;
