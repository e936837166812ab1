/**
 * Calendar arithmetic of the simulated tenant, written apart from the product's core/calendar
 * on purpose: if the product and the simulator shared it, a mistake in it (a clock change, a
 * time zone) would be made twice and no test could see it. Outlook's rules: a wall-clock time
 * that does not exist (spring forward) moves forward by the gap; one that happens twice
 * (fall back) is the earlier instant.
 */
const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const HOUR = 3_600_000;

/** Minutes east of UTC in `timeZone` at `instant`, from Intl's `longOffset` (GMT+01:00). */
function offsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName')?.value;
  const found = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!found) return 0; // plain "GMT"
  const minutes = Number(found[2]) * 60 + Number(found[3]);
  return found[1] === '-' ? -minutes : minutes;
}

/** The instant at which clocks in `timeZone` show `day` ('YYYY-MM-DD') at `time` ('HH:MM'). */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`invalid day or time "${day} ${time}"`);
  const before = offsetMinutes(asUtc - 24 * HOUR, timeZone);
  const after = offsetMinutes(asUtc + 24 * HOUR, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => offsetMinutes(t, timeZone) * 60_000 === asUtc - t)
    .sort((a, b) => a - b);
  // No valid reading: the time falls in a spring-forward gap; read it with the old offset.
  return new Date(valid[0] ?? asUtc - before * 60_000);
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant))
    out[p.type] = p.value;
  return out;
}

/** The calendar day ('YYYY-MM-DD') `instant` falls on in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The wall-clock hour and minute of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): { hour: number; minute: number } {
  const p = parts(instant, timeZone);
  return { hour: Number(p.hour), minute: Number(p.minute) };
}

/** Lower-case English weekday of a calendar day. */
export function weekdayOf(day: string): Weekday {
  const name = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()];
  if (!name) throw new RangeError(`invalid calendar day "${day}"`);
  return name;
}

export function addCalendarDays(day: string, n: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
