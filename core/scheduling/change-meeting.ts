import { workingDaysBefore, zonedInstant } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import { canReceiveMaracInformation, type Agency, type Area } from '../model.js';
import { disallowedRecipients } from '../recipient-policy.js';
import { escapeHtml, formatMeetingStart } from './format.js';
import { closedSessionInvitees, meetingInvitees, PRESENTER_KINDS } from './invitees.js';
import type { InviteeRecord, InviteeRow, MeetingRecord } from './meeting-repository.js';
import { closedSessionsMovingWith, moveInTeams } from './closed-session-move.js';
import { insideNoticePeriod } from './notice-period.js';
import { guardSchedulingText } from './outbound-text.js';
import { type Actor, invalid, loadArea } from './schedule-meetings.js';
import { upstreamReason, type SchedulingDeps, type SchedulingRepos } from './scheduling-deps.js';
import { markNeedsAttention, setUpTeamsMeeting, type SetUpResult } from './teams-setup.js';

export interface RescheduleInput {
  day: string;
  startTime: string;
  endTime: string;
  reason?: string;
}

/**
 * FR-004: moves one meeting. Inside the area's notice period (old or new date) a reason is
 * required, the change is counted for governance, and every invitee gets a short-notice mail
 * (no reason text in it: free text could name someone). Teams is updated afterwards; if Graph
 * refuses, the meeting shows "needs attention" and a retry sends the move again.
 */
export async function rescheduleMeeting(
  deps: SchedulingDeps,
  actor: Actor,
  meetingId: string,
  input: RescheduleInput,
): Promise<SetUpResult> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  const meeting = await changeable(deps, actor, meetingId);
  await guardSchedulingText(deps, area, { reason: input.reason });
  const start = zonedInstant(input.day, input.startTime, area.timeZone);
  const end = zonedInstant(input.day, input.endTime, area.timeZone);
  if (end <= start) invalid('endTime', 'The meeting must end after it starts.');
  if (start <= now) invalid('day', 'The new time must be in the future.');
  const inside =
    insideNoticePeriod(now, meeting.scheduledStart, area) || insideNoticePeriod(now, start, area);
  if (inside && !input.reason?.trim())
    throw new DomainError('NOTICE_REASON_REQUIRED', undefined, { field: 'reason' });
  const sessions = await closedSessionsMovingWith(deps, meeting, input.day, area.timeZone);
  await deps.uow.run(async (repos) => {
    const due = workingDaysBefore(input.day, area.policy.caseListLeadWorkingDays, area.nation);
    await repos.meetings.setTimes(meetingId, start, end, due, now);
    await recordChange(repos, actor, meeting, 'rescheduled', inside, input.reason, start, now);
    if (inside)
      await notifyInvitees(repos, deps, area, meeting, { kind: 'moved', newStart: start }, now);
    for (const { session, start: s, end: e } of sessions) {
      await repos.meetings.setTimes(session.id, s, e, due, now);
      await recordChange(repos, actor, session, 'rescheduled', inside, input.reason, s, now);
      if (inside)
        await notifyInvitees(repos, deps, area, session, { kind: 'moved', newStart: s }, now);
    }
  });
  for (const { session, start: s, end: e } of sessions)
    await moveInTeams(deps, session, { start: s, end: e, timeZone: area.timeZone });
  if (!meeting.graphEventId) return setUpTeamsMeeting(deps, meetingId);
  try {
    await deps.scheduler.updateEvent(meeting.graphEventId, { start, end, timeZone: area.timeZone });
    return { meetingId, status: meeting.status, statusReason: meeting.statusReason };
  } catch (error) {
    const reason = upstreamReason('Moving the meeting in Teams', error);
    await markNeedsAttention(deps, [meeting], reason);
    return { meetingId, status: 'needs-attention', statusReason: reason };
  }
}

/**
 * FR-004: cancels one meeting (and its closed sessions). Teams sends the cancellation to the
 * attendees with a neutral comment; inside the notice period a reason is required and every
 * invitee also gets a short-notice mail.
 */
export async function cancelMeeting(
  deps: SchedulingDeps,
  actor: Actor,
  meetingId: string,
  input: { reason?: string },
): Promise<SetUpResult[]> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  const meeting = await changeable(deps, actor, meetingId);
  await guardSchedulingText(deps, area, { reason: input.reason });
  const inside = insideNoticePeriod(now, meeting.scheduledStart, area);
  if (inside && !input.reason?.trim())
    throw new DomainError('NOTICE_REASON_REQUIRED', undefined, { field: 'reason' });
  const closed = (await deps.repos.meetings.listClosedSessions(meetingId)).filter(
    (m) => m.status !== 'cancelled',
  );
  const affected = [meeting, ...closed];
  await deps.uow.run(async (repos) => {
    for (const m of affected) {
      await repos.meetings.setStatus(m.id, 'cancelled', null, now);
      await recordChange(repos, actor, m, 'cancelled', inside, input.reason, null, now);
      if (inside) await notifyInvitees(repos, deps, area, m, { kind: 'cancelled' }, now);
    }
  });
  const results: SetUpResult[] = [];
  for (const m of affected) results.push(await sendCancellation(deps, m));
  return results;
}

