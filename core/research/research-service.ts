import { localDay } from '../calendar/index.js';
import { seesCase, type CaseListAccess, type Viewer } from '../circulation/case-access.js';
import { checkAccess } from '../circulation/case-list.js';
import { writtenSubmissionDueOn } from '../circulation/written-submission.js';
import type { CaseListItem } from '../circulation/circulation-repository.js';
import { DomainError } from '../errors.js';
import { canReceiveMaracInformation, type Area } from '../model.js';
import { disallowedRecipients } from '../recipient-policy.js';
import { hasAnyRole } from '../roles.js';
import type { MeetingRecord } from '../scheduling/meeting-repository.js';
import { researchOutstandingMail, researchReminderMail } from './research-mail.js';
import type { ResearchDeps, ResearchRepos, ResearchReturnRecord } from './research-repository.js';
import {
  caseMaterialClosed,
  caseMaterialClosesAt,
  missingByAgency,
  parseResearchReturn,
  researchDeadline,
  researchGrid,
  researchOpen,
  type GridCase,
} from './research-rules.js';

type Granted = Extract<CaseListAccess, { ok: true }>;

interface Entitled {
  meeting: MeetingRecord;
  area: Area;
  items: CaseListItem[];
  access: Granted;
  now: Date;
}

/**
 * The same need-to-know as the case list (checkAccess: area, invited, signatory agency, closed
 * cases only for the people listed), and closed to everyone but the meeting's leads once the
 * policy's time after the meeting has passed (IS-08, IS-09). Refusals are audited.
 */
async function entitled(
  deps: ResearchDeps,
  viewer: Viewer,
  meetingId: string,
  refusedAction: string,
): Promise<Entitled> {
  const now = deps.clock.now();
  const { meeting, items, access } = await checkAccess(
    deps.repos,
    viewer,
    meetingId,
    now,
    refusedAction,
  );
  const area = (await deps.repos.directory.getArea(meeting.areaId)) as Area;
  const granted = access as Granted;
  if (!granted.seesEveryClosedCase && caseMaterialClosed(meeting, area.policy, now)) {
    await refuse(deps, viewer, meeting.id, refusedAction, 'CASE_NOT_VISIBLE', now);
    throw new DomainError(
      'CASE_NOT_VISIBLE',
      'This meeting is over, so its cases and research are no longer shown. Its minutes and your actions are still available.',
    );
  }
  return {
    meeting,
    area,
    items: items.filter((i) => seesCase(granted, viewer.personId, i)),
    access: granted,
    now,
  };
}

async function refuse(
  deps: ResearchDeps,
  viewer: Viewer,
  meetingId: string,
  action: string,
  code: string,
  now: Date,
) {
  await deps.repos.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action,
    recordType: 'meeting',
    recordId: meetingId,
    meetingId,
    detail: { code },
  });
}

function agencyOf(viewer: Viewer): string {
  if (!viewer.agencyId || !hasAnyRole(viewer.roles, ['representative', 'deputy', 'idva']))
    throw new DomainError(
      'FORBIDDEN',
      'Only representatives, deputies and IDVAs return research for their agency.',
    );
  return viewer.agencyId;
}

const ownReturn = (r: ResearchReturnRecord | undefined) =>
  r
    ? {
        status: r.status,
        information: r.information,
        reason: r.reason,
        restrictions: r.restrictions,
        researchedOn: r.researchedOn,
        submittedAt: r.submittedAt,
        updatedAt: r.updatedAt,
        destroyed: r.purgedAt !== null,
      }
    : null;

/**
 * FR-038, FR-039: the cases of the meeting the viewer's agency is involved in, each with the
 * agency's return so far and the written submissions other agencies sent for it (shared with
 * the members before the meeting, until destroyed), the deadline and whether returns are still
 * taken. Audited (counts).
 */
