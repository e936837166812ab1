import { decideMove } from '../agenda/reorder.js';
import type { AgendaDeps } from '../agenda/agenda-service.js';
import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { canReceiveMaracInformation, type Area } from '../model.js';
import { disallowedRecipients } from '../recipient-policy.js';
import { hasAnyRole, type Role } from '../roles.js';
import { inArea } from '../same-area.js';
import { escapeHtml, formatMeetingStart } from '../scheduling/format.js';
import type { Actor, CasePeopleDeps } from './case-people.js';

const VOICE: Role[] = ['representative', 'deputy', 'idva'];

function invalid(path: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', undefined, [{ path, message }]);
}

/** The rep's agency, invited to this upcoming main meeting and signed up (FR-107). */
async function voiceOf(deps: CasePeopleDeps, actor: Actor, meetingId: string, repos = deps.repos) {
  const meeting = inArea(await repos.meetings.getMeeting(meetingId), actor);
  if (!actor.agencyId || !hasAnyRole(actor.roles as Role[], VOICE))
    throw new DomainError(
      'FORBIDDEN',
      'Only an agency’s representative, deputy or IDVA can do this.',
    );
  const agency = (await repos.directory.listAgencies(actor.areaId)).find(
    (a) => a.id === actor.agencyId,
  );
  if (!agency || !canReceiveMaracInformation(agency))
    throw new DomainError(
      'AGENCY_NOT_SIGNATORY',
      'Your agency has not completed the information-sharing agreement.',
    );
  const invitees = await repos.meetings.listInvitees(meeting.id);
  if (!invitees.some((i) => i.agencyId === agency.id))
    throw new DomainError('CASE_NOT_VISIBLE', 'Your agency is not invited to this meeting.');
  return { meeting, agency };
}

/** The rep's own apologies for a meeting, and the colleagues they may name as deputy. */
export async function myApology(deps: CasePeopleDeps, actor: Actor, meetingId: string) {
  const { meeting, agency } = await voiceOf(deps, actor, meetingId);
  const apology =
    (await deps.repos.casePeople.listApologies(meeting.id)).find((a) => a.agencyId === agency.id) ??
    null;
  const colleagues = (await deps.repos.directory.listPeople(actor.areaId))
    .filter((p) => p.agencyId === agency.id && p.id !== actor.personId)
    .map((p) => ({ id: p.id, displayName: p.displayName }));
  return {
    meetingId: meeting.id,
    agency: { id: agency.id, name: agency.name },
    open: meeting.status !== 'cancelled' && meeting.scheduledStart > deps.clock.now(),
    apology,
    colleagues,
  };
}

/**
 * FR-064, A-07: a representative sends apologies for one meeting, naming a deputy for that
 * meeting (who is then invited to it as the agency's deputy, bypasses the lobby and is expected)
 * or, with no deputy, confirming a written submission, in which case the agency's escalation
 * contact is told (references and a link only).
 */
export async function sendApologies(
  deps: CasePeopleDeps,
  actor: Actor,
  meetingId: string,
  input: { deputyPersonId: string | null; writtenSubmission: boolean },
) {
  const now = deps.clock.now();
  const { invited } = await deps.uow.run(async (repos) => {
    const { meeting, agency } = await voiceOf(deps, actor, meetingId, repos);
    if (meeting.kind === 'closed')
      throw new DomainError('INVALID_STATE', 'Send apologies for the main meeting.');
    if (
      meeting.status === 'cancelled' ||
      meeting.status === 'ended' ||
      meeting.scheduledStart <= now
    )
      throw new DomainError(
        'INVALID_STATE',
        'Apologies are sent before the meeting starts; tell the chair in the meeting instead.',
      );
    const area = (await repos.directory.getArea(actor.areaId)) as Area;
    let deputy: { id: string; email: string; displayName: string } | null = null;
    if (input.deputyPersonId) {
      const found = (await repos.directory.listPeople(actor.areaId)).find(
        (p) => p.id === input.deputyPersonId,
      );
      if (!found || found.agencyId !== agency.id)
        invalid('deputyPersonId', `Choose a colleague from ${agency.name}.`);
      if (found.id === actor.personId)
        invalid('deputyPersonId', 'Name someone else as your deputy.');
      deputy = found;
    } else if (!input.writtenSubmission) {
      invalid(
        'writtenSubmission',
        'Name a deputy, or confirm that your agency sends a written submission instead.',
      );
    }
    await repos.casePeople.upsertApology(
      {
        meetingId: meeting.id,
        agencyId: agency.id,
        sentBy: actor.personId,
        deputyPersonId: deputy?.id ?? null,
        writtenSubmissionAt: input.writtenSubmission ? now : null,
      },
      now,
    );
    const invited = deputy
      ? await repos.casePeople.inviteAsDeputy(meeting.id, deputy.id, agency.id)
      : false;
    await repos.audit.record({
      at: now,
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: 'apology.send',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: {
        agency: agency.id,
        deputy: deputy?.id ?? null,
        writtenSubmission: input.writtenSubmission,
      },
    });
    const when = formatMeetingStart(meeting.scheduledStart, area.timeZone);
    const link = escapeHtml(deps.links.meeting(meeting.id));
    const recipients = deputy
      ? [{ email: deputy.email, name: deputy.displayName, as: 'deputy' }]
      : agency.escalationContactEmail
        ? [{ email: agency.escalationContactEmail, name: agency.name, as: 'escalation' }]
        : [];
    const blocked = new Set(
      disallowedRecipients(
        area.policy,
        recipients.map((r) => r.email),
      ),
    );
    for (const r of recipients.filter((x) => !blocked.has(x.email)))
      await repos.outbox.enqueue(
        {
          idempotencyKey: `apology:${meeting.id}:${agency.id}:${r.as}:${now.toISOString()}`,
          purpose: r.as === 'deputy' ? 'apology-deputy' : 'apology-escalation',
          areaId: area.id,
          to: [{ email: r.email, name: r.name }],
          subject:
            r.as === 'deputy'
              ? `MARAC meeting ${when}: you attend as ${agency.name}'s deputy`
              : `MARAC meeting ${when}: ${agency.name} sent apologies`,
          bodyHtml:
            r.as === 'deputy'
              ? `<p>Your agency's representative sent apologies for the MARAC meeting on ` +
                `${escapeHtml(when)} and named you as deputy for that meeting. The Teams ` +
                `invitation is in your calendar. The case list is in the MARAC tab: ` +
                `<a href="${link}">open the MARAC tab</a>.</p>`
              : `<p>${escapeHtml(agency.name)} sent apologies for the MARAC meeting on ` +
                `${escapeHtml(when)} with no deputy; a written submission is expected. ` +
                `<a href="${link}">Open the MARAC tab</a>.</p>`,
        },
        now,
      );
    return { invited };
  });
  const teams = invited ? await deps.onInviteesChanged(meetingId) : null;
  return { ...(await myApology(deps, actor, meetingId)), teams };
}

