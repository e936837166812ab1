import { localDay, type Weekday } from '../calendar/index.js';
import type { Area } from '../model.js';
import type { MeetingOptions } from '../ports/meeting-scheduler.js';
import { escapeHtml } from './format.js';
import { PRESENTER_KINDS } from './invitees.js';
import { graphRecurrence } from './recurrence.js';
import type { InviteeRecord, MeetingRecord } from './meeting-repository.js';
import { upstreamReason, type SchedulingDeps } from './scheduling-deps.js';

/** What a coordinator sees after a set-up attempt. */
export interface SetUpResult {
  meetingId: string;
  status: MeetingRecord['status'];
  statusReason: string | null;
}

/** FR-006, FR-008, IS-22: lobby for the uninvited, no recording or transcription. */
export function meetingOptions(invitees: readonly InviteeRecord[]): MeetingOptions {
  return {
    presenters: invitees.filter((i) => PRESENTER_KINDS.includes(i.kind)).map((i) => i.email),
    attendees: invitees.filter((i) => !PRESENTER_KINDS.includes(i.kind)).map((i) => i.email),
    allowRecording: false,
    allowTranscription: false,
    isEntryExitAnnounced: true,
  };
}

export function eventBody(title: string, link: string): string {
  return (
    `<p>${escapeHtml(title)}: Multi-Agency Risk Assessment Conference.</p>` +
    `<p>The case list and the planned time of each case are in the MARAC tab, shown only to ` +
    `invited people: <a href="${escapeHtml(link)}">open the MARAC tab</a>.</p>` +
    `<p>Only invited people bypass the lobby. Recording and transcription are off.</p>`
  );
}

/**
 * Makes one meeting real in Teams (PLATFORM.md §1): the calendar event with a Teams meeting in
 * the organiser mailbox, the online meeting's safe options, and the app installed in its chat.
 * Each step is idempotent and its result is stored as soon as it returns, so a retry resumes
 * where the last attempt stopped. A meeting is "scheduled" only when every step succeeded;
 * otherwise it is "needs-attention" with the step and Graph's reason (never a silent drop).
 * Throttling (429) and 503 are retried inside the adapter; what reaches here is final.
 */
