import type { AgendaRepository } from '../agenda/agenda-repository.js';
import type { AreaSetupRepository } from '../area-setup/area-setup-repository.js';
import { directoryCall } from '../area-setup/directory-call.js';
import { audit as auditPerson, checkPerson } from '../area-setup/area-setup.js';
import type { CirculationRepository } from '../circulation/circulation-repository.js';
import { DomainError } from '../errors.js';
import { canReceiveMaracInformation, type Area, type Person } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { EntraDirectory, EntraUser } from '../ports/entra-directory.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { disallowedRecipients } from '../recipient-policy.js';
import { inArea } from '../same-area.js';
import { escapeHtml, formatMeetingStart } from '../scheduling/format.js';
import type {
  DirectoryReader,
  MeetingRecord,
  MeetingRepository,
} from '../scheduling/meeting-repository.js';
import type { TabLinks } from '../scheduling/scheduling-deps.js';
import type {
  CasePeopleRepository,
  CasePersonKind,
  CasePersonRecord,
} from './case-people-repository.js';

export interface CasePeopleRepos {
  meetings: MeetingRepository;
  directory: DirectoryReader;
  agenda: AgendaRepository;
  circulation: CirculationRepository;
  casePeople: CasePeopleRepository;
  setup: AreaSetupRepository;
  outbox: Outbox;
  audit: AuditLog;
}

export interface CasePeopleDeps {
  clock: Clock;
  repos: CasePeopleRepos;
  uow: UnitOfWork<CasePeopleRepos>;
  links: TabLinks;
  /**
   * The meeting's invitees changed: the Teams event's attendees and the meeting options (who
   * bypasses the lobby) follow (core/scheduling/teams-setup.ts). Returns the meeting's status.
   */
  onInviteesChanged(meetingId: string): Promise<{ status: string; statusReason: string | null }>;
  /** The tenant's directory, to invite someone not yet a person of the area (guests too). */
  entra: EntraDirectory;
  /** The tenant people sign in from (recorded with each object id). */
  tenantId: string;
}

export interface Actor {
  personId: string;
  areaId: string;
  agencyId: string | null;
  roles: readonly string[];
}

/** The words on screen and in mail for each kind of one-case attendee. */
export const CASE_PERSON_LABELS: Record<CasePersonKind, string> = {
  referrer: 'Referrer',
  keyworker: 'Keyworker',
  specialist: 'Specialist',
};

/** The role a person added from the directory for one case gets (it opens that case to them). */
const ROLE_OF = { referrer: 'referrer', keyworker: 'keyworker', specialist: 'keyworker' } as const;

const INVITEE_KIND = {
  referrer: 'referrer',
  keyworker: 'keyworker',
  specialist: 'case-specific',
} as const;

function invalid(path: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', undefined, [{ path, message }]);
}

/** A main meeting that has not started, ended or been cancelled. */
function upcoming(meeting: MeetingRecord, now: Date, what: string): void {
  if (meeting.status === 'cancelled' || meeting.status === 'ended' || meeting.scheduledEnd <= now)
    throw new DomainError('INVALID_STATE', `This meeting is over or cancelled, so ${what}.`);
}

/**
 * FR-006, A-09, FR-069: the coordinator invites a referrer, keyworker or specialist to one case
 * of an open meeting. They are added to the Teams meeting's attendees (so they bypass the
 * lobby), get a mail with the meeting's date, the case reference and a link into the tab, and
 * see that case alone after a declaration for it (FR-046).
 */