/** The coordinator's and chair's view: every agency's apologies and named deputies. */
export async function listApologies(deps: CasePeopleDeps, actor: Actor, meetingId: string) {
  inArea(await deps.repos.meetings.getMeeting(meetingId), actor);
  return deps.repos.casePeople.listApologies(meetingId);
}

/** The area's limit of moves per agency per day, and what the agency has used on that day. */
async function moveAllowance(deps: CasePeopleDeps, actor: Actor, meetingId: string) {
  const meeting = inArea(await deps.repos.meetings.getMeeting(meetingId), actor);
  const area = (await deps.repos.directory.getArea(actor.areaId)) as Area;
  return {
    meeting,
    limit: area.policy.maxReordersPerAgencyPerDay,
    day: localDay(meeting.scheduledStart, area.timeZone),
  };
}

/** FR-034: the requests to move cases on this meeting, for the chair and coordinator. */
export async function moveRequests(deps: CasePeopleDeps, actor: Actor, meetingId: string) {
  const { limit } = await moveAllowance(deps, actor, meetingId);
  return { limit, requests: await deps.repos.casePeople.listMoveRequests(meetingId) };
}

/** FR-034: an agency's own requests on this meeting and their outcome, with what is left. */
export async function myMoveRequests(deps: CasePeopleDeps, actor: Actor, meetingId: string) {
  const { agency } = await voiceOf(deps, actor, meetingId);
  const { limit, day } = await moveAllowance(deps, actor, meetingId);
  const used = await deps.repos.agenda.approvedMovesOnDay(agency.id, day);
  return {
    limit,
    used,
    requests: await deps.repos.casePeople.listMoveRequests(meetingId, agency.id),
  };
}

/** FR-034: the chair or coordinator accepts a request; the move happens within the limit. */
export async function acceptMove(
  deps: CasePeopleDeps,
  agenda: AgendaDeps,
  actor: Actor,
  meetingId: string,
  moveId: string,
) {
  await decideMove(agenda, actor, meetingId, moveId, true);
  return moveRequests(deps, actor, meetingId);
}

/** FR-034: the chair or coordinator declines a request, saying why (the requester sees it). */
export async function declineMove(
  deps: CasePeopleDeps,
  actor: Actor,
  meetingId: string,
  moveId: string,
  reason: string,
) {
  const why = reason.trim();
  if (!why) invalid('reason', 'Say why the move is declined; the agency sees the reason.');
  if (why.length > 1000) invalid('reason', 'Keep the reason to 1000 characters or fewer.');
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    const meeting = inArea(await repos.meetings.getMeeting(meetingId), actor);
    const move = await repos.agenda.getMove(moveId);
    const items = await repos.agenda.listItems(meeting.id);
    if (!move || !items.some((i) => i.id === move.agendaItemId)) throw new DomainError('NOT_FOUND');
    if (move.decision !== 'pending')
      throw new DomainError('INVALID_STATE', `This request was already ${move.decision}.`);
    await repos.casePeople.refuseMove(moveId, actor.personId, now, why);
    await repos.audit.record({
      at: now,
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: 'agenda.move-refuse',
      recordType: 'agenda_move',
      recordId: moveId,
      meetingId,
      detail: { reasonGiven: true },
    });
  });
  return moveRequests(deps, actor, meetingId);
}
