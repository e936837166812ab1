import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import { closedSessionInvitees, meetingInvitees } from './invitees.js';
import type { MeetingRecord } from './meeting-repository.js';
import { invalid, loadArea, type Actor } from './schedule-meetings.js';
import type { SchedulingDeps } from './scheduling-deps.js';
import { setUpTeamsMeeting, type SetUpResult } from './teams-setup.js';

export interface LeadsInput {
  chairPersonId: string;
  deputyChairPersonId: string | null;
}

/**
 * FR-006: the chair and deputy chair of one meeting (and of its closed sessions, which share
 * its leads). The invitees follow, and Teams is updated so the new chair is a presenter and the
 * old one, unless otherwise invited, is no longer.
 */
export async function setMeetingLeads(
  deps: SchedulingDeps,
  actor: Actor,
  meetingId: string,
  input: LeadsInput,
): Promise<SetUpResult[]> {
  const now = deps.clock.now();
  const area = await loadArea(deps, actor.areaId);
  const meeting = inArea(await deps.repos.meetings.getMeeting(meetingId), actor);
  if (meeting.kind === 'closed')
    throw new DomainError(
      'INVALID_STATE',
      'A closed session has the leads of its meeting: change them on the meeting.',
    );
  if (['cancelled', 'ended', 'in-progress'].includes(meeting.status))
    throw new DomainError('INVALID_STATE', `The meeting is ${meeting.status}.`);
  if (input.deputyChairPersonId && input.deputyChairPersonId === input.chairPersonId)
    invalid('deputyChairPersonId', 'The deputy chair must be a different person from the chair.');
  const people = await deps.repos.directory.listPeople(area.id);
  for (const [field, id] of [
    ['chairPersonId', input.chairPersonId],
    ['deputyChairPersonId', input.deputyChairPersonId],
  ] as const) {
    if (!id) continue;
    const person = people.find((p) => p.id === id);
    if (!person || !person.roles.some((r) => r === 'chair' || r === 'deputy-chair'))
      invalid(field, 'Choose a person of this area who holds the chair or deputy chair role.');
  }
  const closed = (await deps.repos.meetings.listClosedSessions(meetingId)).filter(
    (m) => m.status !== 'cancelled' && m.status !== 'ended',
  );
  const affected: MeetingRecord[] = [meeting, ...closed];
  await deps.uow.run(async (repos) => {
    const agencies = await repos.directory.listAgencies(area.id);
    for (const m of affected) {
      await repos.meetings.setLeads(m.id, input.chairPersonId, input.deputyChairPersonId, now);
      const leads = {
        chairPersonId: input.chairPersonId,
        deputyChairPersonId: input.deputyChairPersonId,
        coordinatorPersonId: m.coordinatorPersonId,
      };
      const invitees =
        m.kind === 'closed'
          ? closedSessionInvitees(
              leads,
              await repos.meetings.listPermittedPeople(m.id),
              agencies,
              people,
            )
          : meetingInvitees(leads, agencies, people);
      await repos.meetings.replaceInvitees(m.id, invitees);
      await repos.audit.record({
        at: now,
        areaId: area.id,
        actor: { kind: 'person', personId: actor.personId },
        action: 'meeting.leads',
        recordType: 'meeting',
        recordId: m.id,
        meetingId: m.id,
        detail: { invitees: invitees.length },
      });
    }
  });
  const results: SetUpResult[] = [];
  for (const m of affected) results.push(await setUpTeamsMeeting(deps, m.id));
  return results;
}
