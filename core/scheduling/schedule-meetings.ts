import { localDay, workingDaysBefore, zonedInstant, type Weekday } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import type { Area, MeetingKind } from '../model.js';
import {
  closedSessionInvitees,
  defaultLeads,
  meetingInvitees,
  type MeetingLeads,
} from './invitees.js';
import type { NewMeeting, SeriesFrequency } from './meeting-repository.js';
import { insideNoticePeriod } from './notice-period.js';
import { MAX_SERIES_OCCURRENCES, seriesDays, withPolicyPattern } from './recurrence.js';
import type { SchedulingDeps, SchedulingRepos } from './scheduling-deps.js';
import { guardSchedulingText } from './outbound-text.js';
import { setUpTeamsMeeting, setUpTeamsSeries, type SetUpResult } from './teams-setup.js';

export interface Actor {
  personId: string;
  areaId: string;
}

export interface CreateSeriesInput {
  title: string;
  frequency: SeriesFrequency;
  dayOfWeek: Weekday;
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string;
  /** Monthly only: the 1st..4th of the weekday in each month. */
  weekOfMonth?: 1 | 2 | 3 | 4;
  chairPersonId?: string;
  deputyChairPersonId?: string;
  reason?: string;
}

/** What the coordinator sends: the frequency and day default to the area's policy (FR-002). */
export type SeriesRequest = Omit<CreateSeriesInput, 'frequency' | 'dayOfWeek'> &
  Partial<Pick<CreateSeriesInput, 'frequency' | 'dayOfWeek'>>;

export interface ScheduleResult {
  seriesId?: string;
  meetings: SetUpResult[];
  /** Advice that does not block (FR-003 mid-week, notice period counted). */
  warnings: string[];
}

/**
 * FR-001, FR-002: the coordinator creates the regular schedule (e.g. fortnightly Wednesdays
 * 09:30-13:00 for a year). Each meeting gets its circulation due day (FR-031) and its invitees
 * (FR-006); then the series becomes one recurring Teams meeting with safe options.
 */
export async function createSeries(
  deps: SchedulingDeps,
  actor: Actor,
  request: SeriesRequest,
): Promise<ScheduleResult> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  const input: CreateSeriesInput = withPolicyPattern(request, area.policy);
  const today = localDay(now, area.timeZone);
  checkTimes(input.startTime, input.endTime);
  await guardSchedulingText(deps, area, { title: input.title, reason: input.reason });
  if (input.startsOn < today) invalid('startsOn', 'The first meeting cannot be in the past.');
  if (input.endsOn < input.startsOn) invalid('endsOn', 'The series must end after it starts.');
  const days = seriesDays(input);
  if (days.length === 0) invalid('endsOn', 'No meeting day falls between the start and end dates.');
  if (days.length > MAX_SERIES_OCCURRENCES)
    invalid(
      'endsOn',
      `A series holds at most ${MAX_SERIES_OCCURRENCES} meetings; create the next year separately.`,
    );
  const warnings = input.frequency === 'daily' ? [] : midWeekWarning(input.dayOfWeek);
  if (input.weekOfMonth && input.frequency !== 'monthly')
    invalid('weekOfMonth', 'The week of the month applies to monthly meetings only.');
  const drafts = days.map((day) =>
    draft(area, actor, 'scheduled', input.title, day, input.startTime, input.endTime),
  );
  const seriesId = await deps.uow.run(async (repos) => {
    const leads = await leadsFor(repos, actor, input);
    const inside = drafts.filter((d) => insideNoticePeriod(now, d.scheduledStart, area));
    if (inside.length > 0 && !input.reason?.trim())
      throw new DomainError('NOTICE_REASON_REQUIRED', noticeMessage(area), { field: 'reason' });
    const id = await repos.meetings.insertSeries(
      {
        areaId: area.id,
        title: input.title,
        frequency: input.frequency,
        dayOfWeek: input.dayOfWeek,
        startTime: input.startTime,
        endTime: input.endTime,
        startsOn: days[0] as string,
        endsOn: days[days.length - 1] as string,
      },
      actor.personId,
      now,
    );
    for (const d of drafts)
      await insertWithInvitees(
        repos,
        { ...d, ...leads, seriesId: id },
        actor,
        input.reason,
        inside.includes(d),
        now,
      );
    await repos.audit.record({
      at: now,
      areaId: area.id,
      actor: { kind: 'person', personId: actor.personId },
      action: 'meeting-series.create',
      recordType: 'meeting_series',
      recordId: id,
      detail: { meetings: drafts.length, insideNoticePeriod: inside.length },
    });
    return id;
  });
  const meetings = await setUpTeamsSeries(deps, seriesId);
  return { seriesId, meetings, warnings };
}

