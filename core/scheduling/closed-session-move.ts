import { localDay, localTime, zonedInstant } from '../calendar/index.js';
import type { MeetingRecord } from './meeting-repository.js';
import { upstreamReason, type SchedulingDeps } from './scheduling-deps.js';
import { markNeedsAttention, setUpTeamsMeeting } from './teams-setup.js';

/**
 * FR-007: a closed session sits on its meeting's day; when the meeting moves to another day its
 * closed sessions move with it, keeping their own times.
 */
export async function closedSessionsMovingWith(
  deps: SchedulingDeps,
  meeting: MeetingRecord,
  day: string,
  timeZone: string,
): Promise<{ session: MeetingRecord; start: Date; end: Date }[]> {
  if (localDay(meeting.scheduledStart, timeZone) === day) return [];
  const at = (instant: Date) => {
    const { hour, minute } = localTime(instant, timeZone);
    return zonedInstant(
      day,
      `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      timeZone,
    );
  };
  return (await deps.repos.meetings.listClosedSessions(meeting.id))
    .filter((c) => !['cancelled', 'ended', 'in-progress'].includes(c.status))
    .map((session) => ({
      session,
      start: at(session.scheduledStart),
      end: at(session.scheduledEnd),
    }));
}

/** Sends a move to Teams; a refusal leaves the meeting "needs attention" for a retry. */
export async function moveInTeams(
  deps: SchedulingDeps,
  m: MeetingRecord,
  times: { start: Date; end: Date; timeZone: string },
): Promise<void> {
  if (!m.graphEventId) {
    await setUpTeamsMeeting(deps, m.id);
    return;
  }
  try {
    await deps.scheduler.updateEvent(m.graphEventId, times);
  } catch (error) {
    await markNeedsAttention(deps, [m], upstreamReason('Moving the meeting in Teams', error));
  }
}