export async function agencyResearch(deps: ResearchDeps, viewer: Viewer, meetingId: string) {
  const agencyId = agencyOf(viewer);
  const { meeting, area, items, now } = await entitled(
    deps,
    viewer,
    meetingId,
    'research.view-refused',
  );
  if (!(await deps.repos.circulation.hasDeclaration(viewer.personId, meeting.id)))
    throw new DomainError('DECLARATION_REQUIRED');
  const mine = items.filter((i) => i.agenciesInvolved.some((a) => a.id === agencyId));
  const returns = await deps.repos.research.listForItems(mine.map((i) => i.agendaItemId));
  await deps.repos.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'research.view-own',
    recordType: 'meeting',
    recordId: meeting.id,
    meetingId: meeting.id,
    detail: {
      agencyId,
      cases: mine.length,
      writtenSubmissionsShown: returns.filter(
        (r) => r.agencyId !== agencyId && r.status === 'written-submission' && !r.purgedAt,
      ).length,
    },
  });
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    meetingStart: meeting.scheduledStart,
    deadline: researchDeadline(meeting.scheduledStart, area.policy),
    open: researchOpen(meeting, now),
    closesAt: caseMaterialClosesAt(meeting, area.policy),
    cases: mine.map((i) => ({
      agendaItemId: i.agendaItemId,
      caseNumber: i.caseNumber,
      position: i.position,
      riskLevel: i.riskLevel,
      isClosedSession: i.isClosedSession,
      return: ownReturn(
        returns.find((r) => r.agendaItemId === i.agendaItemId && r.agencyId === agencyId),
      ),
      writtenSubmissions: returns
        .filter(
          (r) =>
            r.agendaItemId === i.agendaItemId &&
            r.agencyId !== agencyId &&
            r.status === 'written-submission' &&
            !r.purgedAt,
        )
        .map((r) => ({
          agencyId: r.agencyId,
          agencyName: i.agenciesInvolved.find((a) => a.id === r.agencyId)?.name ?? null,
          ...ownReturn(r),
        })),
    })),
  };
}

/**
 * FR-038, FR-039, FR-040: the viewer's agency returns research (or a nil return, no
 * involvement, or a written submission) for one case it is listed as involved in. A case the
 * agency is not involved in, or cannot see, is refused and nothing is saved. Audited (ids only).
 */
export async function returnResearch(
  deps: ResearchDeps,
  viewer: Viewer,
  meetingId: string,
  agendaItemId: string,
  body: unknown,
) {
  const agencyId = agencyOf(viewer);
  const { meeting, area, items, now } = await entitled(
    deps,
    viewer,
    meetingId,
    'research.return-refused',
  );
  const item = items.find((i) => i.agendaItemId === agendaItemId);
  if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
  if (!item.agenciesInvolved.some((a) => a.id === agencyId)) {
    await refuse(deps, viewer, meeting.id, 'research.return-refused', 'NOT_INVOLVED', now);
    throw new DomainError(
      'FORBIDDEN',
      'Your agency is not listed as involved in this case, so it cannot return research for it. Ask the coordinator to add your agency to the case.',
    );
  }
  if (!researchOpen(meeting, now))
    throw new DomainError(
      'INVALID_STATE',
      'This meeting is over, so research is no longer taken for it.',
    );
  if (!(await deps.repos.circulation.hasDeclaration(viewer.personId, meeting.id)))
    throw new DomainError('DECLARATION_REQUIRED');
  const input = parseResearchReturn(body, localDay(now, area.timeZone));
  return deps.uow.run(async (repos) => {
    const saved = await repos.research.save(
      { ...input, agendaItemId, agencyId, contributorPersonId: viewer.personId },
      now,
    );
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: saved.created ? 'research.return' : 'research.change',
      recordType: 'research_submission',
      recordId: saved.id,
      meetingId: meeting.id,
      detail: { agencyId, agendaItemId, caseNumber: item.caseNumber, status: input.status },
    });
    return {
      id: saved.id,
      agendaItemId,
      caseNumber: item.caseNumber,
      status: input.status,
      created: saved.created,
    };
  });
}

