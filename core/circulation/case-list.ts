import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import type { Area } from '../model.js';
import type { MeetingRecord } from '../scheduling/meeting-repository.js';
import { caseMaterialClosed } from '../research/research-rules.js';
import {
  caseListAccess,
  closedCaseOnlyAccess,
  seesCase,
  type CaseListAccess,
  type Viewer,
} from './case-access.js';
import type { CirculationDeps, CirculationRepos } from './circulation-deps.js';
import type { CaseListItem } from './circulation-repository.js';

type Granted = Extract<CaseListAccess, { ok: true }>;

/** Resolves the main meeting and checks the viewer may see its case list; refusals are audited. */
export async function checkAccess(
  repos: CirculationRepos,
  viewer: Viewer,
  meetingId: string,
  now: Date,
  refusedAction = 'case-list.view-refused',
) {
  let meeting = await repos.meetings.getMeeting(meetingId);
  if (meeting?.kind === 'closed' && meeting.parentMeetingId)
    meeting = await repos.meetings.getMeeting(meeting.parentMeetingId);
  if (!meeting || meeting.areaId !== viewer.areaId) throw new DomainError('NOT_FOUND');
  const closed = (await repos.meetings.listClosedSessions(meeting.id)).filter(
    (m) => m.status !== 'cancelled',
  );
  const items = await repos.circulation.caseListItems([meeting.id, ...closed.map((m) => m.id)]);
  const [invitees, agencies] = await Promise.all([
    repos.meetings.listInvitees(meeting.id),
    repos.directory.listAgencies(viewer.areaId),
  ]);
  const agency = agencies.find((a) => a.id === viewer.agencyId) ?? null;
  // Presence is looked up only where it decides: an observer of a running meeting.
  const inMeetingNow =
    viewer.roles.includes('observer') && meeting.status === 'in-progress'
      ? await repos.circulation.isInMeeting(viewer.personId, meeting.id)
      : false;
  let access = caseListAccess(
    viewer,
    meeting,
    invitees.find((i) => i.personId === viewer.personId),
    agency,
    inMeetingNow,
  );
  if (!access.ok && access.code !== 'AGENCY_NOT_SIGNATORY')
    access = closedCaseOnlyAccess(viewer.personId, agency, items) ?? access;
  if (!access.ok) {
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: refusedAction,
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: { code: access.code },
    });
    throw new DomainError(access.code, access.message);
  }
  return { meeting, items, access };
}

/** FR-046, IS-18: the confidentiality declaration, once per person per meeting, before content. */
export async function acceptDeclaration(deps: CirculationDeps, viewer: Viewer, meetingId: string) {
  const now = deps.clock.now();
  // Checked outside the transaction so that a refusal's audit row is kept.
  const { meeting } = await checkAccess(deps.repos, viewer, meetingId, now);
  return deps.uow.run(async (repos) => {
    const area = (await repos.directory.getArea(viewer.areaId)) as Area;
    if (!(await repos.circulation.hasDeclaration(viewer.personId, meeting.id))) {
      await repos.circulation.insertDeclaration(viewer.personId, meeting.id, now);
      await repos.audit.record({
        at: now,
        areaId: viewer.areaId,
        actor: { kind: 'person', personId: viewer.personId },
        action: 'declaration.accept',
        recordType: 'meeting',
        recordId: meeting.id,
        meetingId: meeting.id,
      });
    }
    return { meetingId: meeting.id, acceptedAt: now, statement: area.confidentialityStatement };
  });
}

/** Whether the viewer must still accept the declaration (the tab shows the statement first). */
export async function declarationStatus(deps: CirculationDeps, viewer: Viewer, meetingId: string) {
  const now = deps.clock.now();
  const { meeting } = await checkAccess(deps.repos, viewer, meetingId, now);
  const area = (await deps.repos.directory.getArea(viewer.areaId)) as Area;
  return {
    meetingId: meeting.id,
    accepted: await deps.repos.circulation.hasDeclaration(viewer.personId, meeting.id),
    statement: area.confidentialityStatement,
  };
}

export interface CaseListView {
  meeting: Pick<
    MeetingRecord,
    'id' | 'title' | 'kind' | 'scheduledStart' | 'scheduledEnd' | 'status'
  >;
  items: Omit<CaseListItem, 'permittedPersonIds' | 'createdAt'>[];
  exports: { webUrl: string; expiresAt: Date | null }[];
}

