import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { MoveRecord } from './agenda-repository.js';
import { plannedStarts } from './agenda-schedule.js';
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
 * FR-034, 004:489-491: the chair moves a case at an agency's request; no agency has more than
 * the area's limit (default two) of cases moved on any day. The move is recorded with the
 * agency, so the limit holds across the chair's direct moves and approved requests.
 */
export async function moveCase(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  input: { toPosition: number; agencyId: string },
): Promise<AgendaView> {
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    const fromPosition = await applyMove(
      repos,
      actor,
      meetingId,
      itemId,
      input.toPosition,
      input.agencyId,
      now,
    );
    const { area, meeting } = await load(repos, actor, meetingId);
    await repos.agenda.insertMove({
      agendaItemId: itemId,
      agencyId: input.agencyId,
      requestedBy: actor.personId,
      requestedAt: now,
      fromPosition,
      toPosition: input.toPosition,
      meetingDay: localDay(meeting.scheduledStart, area.timeZone),
      decision: 'approved',
      decidedBy: actor.personId,
      decidedAt: now,
    });
  });
  return agendaView(deps, actor, meetingId);
}

/** FR-034: a representative asks, before the meeting starts, for their agency's case to move. */
export async function requestMove(
  deps: AgendaDeps,
  actor: Actor & { agencyId: string },
  meetingId: string,
  itemId: string,
  toPosition: number,
): Promise<MoveRecord> {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const { area, meeting } = await load(repos, actor, meetingId, true);
    if (meeting.scheduledStart <= now)
      throw new DomainError('INVALID_STATE', 'Moves are requested before the meeting starts.');
    const items = await repos.agenda.listItems(meetingId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new DomainError('NOT_FOUND');
    checkPosition(toPosition, items.length);
    const move: Omit<MoveRecord, 'id'> = {
      agendaItemId: itemId,
      agencyId: actor.agencyId,
      requestedBy: actor.personId,
      requestedAt: now,
      fromPosition: item.position,
      toPosition,
      meetingDay: localDay(meeting.scheduledStart, area.timeZone),
      decision: 'pending',
      decidedBy: null,
      decidedAt: null,
    };
    const id = await repos.agenda.insertMove(move);
    await repos.audit.record({
      at: now,
      areaId: area.id,
      actor: { kind: 'person', personId: actor.personId },
      action: 'agenda.move-request',
      recordType: 'agenda_move',
      recordId: id,
      meetingId,
      detail: { item: itemId, toPosition },
    });
    return { id, ...move };
  });
}

/** The chair approves (the move happens, within the limit) or refuses a request. */
export async function decideMove(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  moveId: string,
  approve: boolean,
): Promise<AgendaView> {
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    // The meeting must be the actor's area before the request is read, refused or audited.
    const { meeting } = await load(repos, actor, meetingId);
    const move = await repos.agenda.getMove(moveId);
    const items = await repos.agenda.listItems(meeting.id);
    if (!move || !items.some((i) => i.id === move.agendaItemId)) throw new DomainError('NOT_FOUND');
    if (move.decision !== 'pending')
      throw new DomainError('INVALID_STATE', `This request was already ${move.decision}.`);
    if (approve)
      await applyMove(
        repos,
        actor,
        meetingId,
        move.agendaItemId,
        move.toPosition,
        move.agencyId,
        now,
      );
    await repos.agenda.decideMove(moveId, approve ? 'approved' : 'refused', actor.personId, now);
    await repos.audit.record({
      at: now,
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: approve ? 'agenda.move-approve' : 'agenda.move-refuse',
      recordType: 'agenda_move',
      recordId: moveId,
      meetingId,
    });
  });
  return agendaView(deps, actor, meetingId);
}

async function applyMove(
  repos: AgendaRepos,
  actor: Actor,
  meetingId: string,
  itemId: string,
  toPosition: number,
  agencyId: string,
  now: Date,
): Promise<number> {
  const { area, meeting } = await load(repos, actor, meetingId, true);
  if (!(await repos.directory.listAgencies(area.id)).some((a) => a.id === agencyId))
    throw new DomainError('VALIDATION_FAILED', undefined, [
      { path: 'agencyId', message: 'No agency with this id in your area.' },
    ]);
  const items = await repos.agenda.listItems(meetingId);
  const from = items.findIndex((i) => i.id === itemId);
  if (from < 0) throw new DomainError('NOT_FOUND');
  checkPosition(toPosition, items.length);
  const day = localDay(meeting.scheduledStart, area.timeZone);
  const used = await repos.agenda.approvedMovesOnDay(agencyId, day);
  if (used >= area.policy.maxReordersPerAgencyPerDay)
    throw new DomainError(
      'REORDER_LIMIT_REACHED',
      `This agency has already had ${used} case${used === 1 ? '' : 's'} moved on ${day}; the limit is ${area.policy.maxReordersPerAgencyPerDay} (FR-034).`,
    );
  const [moved] = items.splice(from, 1);
  items.splice(toPosition - 1, 0, moved as (typeof items)[number]);
  await repos.agenda.setSchedule(
    plannedStarts(items, meeting.scheduledStart, opening(area, meeting)),
  );
  await repos.audit.record({
    at: now,
    areaId: area.id,
    actor: { kind: 'person', personId: actor.personId },
    action: 'agenda.move',
    recordType: 'agenda_item',
    recordId: itemId,
    meetingId,
    detail: { from: from + 1, to: toPosition, agency: agencyId },
  });
  return from + 1;
}

function checkPosition(toPosition: number, count: number) {
  if (!Number.isInteger(toPosition) || toPosition < 1 || toPosition > count)
    throw new DomainError('VALIDATION_FAILED', undefined, [
      { path: 'toPosition', message: `Choose a position from 1 to ${count}.` },
    ]);
}