function requireLead(access: Granted) {
  // Only the coordinator and the meeting's chair and deputy chair see every agency's returns.
  if (!access.seesEveryClosedCase)
    throw new DomainError(
      'FORBIDDEN',
      'Only the coordinator and the meeting’s chairs see every agency’s research.',
    );
}

const gridCases = (items: CaseListItem[]): GridCase[] =>
  items.map((i) => ({
    agendaItemId: i.agendaItemId,
    caseNumber: i.caseNumber,
    position: i.position,
    isClosedSession: i.isClosedSession,
    agenciesInvolved: i.agenciesInvolved,
  }));

/** FR-038: the grid per case and involved agency, with counts, for the meeting's leads. */
export async function researchGridView(deps: ResearchDeps, viewer: Viewer, meetingId: string) {
  const { meeting, area, items, access, now } = await entitled(
    deps,
    viewer,
    meetingId,
    'research.view-refused',
  );
  requireLead(access);
  const returns = await deps.repos.research.listForItems(items.map((i) => i.agendaItemId));
  const grid = researchGrid(gridCases(items), returns);
  await deps.repos.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'research.view-grid',
    recordType: 'meeting',
    recordId: meeting.id,
    meetingId: meeting.id,
    detail: { cases: items.length, missing: grid.totals.missing },
  });
  return {
    meetingId: meeting.id,
    deadline: researchDeadline(meeting.scheduledStart, area.policy),
    destroyed: returns.some((r) => r.purgedAt !== null),
    ...grid,
  };
}

/** FR-038, FR-039: every agency's return for one case, text included, for the meeting's leads. */
export async function caseResearch(
  deps: ResearchDeps,
  viewer: Viewer,
  meetingId: string,
  agendaItemId: string,
) {
  const { meeting, items, access, now } = await entitled(
    deps,
    viewer,
    meetingId,
    'research.view-refused',
  );
  requireLead(access);
  const item = items.find((i) => i.agendaItemId === agendaItemId);
  if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
  const returns = await deps.repos.research.listForItems([agendaItemId]);
  await deps.repos.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'research.view-case',
    recordType: 'agenda_item',
    recordId: agendaItemId,
    meetingId: meeting.id,
    detail: { caseNumber: item.caseNumber, returns: returns.length },
  });
  return {
    agendaItemId,
    caseNumber: item.caseNumber,
    agencies: item.agenciesInvolved.map((a) => ({
      agencyId: a.id,
      agencyName: a.name,
      return: ownReturn(returns.find((r) => r.agencyId === a.id)),
    })),
  };
}

/**
 * FR-038, A-07: after the deadline, each invited signatory agency still owing returns for
 * open cases is reminded (its representatives, deputies and IDVAs invited to the meeting), and
 * the coordinator told how many. Idempotent: the outbox keys make each mail go once.
 */
export async function remindMissingResearch(
  deps: ResearchDeps,
  areaIds: string[],
): Promise<{ meetings: number; reminders: number }> {
  const now = deps.clock.now();
  let meetings = 0;
  let reminders = 0;
  for (const areaId of areaIds) {
    const area = await deps.repos.directory.getArea(areaId);
    if (!area) continue;
    for (const meeting of await deps.repos.meetings.listUpcoming(areaId, now)) {
      if (meeting.kind === 'closed') continue;
      if (researchDeadline(meeting.scheduledStart, area.policy) > now) continue;
      const sent = await deps.uow.run((repos) => remindForMeeting(deps, repos, area, meeting, now));
      if (sent > 0) meetings += 1;
      reminders += sent;
    }
  }
  return { meetings, reminders };
}