export interface CreateMeetingInput {
  kind: Extract<MeetingKind, 'extraordinary' | 'emergency'>;
  title: string;
  day: string;
  startTime: string;
  endTime: string;
  chairPersonId?: string;
  deputyChairPersonId?: string;
  reason?: string;
}

/** FR-002: an extraordinary or emergency meeting, with a reason when at short notice (FR-004). */
export async function createMeeting(
  deps: SchedulingDeps,
  actor: Actor,
  input: CreateMeetingInput,
): Promise<ScheduleResult> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  checkTimes(input.startTime, input.endTime);
  await guardSchedulingText(deps, area, { title: input.title, reason: input.reason });
  const d = draft(area, actor, input.kind, input.title, input.day, input.startTime, input.endTime);
  if (d.scheduledStart <= now) invalid('day', 'The meeting must start in the future.');
  const inside = insideNoticePeriod(now, d.scheduledStart, area);
  if (inside && !input.reason?.trim())
    throw new DomainError('NOTICE_REASON_REQUIRED', noticeMessage(area), { field: 'reason' });
  const meetingId = await deps.uow.run(async (repos) => {
    const leads = await leadsFor(repos, actor, input);
    return insertWithInvitees(repos, { ...d, ...leads }, actor, input.reason, inside, now);
  });
  return { meetings: [await setUpTeamsMeeting(deps, meetingId)], warnings: [] };
}

export interface CreateClosedSessionInput {
  day?: string;
  startTime: string;
  endTime: string;
  reason?: string;
}

/**
 * FR-007, IS-13: a closed session is a separate Teams meeting, linked to its MARAC, inviting
 * only the leads and the people permitted on its cases (added as its cases are listed).
 */
export async function createClosedSession(
  deps: SchedulingDeps,
  actor: Actor,
  parentMeetingId: string,
  input: CreateClosedSessionInput,
): Promise<ScheduleResult> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  const parent = inArea(await deps.repos.meetings.getMeeting(parentMeetingId), actor);
  if (parent.kind === 'closed' || parent.status === 'cancelled' || parent.status === 'ended')
    throw new DomainError(
      'INVALID_STATE',
      'A closed session belongs to an open, upcoming MARAC meeting.',
    );
  checkTimes(input.startTime, input.endTime);
  await guardSchedulingText(deps, area, { reason: input.reason });
  const day = input.day ?? localDay(parent.scheduledStart, area.timeZone);
  const d = draft(
    area,
    actor,
    'closed',
    `${parent.title}: closed session`,
    day,
    input.startTime,
    input.endTime,
  );
  if (d.scheduledStart <= now) invalid('startTime', 'The closed session must start in the future.');
  const inside = insideNoticePeriod(now, d.scheduledStart, area);
  const meetingId = await deps.uow.run(async (repos) => {
    const leads: MeetingLeads = {
      chairPersonId: parent.chairPersonId,
      deputyChairPersonId: parent.deputyChairPersonId,
      coordinatorPersonId: actor.personId,
    };
    return insertWithInvitees(
      repos,
      { ...d, ...leads, parentMeetingId, circulationDueOn: parent.circulationDueOn },
      actor,
      input.reason,
      inside,
      now,
    );
  });
  return { meetings: [await setUpTeamsMeeting(deps, meetingId)], warnings: [] };
}