const CANCEL_COMMENT = 'This MARAC meeting has been cancelled. Details are in the MARAC tab.';

async function sendCancellation(deps: SchedulingDeps, m: MeetingRecord): Promise<SetUpResult> {
  if (!m.graphEventId) return { meetingId: m.id, status: 'cancelled', statusReason: null };
  try {
    await deps.scheduler.cancelEvent(m.graphEventId, CANCEL_COMMENT);
    await deps.repos.meetings.setStatus(m.id, 'cancelled', null, deps.clock.now());
    return { meetingId: m.id, status: 'cancelled', statusReason: null };
  } catch (error) {
    // Cancelled here but still in people's calendars: that needs a person to look at it.
    const reason = upstreamReason('Cancelling the meeting in Teams', error);
    await markNeedsAttention(deps, [m], reason);
    return { meetingId: m.id, status: 'needs-attention', statusReason: reason };
  }
}

/**
 * Retries whatever did not reach Teams: a pending cancellation, or the whole idempotent set-up
 * (event, options, app) for a meeting that "needs attention".
 */
export async function retryTeamsSetUp(
  deps: SchedulingDeps,
  actor: Actor,
  meetingId: string,
): Promise<SetUpResult> {
  const meeting = inArea(await deps.repos.meetings.getMeeting(meetingId), actor);
  const changes = await deps.repos.meetings.listChanges(meetingId);
  if (changes[changes.length - 1]?.change === 'cancelled') return sendCancellation(deps, meeting);
  if (meeting.status === 'cancelled' || meeting.status === 'ended')
    throw new DomainError('INVALID_STATE', 'This meeting is no longer upcoming.');
  return setUpTeamsMeeting(deps, meetingId);
}

/**
 * Recomputes who a meeting invites after the directory changed (an agency signed or withdrew,
 * a nomination changed, a closed case listed someone) and updates the Teams event. FR-107,
 * FR-108: a withdrawn or unsigned agency drops out of every upcoming meeting.
 */
export async function refreshInvitees(
  deps: SchedulingDeps,
  meetingId: string,
): Promise<SetUpResult | null> {
  const meeting = await deps.repos.meetings.getMeeting(meetingId);
  if (!meeting || !(await storeInvitees(deps, meeting))) return null;
  return setUpTeamsMeeting(deps, meetingId);
}

/** Refreshes the invitees of every upcoming meeting of an area (a series is updated once). */
export async function refreshAreaInvitees(
  deps: SchedulingDeps,
  areaId: string,
): Promise<SetUpResult[]> {
  const upcoming = await deps.repos.meetings.listUpcoming(areaId, deps.clock.now());
  const toSetUp = new Map<string, string>();
  for (const m of upcoming) if (await storeInvitees(deps, m)) toSetUp.set(m.seriesId ?? m.id, m.id);
  const results: SetUpResult[] = [];
  for (const meetingId of toSetUp.values()) results.push(await setUpTeamsMeeting(deps, meetingId));
  return results;
}

async function storeInvitees(deps: SchedulingDeps, meeting: MeetingRecord): Promise<boolean> {
  const { meetings, directory } = deps.repos;
  if (meeting.status === 'cancelled' || meeting.status === 'ended') return false;
  const [agencies, people, before] = await Promise.all([
    directory.listAgencies(meeting.areaId),
    directory.listPeople(meeting.areaId),
    meetings.listInvitees(meeting.id),
  ]);
  const after =
    meeting.kind === 'closed'
      ? closedSessionInvitees(
          meeting,
          await meetings.listPermittedPeople(meeting.id),
          agencies,
          people,
        )
      : withOneMeetingInvitees(
          meetingInvitees(meeting, agencies, people),
          await meetings.listOneMeetingInvitees(meeting.id),
          agencies,
        );
  const key = (rows: { personId: string; kind: string }[]) =>
    rows
      .map((r) => `${r.personId}:${r.kind}`)
      .sort()
      .join(',');
  if (key(before) === key(after)) return false;
  await meetings.replaceInvitees(meeting.id, after);
  return true;
}