/**
 * The case list in the tab (FR-027, FR-033, FR-100): only for entitled people, closed cases
 * only for the people listed on them, after the declaration; every view is audited (FR-104)
 * and recorded as "opened" on the viewer's circulation rows.
 */
export async function viewCaseList(
  deps: CirculationDeps,
  viewer: Viewer,
  meetingId: string,
): Promise<CaseListView> {
  const now = deps.clock.now();
  const { meeting, items, access } = await checkAccess(deps.repos, viewer, meetingId, now);
  // IS-08, IS-09: after the policy's time past the meeting, only its leads keep the case list.
  const area = (await deps.repos.directory.getArea(meeting.areaId)) as Area;
  if (!(access as Granted).seesEveryClosedCase && caseMaterialClosed(meeting, area.policy, now)) {
    await deps.repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'case-list.view-refused',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: { code: 'CASE_LIST_CLOSED' },
    });
    throw new DomainError(
      'CASE_NOT_VISIBLE',
      'This meeting is over, so its case list is no longer shown. Its minutes and your actions are still available.',
    );
  }
  return deps.uow.run(async (repos) => {
    if (!(await repos.circulation.hasDeclaration(viewer.personId, meeting.id)))
      throw new DomainError('DECLARATION_REQUIRED');
    const visible = items.filter((i) => seesCase(access as Granted, viewer.personId, i));
    await repos.circulation.markOpened(meeting.id, viewer.personId, now);
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'case-list.view',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
      detail: {
        cases: visible.length,
        closedCases: visible.filter((i) => i.isClosedSession).length,
        caseNumbers: visible.map((i) => i.caseNumber),
      },
    });
    const exports = access.seesOpenCases
      ? (await repos.circulation.listExports(meeting.id))
          .filter((e) => !e.purgedAt && e.linkWebUrl && (!e.linkExpiresAt || e.linkExpiresAt > now))
          .map((e) => ({ webUrl: e.linkWebUrl as string, expiresAt: e.linkExpiresAt }))
      : [];
    return {
      meeting: {
        id: meeting.id,
        title: meeting.title,
        kind: meeting.kind,
        scheduledStart: meeting.scheduledStart,
        scheduledEnd: meeting.scheduledEnd,
        status: meeting.status,
      },
      items: visible.map(({ permittedPersonIds: _p, createdAt: _c, ...item }) => item),
      exports,
    };
  });
}

/** FR-031: per recipient, sent / opened in the tab / not opened (the coordinator's view). */
export async function circulationStatus(deps: CirculationDeps, areaId: string, meetingId: string) {
  const meeting = inArea(await deps.repos.meetings.getMeeting(meetingId), { areaId });
  const rows = await deps.repos.circulation.recipientStatus(meetingId);
  const circulations = new Map<
    string,
    { id: string; kind: string; circulatedAt: Date; caseCount: number; recipients: unknown[] }
  >();
  for (const r of rows) {
    const c = circulations.get(r.circulationId) ?? {
      id: r.circulationId,
      kind: r.kind,
      circulatedAt: r.circulatedAt,
      caseCount: r.caseCount,
      recipients: [],
    };
    circulations.set(r.circulationId, c);
    const delivery =
      r.outboxState === null
        ? 'blocked'
        : r.outboxState === 'sent'
          ? 'sent'
          : r.outboxState === 'failed'
            ? 'failed'
            : 'queued';
    c.recipients.push({
      personId: r.personId,
      displayName: r.displayName,
      agencyName: r.agencyName,
      delivery,
      sentAt: r.sentAt,
      opened: r.firstOpenedAt !== null,
      firstOpenedAt: r.firstOpenedAt,
      lastOpenedAt: r.lastOpenedAt,
      openCount: r.openCount,
      status: r.firstOpenedAt ? 'opened' : delivery === 'sent' ? 'not-opened' : delivery,
    });
  }
  return {
    meetingId,
    circulationDueOn: meeting.circulationDueOn,
    circulatedAt: meeting.circulatedAt,
    circulations: [...circulations.values()],
    exports: await deps.repos.circulation.listExports(meetingId),
  };
}