export async function inviteCasePerson(
  deps: CasePeopleDeps,
  actor: Actor,
  meetingId: string,
  agendaItemId: string,
  input: InviteInput,
) {
  const now = deps.clock.now();
  const user = input.entraObjectId ? await directoryUser(deps, input.entraObjectId) : null;
  const result = await deps.uow.run(async (repos) => {
    const meeting = inArea(await repos.meetings.getMeeting(meetingId), actor);
    if (meeting.kind === 'closed')
      throw new DomainError(
        'INVALID_STATE',
        'A closed session lists its permitted people on each case; invite people for one case of the main meeting only.',
      );
    upcoming(meeting, now, 'nobody can be invited to it');
    const item = (await repos.agenda.listItems(meetingId)).find((i) => i.id === agendaItemId);
    if (!item) throw new DomainError('NOT_FOUND');
    const area = (await repos.directory.getArea(actor.areaId)) as Area;
    const person = user
      ? await personFromDirectory(repos, deps, actor, user, input, now)
      : (await repos.directory.listPeople(actor.areaId)).find((p) => p.id === input.personId);
    if (!person)
      invalid(
        'personId',
        'Choose someone from your area’s people. Add them from the directory first if they are not listed.',
      );
    if (person.agencyId) {
      const agency = (await repos.directory.listAgencies(actor.areaId)).find(
        (a) => a.id === person.agencyId,
      );
      if (agency && !canReceiveMaracInformation(agency))
        invalid(
          'personId',
          'This person’s agency has not completed the information-sharing agreement, so they cannot be invited to a case.',
        );
    }
    if (disallowedRecipients(area.policy, [person.email]).length > 0)
      invalid(
        'personId',
        'This person’s e-mail domain is not on your area’s list of secure domains. Add the domain in the area settings first.',
      );
    const row = await repos.casePeople.insertCasePerson(
      {
        meetingId,
        agendaItemId,
        personId: person.id,
        kind: input.kind,
        invitedBy: actor.personId,
      },
      now,
    );
    if (!row.created)
      invalid('personId', `This person is already invited for case ${item.caseNumber}.`);
    const invited = await repos.casePeople.addInvitee(
      meetingId,
      person.id,
      person.agencyId,
      INVITEE_KIND[input.kind],
    );
    await repos.audit.record({
      at: now,
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: 'case-person.invite',
      recordType: 'agenda_item',
      recordId: agendaItemId,
      meetingId,
      detail: { person: person.id, kind: input.kind, addedToMeeting: invited },
    });
    const when = formatMeetingStart(meeting.scheduledStart, area.timeZone);
    const link = deps.links.meeting(meetingId);
    // References only: the meeting's date, the case number and a link (never case content).
    await repos.outbox.enqueue(
      {
        idempotencyKey: `case-person:${row.id}`,
        purpose: 'case-person-invite',
        areaId: area.id,
        to: [{ email: person.email, name: person.displayName }],
        subject: `MARAC meeting ${when}: you are invited for case ${item.caseNumber}`,
        bodyHtml:
          `<p>You are invited to the MARAC meeting on ${escapeHtml(when)} for case ` +
          `${escapeHtml(item.caseNumber)} only. The Teams invitation is in your calendar.</p>` +
          `<p>Accept the confidentiality declaration for the case in the MARAC tab before the ` +
          `meeting: <a href="${escapeHtml(link)}">open the MARAC tab</a>.</p>`,
      },
      now,
    );
    return { id: row.id, invited, personId: person.id };
  });
  const teams = await deps.onInviteesChanged(meetingId);
  return {
    casePerson: { id: result.id, agendaItemId, personId: result.personId, kind: input.kind },
    teams,
  };
}

export interface InviteInput {
  kind: CasePersonKind;
  /** A person of the area, or... */
  personId?: string;
  /** ...someone found in the tenant's directory (a member or a B2B guest), with their agency. */
  entraObjectId?: string;
  agencyId?: string | null;
}

async function directoryUser(deps: CasePeopleDeps, objectId: string): Promise<EntraUser> {
  const user = await directoryCall(() => deps.entra.findUser(objectId));
  if (!user)
    invalid(
      'entraObjectId',
      'That person is not in your organisation’s directory. Search again and pick them from the list.',
    );
  return user;
}

/**
 * The area's person for a directory user: the one already added, or a new person (name and
 * address from Entra, a guest's own address) with the role that opens one case to them. Added
 * in the invitation's transaction, so a refused invitation adds nobody.
 */
async function personFromDirectory(
  repos: CasePeopleRepos,
  deps: CasePeopleDeps,
  actor: Actor,
  user: EntraUser,
  input: InviteInput,
  now: Date,
): Promise<Person> {
  const known = (await repos.directory.listPeople(actor.areaId)).find(
    (p) => p.entraObjectId === user.objectId,
  );
  if (known) return known;
  if (await repos.setup.entraTaken(deps.tenantId, user.objectId))
    invalid(
      'entraObjectId',
      'This person was added before and is deactivated (or belongs to another area). Reactivate them in Area set-up first.',
    );
  const email = user.mail ?? user.userPrincipalName;
  const person = {
    displayName: user.displayName?.trim() || email,
    email,
    agencyId: input.agencyId ?? null,
    jobTitle: null,
    roles: [ROLE_OF[input.kind]],
    entraObjectId: user.objectId,
    entraTenantId: deps.tenantId,
  };
  await checkPerson(repos, actor, person);
  const id = await repos.setup.insertPerson(actor.areaId, person, now);
  await auditPerson(repos, actor, now, 'person.create', 'person', id, ['entraObjectId', 'roles'], {
    before: {},
    after: { roles: person.roles, agencyId: person.agencyId, guest: user.userType === 'Guest' },
  });
  return { id, areaId: actor.areaId, ...person };
}