export async function setUpTeamsMeeting(
  deps: SchedulingDeps,
  meetingId: string,
): Promise<SetUpResult> {
  const { meetings, directory } = deps.repos;
  const meeting = await meetings.getMeeting(meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} not found`);
  if (meeting.status === 'cancelled' || meeting.status === 'ended') return resultOf(meeting);
  if (meeting.seriesId) {
    const results = await setUpTeamsSeries(deps, meeting.seriesId);
    return results.find((r) => r.meetingId === meetingId) ?? resultOf(meeting);
  }
  const area = (await directory.getArea(meeting.areaId)) as Area;
  const invitees = await meetings.listInvitees(meetingId);
  const now = () => deps.clock.now();
  await meetings.setStatus(meetingId, 'scheduling', null, now());
  let step = 'Creating the Teams meeting in the calendar';
  try {
    let { graphEventId, joinUrl, onlineMeetingId, chatThreadId } = meeting;
    const attendees = invitees.map((i) => ({ email: i.email, name: i.displayName }));
    if (!graphEventId || !joinUrl) {
      const created = await deps.scheduler.createEvent({
        subject: meeting.title,
        start: meeting.scheduledStart,
        end: meeting.scheduledEnd,
        timeZone: area.timeZone,
        attendees,
        bodyHtml: eventBody(meeting.title, deps.links.meeting(meetingId)),
      });
      ({ eventId: graphEventId, joinUrl } = created);
      await meetings.recordTeamsProgress(meetingId, { graphEventId, joinUrl }, now());
    } else {
      step = 'Updating the Teams calendar event';
      await deps.scheduler.updateEvent(graphEventId, {
        start: meeting.scheduledStart,
        end: meeting.scheduledEnd,
        timeZone: area.timeZone,
        attendees,
      });
    }
    step = 'Finding the Teams meeting of the event';
    if (!onlineMeetingId || !chatThreadId) {
      const online = await deps.scheduler.findOnlineMeeting(joinUrl);
      ({ onlineMeetingId, chatThreadId } = online);
      await meetings.recordTeamsProgress(meetingId, { onlineMeetingId, chatThreadId }, now());
    }
    step = 'Applying the meeting options (lobby, presenters, recording off)';
    await deps.scheduler.applyOptions(onlineMeetingId, meetingOptions(invitees));
    step = 'Installing the MARAC app in the meeting chat';
    await deps.scheduler.installApp(chatThreadId);
    await meetings.setStatus(meetingId, 'scheduled', null, now());
    return { meetingId, status: 'scheduled', statusReason: null };
  } catch (error) {
    const reason = upstreamReason(step, error);
    await markNeedsAttention(deps, [meeting], reason);
    return { meetingId, status: 'needs-attention', statusReason: reason };
  }
}

/**
 * A regular series is one recurring Teams event (one join link, one set of options, one chat);
 * each occurrence is a meeting of ours holding the occurrence's event id, so one meeting can
 * later be moved or cancelled on its own.
 */
export async function setUpTeamsSeries(
  deps: SchedulingDeps,
  seriesId: string,
): Promise<SetUpResult[]> {
  const { meetings, directory } = deps.repos;
  const series = await meetings.getSeries(seriesId);
  if (!series) throw new Error(`series ${seriesId} not found`);
  const all = (await meetings.listSeriesMeetings(seriesId)).filter(
    (m) => m.status !== 'cancelled' && m.status !== 'ended',
  );
  const first = all[0];
  if (!first) return [];
  const area = (await directory.getArea(series.areaId)) as Area;
  const invitees = await seriesInvitees(deps, all);
  const now = () => deps.clock.now();
  for (const m of all) await meetings.setStatus(m.id, 'scheduling', null, now());
  let step = 'Creating the recurring Teams meeting in the calendar';
  try {
    let seriesEventId = series.graphEventId;
    let joinUrl = first.joinUrl;
    if (!seriesEventId || !joinUrl) {
      const created = await deps.scheduler.createEvent({
        subject: series.title,
        start: first.scheduledStart,
        end: first.scheduledEnd,
        timeZone: area.timeZone,
        attendees: invitees.map((i) => ({ email: i.email, name: i.displayName })),
        bodyHtml: eventBody(series.title, deps.links.meeting(first.id)),
        recurrence: graphRecurrence(
          {
            frequency: series.frequency,
            dayOfWeek: series.dayOfWeek as Weekday,
            startsOn: series.startsOn,
            endsOn: series.endsOn ?? series.startsOn,
          },
          all.map((m) => localDay(m.scheduledStart, area.timeZone)),
        ),
      });
      seriesEventId = created.eventId;
      joinUrl = created.joinUrl;
      await meetings.setSeriesEvent(seriesId, seriesEventId);
      for (const m of all) await meetings.recordTeamsProgress(m.id, { joinUrl }, now());
    } else {
      step = 'Updating the recurring Teams meeting';
      await deps.scheduler.updateEvent(seriesEventId, {
        attendees: invitees.map((i) => ({ email: i.email, name: i.displayName })),
      });
    }
    step = 'Finding the Teams meeting of the series';
    let { onlineMeetingId, chatThreadId } = first;
    if (!onlineMeetingId || !chatThreadId) {
      ({ onlineMeetingId, chatThreadId } = await deps.scheduler.findOnlineMeeting(joinUrl));
      for (const m of all)
        await meetings.recordTeamsProgress(m.id, { onlineMeetingId, chatThreadId }, now());
    }
    step = 'Applying the meeting options (lobby, presenters, recording off)';
    await deps.scheduler.applyOptions(onlineMeetingId, meetingOptions(invitees));
    step = 'Installing the MARAC app in the meeting chat';
    await deps.scheduler.installApp(chatThreadId);
    step = 'Matching the occurrences of the series';
    return await matchOccurrences(deps, seriesEventId, all, area.timeZone);
  } catch (error) {
    const reason = upstreamReason(step, error);
    await markNeedsAttention(deps, all, reason);
    return all.map((m) => ({
      meetingId: m.id,
      status: 'needs-attention' as const,
      statusReason: reason,
    }));
  }
}

/**
 * A recurring Teams meeting has one attendee list and one set of options for every occurrence,
 * so it carries everyone invited to any upcoming occurrence; a person who chairs one occurrence
 * (FR-006) is a presenter of the series.
 */
async function seriesInvitees(
  deps: SchedulingDeps,
  all: readonly MeetingRecord[],
): Promise<InviteeRecord[]> {
  const byPerson = new Map<string, InviteeRecord>();
  for (const m of all)
    for (const i of await deps.repos.meetings.listInvitees(m.id)) {
      const known = byPerson.get(i.personId);
      if (!known || (PRESENTER_KINDS.includes(i.kind) && !PRESENTER_KINDS.includes(known.kind)))
        byPerson.set(i.personId, i);
    }
  return [...byPerson.values()];
}

async function matchOccurrences(
  deps: SchedulingDeps,
  seriesEventId: string,
  all: MeetingRecord[],
  timeZone: string,
): Promise<SetUpResult[]> {
  const { meetings } = deps.repos;
  const from = new Date(Math.min(...all.map((m) => m.scheduledStart.getTime())) - 86_400_000);
  const to = new Date(Math.max(...all.map((m) => m.scheduledEnd.getTime())) + 86_400_000);
  const occurrences = await deps.scheduler.listOccurrences(seriesEventId, from, to);
  const byStart = new Map(occurrences.map((o) => [o.start.getTime(), o]));
  const results: SetUpResult[] = [];
  for (const m of all) {
    let eventId = m.graphEventId;
    if (!eventId) eventId = byStart.get(m.scheduledStart.getTime())?.eventId ?? null;
    if (!eventId) {
      const reason = 'No occurrence of the series in the Teams calendar matches this meeting';
      await markNeedsAttention(deps, [m], reason);
      results.push({ meetingId: m.id, status: 'needs-attention', statusReason: reason });
      continue;
    }
    if (eventId !== m.graphEventId) {
      await meetings.recordTeamsProgress(m.id, { graphEventId: eventId }, deps.clock.now());
    } else if (!byStart.has(m.scheduledStart.getTime())) {
      // Moved on its own earlier and the move did not reach Teams: send it again.
      await deps.scheduler.updateEvent(eventId, {
        start: m.scheduledStart,
        end: m.scheduledEnd,
        timeZone,
      });
    }
    await meetings.setStatus(m.id, 'scheduled', null, deps.clock.now());
    results.push({ meetingId: m.id, status: 'scheduled', statusReason: null });
  }
  return results;
}

export async function markNeedsAttention(
  deps: SchedulingDeps,
  affected: readonly MeetingRecord[],
  reason: string,
): Promise<void> {
  const now = deps.clock.now();
  for (const m of affected) {
    await deps.repos.meetings.setStatus(m.id, 'needs-attention', reason, now);
    await deps.repos.audit.record({
      at: now,
      areaId: m.areaId,
      actor: { kind: 'system' },
      action: 'meeting.needs-attention',
      recordType: 'meeting',
      recordId: m.id,
      meetingId: m.id,
      detail: { reason },
    });
  }
}

function resultOf(m: MeetingRecord): SetUpResult {
  return { meetingId: m.id, status: m.status, statusReason: m.statusReason };
}
