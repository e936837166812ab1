import { localDay, zonedInstant } from '../calendar/index.js';
import { meetingInvitees } from './invitees.js';
import { insideNoticePeriod } from './notice-period.js';
import {
  describePattern,
  MAX_SERIES_OCCURRENCES,
  seriesDays,
  withPolicyPattern,
} from './recurrence.js';
import {
  checkTimes,
  invalid,
  leadsFor,
  loadArea,
  midWeekWarning,
  type Actor,
  type SeriesRequest,
} from './schedule-meetings.js';
import type { SchedulingDeps } from './scheduling-deps.js';

export interface SeriesPreview {
  /** The pattern used, with the area's defaults filled in (FR-002). */
  frequency: string;
  /** "Every other Wednesday", "2nd Tuesday of each month". */
  pattern: string;
  days: string[];
  /** People each meeting invites: the confirmation says how many before anything is sent. */
  invitees: number;
  /** Meetings that fall inside the notice period (a reason is then required). */
  insideNoticePeriod: number;
  warnings: string[];
}

/**
 * FR-001, FR-002: what a series would create, without creating it: the dates, the pattern in
 * words, and how many people each meeting invites, so the coordinator confirms knowingly.
 */
export async function previewSeries(
  deps: SchedulingDeps,
  actor: Actor,
  request: Omit<SeriesRequest, 'title' | 'reason'>,
): Promise<SeriesPreview> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  const input = withPolicyPattern(request, area.policy);
  checkTimes(input.startTime, input.endTime);
  if (input.startsOn < localDay(now, area.timeZone))
    invalid('startsOn', 'The first meeting cannot be in the past.');
  if (input.endsOn < input.startsOn) invalid('endsOn', 'The series must end after it starts.');
  if (input.weekOfMonth && input.frequency !== 'monthly')
    invalid('weekOfMonth', 'The week of the month applies to monthly meetings only.');
  const days = seriesDays(input);
  if (days.length === 0) invalid('endsOn', 'No meeting day falls between the start and end dates.');
  if (days.length > MAX_SERIES_OCCURRENCES)
    invalid(
      'endsOn',
      `A series holds at most ${MAX_SERIES_OCCURRENCES} meetings; create the next year separately.`,
    );
  const leads = await leadsFor(deps.repos, actor, input);
  const [agencies, people] = await Promise.all([
    deps.repos.directory.listAgencies(area.id),
    deps.repos.directory.listPeople(area.id),
  ]);
  return {
    frequency: input.frequency,
    pattern: describePattern(input, days),
    days: days.slice(0, MAX_SERIES_OCCURRENCES),
    invitees: meetingInvitees(leads, agencies, people).length,
    insideNoticePeriod: days.filter((d) =>
      insideNoticePeriod(now, zonedInstant(d, input.startTime, area.timeZone), area),
    ).length,
    warnings: input.frequency === 'daily' ? [] : midWeekWarning(input.dayOfWeek),
  };
}
