// A calendar day ('YYYY-MM-DD') in words, the way British readers expect it in mail and
// documents. No time zone is involved: a day is a day wherever it is read.

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "31 March 2025". */
export function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Monday 6 April 2026". */
export function longDayWithWeekday(day: string): string {
  const weekday = DAY_NAMES[new Date(`${day}T12:00:00Z`).getUTCDay()];
  return `${weekday} ${longDay(day)}`;
}