/**
 * Keeps the people invited for this meeting alone: a deputy named with apologies attends as
 * the agency's deputy (a lead keeps their own part), and one-case attendees are added unless
 * already invited. Nobody from an agency that may not receive MARAC information (FR-107).
 */
function withOneMeetingInvitees(
  base: InviteeRow[],
  extra: readonly InviteeRow[],
  agencies: readonly Agency[],
): InviteeRow[] {
  const barred = new Set(agencies.filter((a) => !canReceiveMaracInformation(a)).map((a) => a.id));
  const rows = new Map(base.map((r) => [r.personId, r]));
  for (const r of extra) {
    if (r.agencyId && barred.has(r.agencyId)) continue;
    const known = rows.get(r.personId);
    if (!known) rows.set(r.personId, r);
    else if (r.kind === 'deputy' && !PRESENTER_KINDS.includes(known.kind)) rows.set(r.personId, r);
  }
  return [...rows.values()];
}

async function changeable(
  deps: SchedulingDeps,
  actor: Actor,
  meetingId: string,
): Promise<MeetingRecord> {
  const meeting = inArea(await deps.repos.meetings.getMeeting(meetingId), actor);
  if (
    meeting.status === 'cancelled' ||
    meeting.status === 'ended' ||
    meeting.status === 'in-progress'
  )
    throw new DomainError('INVALID_STATE', `The meeting is ${meeting.status}.`);
  if (meeting.scheduledStart <= deps.clock.now())
    throw new DomainError('INVALID_STATE', 'The meeting has already started.');
  return meeting;
}

async function recordChange(
  repos: SchedulingRepos,
  actor: Actor,
  meeting: MeetingRecord,
  change: 'rescheduled' | 'cancelled',
  inside: boolean,
  reason: string | undefined,
  newStart: Date | null,
  now: Date,
): Promise<void> {
  await repos.meetings.recordChange({
    meetingId: meeting.id,
    change,
    insideNoticePeriod: inside,
    reason: reason?.trim() || null,
    previousStart: meeting.scheduledStart,
    newStart,
    changedBy: actor.personId,
    changedAt: now,
  });
  await repos.audit.record({
    at: now,
    areaId: meeting.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: `meeting.${change === 'rescheduled' ? 'reschedule' : 'cancel'}`,
    recordType: 'meeting',
    recordId: meeting.id,
    meetingId: meeting.id,
    detail: { insideNoticePeriod: inside },
  });
}

/** The short-notice mail to every invitee (FR-004): title, old and new date, a tab link. */
async function notifyInvitees(
  repos: SchedulingRepos,
  deps: SchedulingDeps,
  area: Area,
  meeting: MeetingRecord,
  change: { kind: 'moved'; newStart: Date } | { kind: 'cancelled' },
  now: Date,
): Promise<void> {
  const invitees = await repos.meetings.listInvitees(meeting.id);
  const blocked = new Set(
    disallowedRecipients(
      area.policy,
      invitees.map((i) => i.email),
    ),
  );
  const when = formatMeetingStart(meeting.scheduledStart, area.timeZone);
  const subject =
    change.kind === 'moved'
      ? `MARAC meeting moved at short notice: ${meeting.title}, ${when}`
      : `MARAC meeting cancelled at short notice: ${meeting.title}, ${when}`;
  const what =
    change.kind === 'moved'
      ? `has moved to <strong>${escapeHtml(formatMeetingStart(change.newStart, area.timeZone))}</strong>`
      : 'has been <strong>cancelled</strong>';
  const body =
    `<p>The ${escapeHtml(meeting.title)} meeting on ${escapeHtml(when)} ${what}. ` +
    `This change is inside the area's notice period.</p>` +
    `<p>Your calendar is updated by Teams. Details are in the MARAC tab: ` +
    `<a href="${escapeHtml(deps.links.meeting(meeting.id))}">open the MARAC tab</a>.</p>`;
  const stamp = now.toISOString();
  for (const invitee of invitees.filter((i: InviteeRecord) => !blocked.has(i.email))) {
    await repos.outbox.enqueue(
      {
        idempotencyKey: `meeting-change:${meeting.id}:${change.kind}:${stamp}:${invitee.personId}`,
        purpose: 'meeting-change',
        areaId: area.id,
        to: [{ email: invitee.email, name: invitee.displayName }],
        subject,
        bodyHtml: body,
      },
      now,
    );
  }
  if (blocked.size > 0)
    await repos.audit.record({
      at: now,
      areaId: area.id,
      actor: { kind: 'system' },
      action: 'mail.blocked',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: { purpose: 'meeting-change', recipients: blocked.size, rule: 'FR-102' },
    });
}