/** The people invited for one case of a meeting (coordinator and chairs). */
export async function listCasePeople(
  deps: CasePeopleDeps,
  actor: Actor,
  meetingId: string,
): Promise<CasePersonRecord[]> {
  inArea(await deps.repos.meetings.getMeeting(meetingId), actor);
  return deps.repos.casePeople.listCasePeople(meetingId);
}

/**
 * The cases the viewer was invited to on this meeting (references and times only, no
 * content), with whether they accepted the declaration for each and the statement to accept.
 */
export async function myCases(deps: CasePeopleDeps, viewer: Actor, meetingId: string) {
  const meeting = inArea(await deps.repos.meetings.getMeeting(meetingId), viewer);
  const area = (await deps.repos.directory.getArea(viewer.areaId)) as Area;
  const mine = (await deps.repos.casePeople.listCasePeople(meeting.id)).filter(
    (c) => c.personId === viewer.personId,
  );
  const items = mine.length > 0 ? await deps.repos.agenda.listItems(meeting.id) : [];
  return {
    meetingId: meeting.id,
    statement: area.confidentialityStatement,
    cases: mine.map((c) => {
      const item = items.find((i) => i.id === c.agendaItemId);
      return {
        agendaItemId: c.agendaItemId,
        caseNumber: c.caseNumber,
        position: c.position,
        plannedStart: item?.plannedStart ?? null,
        plannedMinutes: item?.plannedMinutes ?? null,
        kind: c.kind,
        declared: c.declaredAt !== null,
      };
    }),
  };
}

/** The viewer's invitation for one case; anyone else is told the case does not exist. */
async function ownCase(
  repos: CasePeopleRepos,
  viewer: Actor,
  meetingId: string,
  agendaItemId: string,
  now: Date,
) {
  const meeting = inArea(await repos.meetings.getMeeting(meetingId), viewer);
  const mine = (await repos.casePeople.listCasePeople(meeting.id)).find(
    (c) => c.personId === viewer.personId && c.agendaItemId === agendaItemId,
  );
  if (!mine) {
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'case.view-refused',
      recordType: 'agenda_item',
      recordId: agendaItemId,
      meetingId: meeting.id,
      detail: { code: 'NOT_FOUND' },
    });
    throw new DomainError('NOT_FOUND');
  }
  if (meeting.status === 'cancelled')
    throw new DomainError('INVALID_STATE', 'This meeting was cancelled.');
  if (viewer.agencyId) {
    const agency = (await repos.directory.listAgencies(viewer.areaId)).find(
      (a) => a.id === viewer.agencyId,
    );
    if (agency && !canReceiveMaracInformation(agency))
      throw new DomainError(
        'AGENCY_NOT_SIGNATORY',
        'Your agency has not completed the information-sharing agreement, so it cannot see cases.',
      );
  }
  return { meeting, mine };
}

/** FR-046: a one-case attendee accepts the declaration for that case before its content. */
export async function acceptCaseDeclaration(
  deps: CasePeopleDeps,
  viewer: Actor,
  meetingId: string,
  agendaItemId: string,
) {
  const now = deps.clock.now();
  // Outside the transaction, so a refusal's audit row is kept.
  const { mine } = await ownCase(deps.repos, viewer, meetingId, agendaItemId, now);
  await deps.uow.run(async (repos) => {
    if (mine.declaredAt) return;
    await repos.casePeople.insertCaseDeclaration(viewer.personId, meetingId, agendaItemId, now);
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'declaration.accept',
      recordType: 'agenda_item',
      recordId: agendaItemId,
      meetingId,
    });
  });
  return { meetingId, agendaItemId, acceptedAt: mine.declaredAt ?? now };
}

/**
 * The one case a referrer, keyworker or specialist was invited to: its content, after the
 * declaration for it; every other case of the meeting is "not found" to them. Audited.
 */
export async function viewOwnCase(
  deps: CasePeopleDeps,
  viewer: Actor,
  meetingId: string,
  agendaItemId: string,
) {
  const now = deps.clock.now();
  const { meeting, mine } = await ownCase(deps.repos, viewer, meetingId, agendaItemId, now);
  if (!mine.declaredAt) throw new DomainError('DECLARATION_REQUIRED');
  const item = (await deps.repos.circulation.caseListItems([meeting.id])).find(
    (i) => i.agendaItemId === agendaItemId,
  );
  if (!item) throw new DomainError('NOT_FOUND');
  await deps.repos.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'case.view',
    recordType: 'agenda_item',
    recordId: agendaItemId,
    meetingId: meeting.id,
    detail: { cases: 1, caseNumbers: [item.caseNumber] },
  });
  const { permittedPersonIds: _p, createdAt: _c, ...content } = item;
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      scheduledStart: meeting.scheduledStart,
      scheduledEnd: meeting.scheduledEnd,
      status: meeting.status,
    },
    kind: mine.kind,
    item: content,
  };
}