async function insertWithInvitees(
  repos: SchedulingRepos,
  meeting: NewMeeting,
  actor: Actor,
  reason: string | undefined,
  inside: boolean,
  now: Date,
): Promise<string> {
  const id = await repos.meetings.insertMeeting(meeting, now);
  const [agencies, people] = await Promise.all([
    repos.directory.listAgencies(meeting.areaId),
    repos.directory.listPeople(meeting.areaId),
  ]);
  const invitees =
    meeting.kind === 'closed'
      ? closedSessionInvitees(meeting, [], agencies, people)
      : meetingInvitees(meeting, agencies, people);
  await repos.meetings.replaceInvitees(id, invitees);
  await repos.meetings.recordChange({
    meetingId: id,
    change: 'added',
    insideNoticePeriod: inside,
    reason: reason?.trim() || null,
    previousStart: null,
    newStart: meeting.scheduledStart,
    changedBy: actor.personId,
    changedAt: now,
  });
  await repos.audit.record({
    at: now,
    areaId: meeting.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: 'meeting.create',
    recordType: 'meeting',
    recordId: id,
    meetingId: id,
    detail: { kind: meeting.kind, invitees: invitees.length, insideNoticePeriod: inside },
  });
  return id;
}

export function draft(
  area: Area,
  actor: Actor,
  kind: MeetingKind,
  title: string,
  day: string,
  startTime: string,
  endTime: string,
): NewMeeting {
  const lead = area.policy.caseListLeadWorkingDays;
  return {
    areaId: area.id,
    seriesId: null,
    parentMeetingId: null,
    kind,
    title,
    scheduledStart: zonedInstant(day, startTime, area.timeZone),
    scheduledEnd: zonedInstant(day, endTime, area.timeZone),
    chairPersonId: null,
    deputyChairPersonId: null,
    coordinatorPersonId: actor.personId,
    circulationDueOn: workingDaysBefore(day, lead, area.nation),
  };
}

export async function leadsFor(
  repos: SchedulingRepos,
  actor: Actor,
  input: { chairPersonId?: string; deputyChairPersonId?: string },
): Promise<MeetingLeads> {
  const people = await repos.directory.listPeople(actor.areaId);
  const leads = defaultLeads(people, actor.personId);
  for (const [field, id, role] of [
    ['chairPersonId', input.chairPersonId, 'chair'],
    ['deputyChairPersonId', input.deputyChairPersonId, 'deputy-chair'],
  ] as const) {
    if (!id) continue;
    const person = people.find((p) => p.id === id);
    if (!person || !person.roles.some((r) => r === 'chair' || r === 'deputy-chair'))
      invalid(field, `Choose a person of this area who holds the ${role} role.`);
    leads[field] = id;
  }
  return leads;
}

export async function loadArea(deps: SchedulingDeps, areaId: string): Promise<Area> {
  const area = await deps.repos.directory.getArea(areaId);
  if (!area) throw new DomainError('NOT_A_MEMBER');
  return area;
}

export function checkTimes(start: string, end: string): void {
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(start)) invalid('startTime', 'Use HH:MM, e.g. 09:30.');
  if (!time.test(end)) invalid('endTime', 'Use HH:MM, e.g. 13:00.');
  if (end <= start) invalid('endTime', 'The meeting must end after it starts.');
}

export function midWeekWarning(day: Weekday): string[] {
  return ['tuesday', 'wednesday', 'thursday'].includes(day)
    ? []
    : [
        `Meetings fall on a ${day}; mid-week is recommended so actions can start the same week (FR-003).`,
      ];
}

export function noticeMessage(area: Area): string {
  return `This meeting is within the area's notice period of ${area.policy.noticePeriodWorkingDays} working days: give a reason (it is counted for governance).`;
}

export function invalid(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', message, [{ path: field, message }]);
}