async function remindForMeeting(
  deps: ResearchDeps,
  repos: ResearchRepos,
  area: Area,
  meeting: MeetingRecord,
  now: Date,
): Promise<number> {
  const items = (await repos.circulation.caseListItems([meeting.id])).filter(
    (i) => !i.isClosedSession,
  );
  if (items.length === 0) return 0;
  const returns = await repos.research.listForItems(items.map((i) => i.agendaItemId));
  const missing = missingByAgency(gridCases(items), returns);
  const [invitees, agencies] = await Promise.all([
    repos.meetings.listInvitees(meeting.id),
    repos.directory.listAgencies(area.id),
  ]);
  const blocked = new Set([
    ...disallowedRecipients(
      area.policy,
      invitees.map((i) => i.email),
    ),
    ...(await repos.circulation.perpetratorContacts(area.id)).map((e) => e.toLowerCase()),
  ]);
  let created = 0;
  let agenciesReminded = 0;
  let returnsMissing = 0;
  for (const [agencyId, caseNumbers] of missing) {
    const agency = agencies.find((a) => a.id === agencyId);
    if (!agency || !canReceiveMaracInformation(agency)) continue;
    const people = invitees.filter(
      (i) =>
        i.agencyId === agencyId &&
        ['representative', 'deputy', 'idva'].includes(i.kind) &&
        !blocked.has(i.email.toLowerCase()),
    );
    if (people.length === 0) continue;
    agenciesReminded += 1;
    returnsMissing += caseNumbers.length;
    for (const person of people) {
      const mail = researchReminderMail({
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        meetingStart: meeting.scheduledStart,
        timeZone: area.timeZone,
        agencyId,
        caseNumbers,
        link: deps.links.meeting(meeting.id),
        recipient: person,
      });
      const { created: isNew } = await repos.outbox.enqueue({ ...mail, areaId: area.id }, now);
      if (isNew) created += 1;
    }
  }
  for (const coordinator of invitees.filter((i) => i.kind === 'coordinator'))
    if (agenciesReminded > 0) {
      const mail = researchOutstandingMail({
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        meetingStart: meeting.scheduledStart,
        timeZone: area.timeZone,
        agencies: agenciesReminded,
        returnsMissing,
        link: deps.links.meeting(meeting.id),
        recipient: coordinator,
      });
      const { created: isNew } = await repos.outbox.enqueue({ ...mail, areaId: area.id }, now);
      if (isNew) created += 1;
    }
  if (created > 0)
    await repos.audit.record({
      at: now,
      areaId: area.id,
      actor: { kind: 'job' },
      action: 'research.remind',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: { agencies: agenciesReminded, returnsMissing, mails: created },
    });
  return created;
}

/**
 * FR-038: research status per invited agency, counts only, over the cases the viewer may see
 * and each agency is involved in (the summary every case reader sees; never research text).
 */
export async function researchStatusCounts(deps: ResearchDeps, viewer: Viewer, meetingId: string) {
  const { meeting, items } = await entitled(deps, viewer, meetingId, 'research.view-refused');
  const [invitees, agencies, returns] = await Promise.all([
    deps.repos.meetings.listInvitees(meeting.id),
    deps.repos.directory.listAgencies(viewer.areaId),
    deps.repos.research.listForItems(items.map((i) => i.agendaItemId)),
  ]);
  const invited = new Set(invitees.map((i) => i.agencyId).filter((a): a is string => !!a));
  const grid = researchGrid(gridCases(items), returns);
  const area = await deps.repos.directory.getArea(viewer.areaId);
  return {
    meetingId: meeting.id,
    cases: items.length,
    // when an agency that cannot attend must send its written submission.
    writtenSubmissionsDueOn: area
      ? writtenSubmissionDueOn(
          localDay(meeting.scheduledStart, area.timeZone),
          area.policy.writtenSubmissionDaysBefore,
          area.nation,
        )
      : null,
    agencies: agencies
      .filter((a) => invited.has(a.id))
      .map((a) => {
        const counts = grid.agencies.find((g) => g.agencyId === a.id)?.counts;
        return {
          agencyId: a.id,
          name: a.name,
          involvedIn: counts ? Object.values(counts).reduce((n, c) => n + c, 0) : 0,
          submitted: counts?.submitted ?? 0,
          nilReturns: counts?.['nil-return'] ?? 0,
          noInvolvement: counts?.['no-involvement'] ?? 0,
          writtenSubmissions: counts?.['written-submission'] ?? 0,
          missing: counts?.missing ?? 0,
        };
      }),
  };
}
