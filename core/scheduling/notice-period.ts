import { localDay, workingDaysBetween, type Nation } from '../calendar/index.js';

/**
 * FR-004: a meeting is inside the notice period when it falls within `noticeWorkingDays`
 * working days of today (the meeting day counted, today not), or is today or already past.
 */
export function insideNoticePeriod(
  now: Date,
  meetingStart: Date,
  area: { nation: Nation; timeZone: string; policy: { noticePeriodWorkingDays: number } },
): boolean {
  const today = localDay(now, area.timeZone);
  const day = localDay(meetingStart, area.timeZone);
  if (day <= today) return true;
  return workingDaysBetween(today, day, area.nation) <= area.policy.noticePeriodWorkingDays;
}
