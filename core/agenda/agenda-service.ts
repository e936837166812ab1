import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import { canReceiveMaracInformation, type Area } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type {
  DirectoryReader,
  MeetingRecord,
  MeetingRepository,
} from '../scheduling/meeting-repository.js';
import type { AgendaItemRecord, AgendaRepository, NewCase } from './agenda-repository.js';
import {
  byRisk,
  capacityOf,
  insertionIndex,
  plannedStarts,
  type Capacity,
} from './agenda-schedule.js';
import { validateCaseList, type Sheet } from './case-list-import.js';
import { refuseFormulaText } from './case-text.js';

export interface AgendaRepos {
  agenda: AgendaRepository;
  meetings: MeetingRepository;
  directory: DirectoryReader;
  audit: AuditLog;
}

export interface AgendaDeps {
  clock: Clock;
  repos: AgendaRepos;
  uow: UnitOfWork<AgendaRepos>;
  /** A closed case listed people: the closed session's Teams invitees follow (FR-007). */
  onClosedSessionChanged(meetingId: string): Promise<void>;
}

export interface Actor {
  personId: string;
  areaId: string;
}

export interface AgendaView {
  meetingId: string;
  items: AgendaItemRecord[];
  capacity: Capacity;
}

/** The agenda without case content: numbers, risk, repeat marks, planned times (FR-027..FR-030). */
export async function agendaView(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
): Promise<AgendaView> {
  const { area, meeting } = await load(deps.repos, actor, meetingId);
  const items = await deps.repos.agenda.listItems(meetingId);
  return {
    meetingId,
    items,
    capacity: capacityOf(items, meeting, area.policy, opening(area, meeting)),
  };
}

/** Adds one case from the form (FR-027). Closed sessions need the people permitted to see it. */
export async function addCase(deps: AgendaDeps, actor: Actor, meetingId: string, input: NewCase) {
  refuseFormulaText(input);
  const now = deps.clock.now();
  const result = await deps.uow.run(async (repos) => {
    const { area, meeting } = await load(repos, actor, meetingId, true);
    const items = await repos.agenda.listItems(meetingId);
    if (items.some((i) => i.caseNumber.toUpperCase() === input.caseNumber.toUpperCase()))
      throw new DomainError('DUPLICATE_CASE_NUMBER', undefined, [
        { path: 'caseNumber', message: "This case is already on this meeting's agenda." },
      ]);
    await checkAgencies(repos, area, [input.referringAgencyId, ...input.agenciesInvolved]);
    await checkPermitted(repos, area, meeting, input.permittedPersonIds);
    const ids = await listCases(repos, area, meeting, items, [input], now);
    await audit(repos, actor, meeting, now, 'agenda.add', { cases: 1 });
    return { itemId: ids[0] as string, meeting };
  });
  if (result.meeting.kind === 'closed') await deps.onClosedSessionChanged(meetingId);
  return agendaView(deps, actor, meetingId).then((view) => ({ itemId: result.itemId, ...view }));
}

/**
 * Imports a case list (FR-027) all-or-nothing: every row is validated first and, if any row or
 * field is wrong, nothing is written and every problem is returned. With `dryRun` a good file
 * is checked but not imported.
 */
export async function importCases(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  sheet: Sheet,
  options: { dryRun?: boolean } = {},
): Promise<AgendaView & { imported: number; dryRun: boolean }> {
  const now = deps.clock.now();
  const imported = await deps.uow
    .run(async (repos) => {
      const { area, meeting } = await load(repos, actor, meetingId, true);
      if (meeting.kind === 'closed')
        throw new DomainError(
          'INVALID_STATE',
          'Add closed-session cases one at a time, each with the people permitted to see it.',
        );
      const items = await repos.agenda.listItems(meetingId);
      const outcome = validateCaseList(sheet, {
        agencies: await repos.directory.listAgencies(area.id),
        existingCaseNumbers: new Set(items.map((i) => i.caseNumber)),
        today: localDay(now, area.timeZone),
        defaultMinutes: area.policy.minutesPerCase,
      });
      if (!outcome.ok)
        throw new DomainError('IMPORT_REJECTED', undefined, { problems: outcome.problems });
      if (options.dryRun) return outcome.cases.length;
      await listCases(repos, area, meeting, items, outcome.cases, now);
      await audit(repos, actor, meeting, now, 'agenda.import', { cases: outcome.cases.length });
      return outcome.cases.length;
    })
    .catch(async (error: unknown) => {
      // The rejection is audited even though the transaction rolled back.
      if (error instanceof DomainError && error.code === 'IMPORT_REJECTED') {
        const meeting = await deps.repos.meetings.getMeeting(meetingId);
        if (meeting?.areaId === actor.areaId)
          await audit(deps.repos, actor, meeting, now, 'agenda.import-rejected', {
            problems: ((error.details as { problems: unknown[] }).problems ?? []).length,
          });
      }
      throw error;
    });
  return {
    ...(await agendaView(deps, actor, meetingId)),
    imported,
    dryRun: Boolean(options.dryRun),
  };
}

/** FR-029: a complex case gets more minutes; everyone after it moves. */
export async function setPlannedMinutes(
  deps: AgendaDeps,
  actor: Actor,
  meetingId: string,
  itemId: string,
  minutes: number,
): Promise<AgendaView> {
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    const { area, meeting } = await load(repos, actor, meetingId, true);
    const items = await repos.agenda.listItems(meetingId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new DomainError('NOT_FOUND');
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        { path: 'plannedMinutes', message: 'From 1 to 120 minutes.' },
      ]);
    await repos.agenda.setPlannedMinutes(itemId, minutes);
    item.plannedMinutes = minutes;
    await repos.agenda.setSchedule(
      plannedStarts(items, meeting.scheduledStart, opening(area, meeting)),
    );
    await audit(repos, actor, meeting, now, 'agenda.planned-minutes', { item: itemId, minutes });
  });
  return agendaView(deps, actor, meetingId);
}

