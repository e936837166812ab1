import { DomainError } from '../errors.js';
import type { MeetingRecord } from '../scheduling/meeting-repository.js';
import type { AgendaItemRecord } from './agenda-repository.js';
import { insertionIndex, plannedStarts } from './agenda-schedule.js';
import {
  agendaView,
  load,
  opening,
  type Actor,
  type AgendaDeps,
  type AgendaRepos,
  type AgendaView,
} from './agenda-service.js';

/**
 * FR-028: the coordinator arranges the agenda before the meeting (drag, or up and down). This
 * is not an agency's move request, so it does not count against the agencies' daily limit
 * (FR-034), which the chair's moves and approved requests keep.
 */
export async function reorderCase(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  toPosition: number,
): Promise<AgendaView> {
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    const { area, meeting, items, index } = await loadItem(repos, actor, meetingId, itemId, now);
    if (!Number.isInteger(toPosition) || toPosition < 1 || toPosition > items.length)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        { path: 'toPosition', message: `Choose a position from 1 to ${items.length}.` },
      ]);
    const [moved] = items.splice(index, 1);
    items.splice(toPosition - 1, 0, moved as AgendaItemRecord);
    await repos.agenda.setSchedule(
      plannedStarts(items, meeting.scheduledStart, opening(area, meeting)),
    );
    await audit(repos, actor, meeting, now, 'agenda.reorder', itemId, {
      from: index + 1,
      to: toPosition,
    });
  });
  return agendaView(deps, actor, meetingId);
}

/**
 * FR-027: the case is not heard at this meeting but at the area's next open MARAC meeting,
 * keeping its research and slot details; it goes in by risk on the next agenda.
 */
export async function deferCase(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
): Promise<AgendaView & { deferredTo: { meetingId: string; scheduledStart: Date } }> {
  const now = deps.clock.now();
  const next = await deps.uow.run(async (repos) => {
    const { area, meeting, items, index } = await loadItem(repos, actor, meetingId, itemId, now);
    const item = items[index] as AgendaItemRecord;
    if (item.isClosedSession)
      throw new DomainError(
        'INVALID_STATE',
        'A closed-session case is not deferred: remove it and add it to a later closed session.',
      );
    const target = await nextMeeting(repos, meeting);
    if (!target)
      throw new DomainError(
        'INVALID_STATE',
        'There is no later MARAC meeting to defer the case to. Schedule one first.',
      );
    const targetItems = await repos.agenda.listItems(target.id);
    if (targetItems.some((i) => i.caseId === item.caseId))
      throw new DomainError(
        'DUPLICATE_CASE_NUMBER',
        `Case ${item.caseNumber} is already on the next meeting's agenda.`,
      );
    await repos.agenda.moveItemToMeeting(itemId, target.id, target.circulatedAt !== null);
    items.splice(index, 1);
    await repos.agenda.setSchedule(
      plannedStarts(items, meeting.scheduledStart, opening(area, meeting)),
    );
    targetItems.splice(insertionIndex(targetItems, item.riskLevel), 0, item);
    await repos.agenda.setSchedule(
      plannedStarts(targetItems, target.scheduledStart, opening(area, target)),
    );
    await audit(repos, actor, meeting, now, 'agenda.defer', itemId, { toMeeting: target.id });
    return target;
  });
  return {
    ...(await agendaView(deps, actor, meetingId)),
    deferredTo: { meetingId: next.id, scheduledStart: next.scheduledStart },
  };
}

/** FR-027: a case comes off the agenda before the meeting, with the coordinator's reason. */
export async function removeCase(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  reason: string,
): Promise<AgendaView> {
  const now = deps.clock.now();
  const text = reason.trim();
  if (!text)
    throw new DomainError('REASON_REQUIRED', 'Say why the case is coming off the agenda.', [
      { path: 'reason', message: 'Say why the case is coming off the agenda.' },
    ]);
  const closed = await deps.uow.run(async (repos) => {
    const { area, meeting, items, index } = await loadItem(repos, actor, meetingId, itemId, now);
    const item = items[index] as AgendaItemRecord;
    await repos.agenda.removeItem(item, {
      areaId: area.id,
      reason: text,
      removedBy: actor.personId,
      removedAt: now,
    });
    items.splice(index, 1);
    await repos.agenda.setSchedule(
      plannedStarts(items, meeting.scheduledStart, opening(area, meeting)),
    );
    // The reason stays in agenda_removal; the audit row carries ids only.
    await audit(repos, actor, meeting, now, 'agenda.remove', itemId, { case: item.caseId });
    return meeting.kind === 'closed';
  });
  if (closed) await deps.onClosedSessionChanged(meetingId);
  return agendaView(deps, actor, meetingId);
}

async function loadItem(
  repos: AgendaRepos,
  actor: Actor,
  meetingId: string,
  itemId: string,
  now: Date,
) {
  const { area, meeting } = await load(repos, actor, meetingId, true);
  if (meeting.scheduledStart <= now)
    throw new DomainError(
      'INVALID_STATE',
      'The meeting has started; the chair changes the order from the meeting console.',
    );
  const items = await repos.agenda.listItems(meetingId);
  const index = items.findIndex((i) => i.id === itemId);
  if (index < 0) throw new DomainError('NOT_FOUND');
  return { area, meeting, items, index };
}

/** The next open MARAC meeting of the area after this one (not a closed session). */
async function nextMeeting(
  repos: AgendaRepos,
  meeting: MeetingRecord,
): Promise<MeetingRecord | null> {
  const from = new Date(meeting.scheduledStart.getTime() + 1);
  const to = new Date(meeting.scheduledStart.getTime() + 400 * 86_400_000);
  const later = await repos.meetings.listMeetings(meeting.areaId, from, to);
  return (
    later
      .filter(
        (m) =>
          m.id !== meeting.id &&
          m.kind !== 'closed' &&
          !['cancelled', 'ended', 'in-progress'].includes(m.status),
      )
      .sort((a, b) => a.scheduledStart.getTime() - b.scheduledStart.getTime())[0] ?? null
  );
}

async function audit(
  repos: Pick<AgendaRepos, 'audit'>,
  actor: Actor,
  meeting: MeetingRecord,
  at: Date,
  action: string,
  itemId: string,
  detail: Record<string, string | number>,
) {
  await repos.audit.record({
    at,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action,
    recordType: 'agenda_item',
    recordId: itemId,
    meetingId: meeting.id,
    detail,
  });
}
