import { zonedInstant } from './sim-calendar.js';
import { SimGraphError } from './sim-route.js';
import type { DateTimeTimeZone } from './tenant-state.js';

/**
 * Graph's dateTimeTimeZone accepts Windows time zone names and the IANA names in its
 * "additional time zones" list (e.g. Europe/London). The simulator maps the Windows names an
 * English council's tenant is likely to use and accepts any IANA name Node knows.
 */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Pacific Standard Time': 'America/Los_Angeles',
};

export function ianaZone(name: string): string {
  const zone = WINDOWS_ZONES[name] ?? name;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    throw new SimGraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
    );
  }
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

/** The instant a dateTimeTimeZone names. */
export function toInstant(value: DateTimeTimeZone, property: string): Date {
  const found = DATE_TIME.exec(value.dateTime);
  if (!found)
    throw new SimGraphError(
      400,
      'ErrorInvalidRequest',
      `Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTime' (${property}).`,
    );
  const [, day, hh, mm, ss] = found as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const instant = zonedInstant(day, `${hh}:${mm}`, ianaZone(value.timeZone));
  return new Date(instant.getTime() + Number(ss ?? 0) * 1000);
}

/** Graph answers in UTC unless asked otherwise (`Prefer: outlook.timezone`). */
export function utc(date: Date): DateTimeTimeZone {
  return { dateTime: `${date.toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}