async function listCases(
  repos: AgendaRepos,
  area: Area,
  meeting: MeetingRecord,
  items: AgendaItemRecord[],
  cases: NewCase[],
  now: Date,
): Promise<string[]> {
  const since = addMonths(meeting.scheduledStart, -area.policy.repeatWindowMonths);
  const ids: string[] = [];
  for (const c of [...cases].sort(byRisk)) {
    const caseId =
      (await repos.agenda.findCaseId(area.id, c.caseNumber)) ??
      (await repos.agenda.insertCase(area.id, c.caseNumber, now));
    await repos.agenda.addSubjects(caseId, c.subjects, now);
    const victim = c.subjects.find((s) => s.kind === 'victim');
    const earlier = await repos.agenda.earlierListings({
      areaId: area.id,
      caseNumber: c.caseNumber,
      victim: victim ? { fullName: victim.fullName, dateOfBirth: victim.dateOfBirth } : null,
      perpetratorName: c.subjects.find((s) => s.kind === 'perpetrator')?.fullName ?? null,
      before: meeting.scheduledStart,
      since,
    });
    const index = insertionIndex(items, c.riskLevel);
    const plannedMinutes = c.plannedMinutes ?? area.policy.minutesPerCase;
    const id = await repos.agenda.insertItem(
      {
        meetingId: meeting.id,
        caseId,
        position: index + 1,
        riskLevel: c.riskLevel,
        riskScore: c.riskScore,
        isRepeat: earlier.count > 0 || c.markedRepeat,
        repeatCount: earlier.count,
        lastHeardOn: earlier.lastHeardAt ? localDay(earlier.lastHeardAt, area.timeZone) : null,
        isClosedSession: meeting.kind === 'closed',
        referringAgencyId: c.referringAgencyId,
        agenciesInvolved: c.agenciesInvolved,
        childrenCount: c.subjects.filter((s) => s.kind === 'child').length,
        plannedMinutes,
        referredOn: c.referredOn,
        incidentOn: c.incidentOn,
        summary: c.summary,
        addedAfterCirculation: meeting.circulatedAt !== null,
        returnData: c.returnData,
      },
      now,
    );
    if (c.permittedPersonIds.length > 0)
      await repos.agenda.setPermittedPeople(id, c.permittedPersonIds);
    items.splice(index, 0, { id, riskLevel: c.riskLevel, plannedMinutes } as AgendaItemRecord);
    ids.push(id);
  }
  await repos.agenda.setSchedule(
    plannedStarts(items, meeting.scheduledStart, opening(area, meeting)),
  );
  return ids;
}

export async function load(repos: AgendaRepos, actor: Actor, meetingId: string, forChange = false) {
  const area = await repos.directory.getArea(actor.areaId);
  const meeting = inArea(await repos.meetings.getMeeting(meetingId), actor);
  if (!area) throw new DomainError('NOT_FOUND');
  if (forChange && ['cancelled', 'ended', 'in-progress'].includes(meeting.status))
    throw new DomainError(
      'INVALID_STATE',
      `The meeting is ${meeting.status}; its agenda can no longer change.`,
    );
  return { area, meeting };
}

export function opening(area: Area, meeting: MeetingRecord): number {
  return meeting.kind === 'closed' ? 0 : area.policy.agendaOpeningMinutes;
}

async function checkAgencies(repos: AgendaRepos, area: Area, ids: string[]) {
  const known = new Set((await repos.directory.listAgencies(area.id)).map((a) => a.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'Unknown agency.', [
      { path: 'referringAgencyId', message: 'No agency with this id in your area.' },
    ]);
}

/** FR-007, FR-107: closed cases list their people; nobody from an unsigned agency. */
async function checkPermitted(
  repos: AgendaRepos,
  area: Area,
  meeting: MeetingRecord,
  ids: string[],
) {
  const field = 'permittedPersonIds';
  if (meeting.kind !== 'closed') {
    if (ids.length > 0)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        {
          path: field,
          message:
            'Only cases in a closed session list permitted people; add the case to a closed session.',
        },
      ]);
    return;
  }
  if (ids.length === 0)
    throw new DomainError('VALIDATION_FAILED', undefined, [
      { path: field, message: 'A closed-session case needs the people permitted to see it.' },
    ]);
  const [people, agencies] = await Promise.all([
    repos.directory.listPeople(area.id),
    repos.directory.listAgencies(area.id),
  ]);
  const signatory = new Set(agencies.filter(canReceiveMaracInformation).map((a) => a.id));
  for (const id of ids) {
    const person = people.find((p) => p.id === id);
    if (!person)
      throw new DomainError('VALIDATION_FAILED', undefined, [
        { path: field, message: 'One of the people is not an active member of this area.' },
      ]);
    if (person.agencyId && !signatory.has(person.agencyId))
      throw new DomainError(
        'AGENCY_NOT_SIGNATORY',
        `${person.displayName}'s agency has no complete signatory record, so they cannot be given this case.`,
      );
  }
}

async function audit(
  repos: Pick<AgendaRepos, 'audit'>,
  actor: Actor,
  meeting: MeetingRecord,
  at: Date,
  action: string,
  detail: Record<string, string | number>,
) {
  await repos.audit.record({
    at,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action,
    recordType: 'meeting',
    recordId: meeting.id,
    meetingId: meeting.id,
    detail,
  });
}

function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
