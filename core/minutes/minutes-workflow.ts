import type { Viewer } from '../circulation/case-access.js';
import { DomainError } from '../errors.js';
import { type Area, canReceiveMaracInformation, type Agency } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { disallowedRecipients } from '../recipient-policy.js';
import { hasAnyRole } from '../roles.js';
import type { MinutesCaseRecord, MinutesStatus } from './minutes.js';
import { minutesMail } from './minutes-mail.js';

/** The meeting as the minutes workflow sees it. */
export interface MinutesMeeting {
  id: string;
  areaId: string;
  title: string;
  scheduledStart: Date;
  /** The meeting's own state: scheduled, in-progress, ended, cancelled, ... */
  status: string;
  actualStart: Date | null;
  actualEnd: Date | null;
  isClosedSession: boolean;
  minutesStatus: MinutesStatus;
  chairPersonId: string | null;
  deputyChairPersonId: string | null;
  delegateChairPersonId: string | null;
}

export interface MinutesRecipient {
  personId: string;
  agencyId: string | null;
  email: string;
  displayName: string;
}

export interface MinutesWorkflowRepository {
  /** The meeting, locked for the rest of the transaction. */
  lockMeeting(meetingId: string): Promise<MinutesMeeting | null>;
  /** The agenda item's meeting is this one or one of its closed sessions. */
  itemBelongsTo(meetingId: string, agendaItemId: string): Promise<boolean>;
  saveCaseRecord(
    meetingId: string,
    agendaItemId: string,
    record: Partial<MinutesCaseRecord>,
    personId: string,
    now: Date,
  ): Promise<void>;
  setStatus(meetingId: string, status: MinutesStatus, personId: string, now: Date): Promise<void>;
  /** Invited representatives, deputies, IDVAs, chair and deputy chair of the main meeting. */
  minutesRecipients(meetingId: string): Promise<MinutesRecipient[]>;
  addAddendum(
    meetingId: string,
    agendaItemId: string | null,
    body: string,
    personId: string,
    now: Date,
  ): Promise<string>;
}

export interface MinutesWorkflowRepos {
  minutes: MinutesWorkflowRepository;
  outbox: Outbox;
  audit: AuditLog;
  directory: {
    getArea(areaId: string): Promise<Area | null>;
    listAgencies(areaId: string): Promise<Agency[]>;
  };
}

export interface MinutesWorkflowDeps {
  clock: Clock;
  uow: UnitOfWork<MinutesWorkflowRepos>;
  /** The minutes page in the tab (a link only; nothing from the minutes goes in mail). */
  minutesLink(meetingId: string): string;
}

const isLead = (viewer: Viewer, m: MinutesMeeting) =>
  [m.chairPersonId, m.deputyChairPersonId, m.delegateChairPersonId].includes(viewer.personId);
const isChair = (viewer: Viewer, m: MinutesMeeting) =>
  hasAnyRole(viewer.roles, ['chair', 'deputy-chair']) || isLead(viewer, m);

async function open(repos: MinutesWorkflowRepos, viewer: Viewer, meetingId: string) {
  const m = await repos.minutes.lockMeeting(meetingId);
  if (m?.areaId !== viewer.areaId) throw new DomainError('NOT_FOUND', 'No such meeting.');
  if (m.isClosedSession)
    throw new DomainError(
      'INVALID_STATE',
      'Minutes are kept on the main meeting, not a closed session.',
    );
  return m;
}

const audit = (
  repos: MinutesWorkflowRepos,
  viewer: Viewer,
  m: MinutesMeeting,
  action: string,
  now: Date,
  detail: Record<string, number | string> = {},
) =>
  repos.audit.record({
    at: now,
    areaId: m.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action,
    recordType: 'meeting',
    recordId: m.id,
    meetingId: m.id,
    detail,
  });

/**
 * The chair records, case by case while the meeting runs, the risk summary, the victim's views
 * (through the IDVA), the decisions and any dissent (REQUIREMENTS.md §3.9, the checklist's "during
 * the meeting"); the coordinator completes them afterwards. Only until the chair approves:
 * after that a correction is an addendum.
 */
export async function recordCaseMinutes(
  deps: MinutesWorkflowDeps,
  viewer: Viewer,
  meetingId: string,
  agendaItemId: string,
  record: Partial<MinutesCaseRecord>,
) {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const m = await open(repos, viewer, meetingId);
    if (!hasAnyRole(viewer.roles, ['coordinator']) && !isChair(viewer, m))
      throw new DomainError('FORBIDDEN', 'Only the chair and the coordinator write the minutes.');
    if (m.status === 'cancelled' || (m.status === 'scheduled' && !m.actualStart))
      throw new DomainError(
        'INVALID_STATE',
        'The minutes are written once the meeting has started.',
      );
    if (m.minutesStatus === 'approved' || m.minutesStatus === 'circulated')
      throw new DomainError(
        'INVALID_STATE',
        'These minutes are approved; add a correction as an addendum instead.',
      );
    if (!(await repos.minutes.itemBelongsTo(m.id, agendaItemId)))
      throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    await repos.minutes.saveCaseRecord(m.id, agendaItemId, record, viewer.personId, now);
    await audit(repos, viewer, m, 'minutes.case-record', now, {
      agendaItemId,
      fields: Object.keys(record).length,
    });
    return { minutesStatus: m.minutesStatus };
  });
}

/** The coordinator sends the completed draft to the chair, once the meeting has ended. */
export async function submitMinutes(deps: MinutesWorkflowDeps, viewer: Viewer, meetingId: string) {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const m = await open(repos, viewer, meetingId);
    if (!m.actualEnd && m.status !== 'ended')
      throw new DomainError(
        'INVALID_STATE',
        'The minutes go to the chair for approval once the meeting has ended.',
      );
    if (m.minutesStatus !== 'draft')
      throw new DomainError('INVALID_STATE', 'These minutes are no longer a draft.');
    await repos.minutes.setStatus(m.id, 'awaiting-approval', viewer.personId, now);
    await audit(repos, viewer, m, 'minutes.submit', now);
    return { minutesStatus: 'awaiting-approval' as const };
  });
}

/** The chair (or deputy chair) approves the minutes, or sends them back to the coordinator. */
export async function decideMinutes(
  deps: MinutesWorkflowDeps,
  viewer: Viewer,
  meetingId: string,
  decision: 'approve' | 'return',
) {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const m = await open(repos, viewer, meetingId);
    if (!isChair(viewer, m))
      throw new DomainError('FORBIDDEN', 'Only the chair or deputy chair approves the minutes.');
    if (m.minutesStatus !== 'awaiting-approval')
      throw new DomainError(
        'INVALID_STATE',
        m.minutesStatus === 'draft'
          ? 'The coordinator has not sent these minutes for approval yet.'
          : 'These minutes are already approved.',
      );
    const next = decision === 'approve' ? ('approved' as const) : ('draft' as const);
    await repos.minutes.setStatus(m.id, next, viewer.personId, now);
    await audit(
      repos,
      viewer,
      m,
      decision === 'approve' ? 'minutes.approve' : 'minutes.return',
      now,
    );
    return { minutesStatus: next };
  });
}

/**
 * Circulation of approved minutes: each invited representative, deputy, IDVA and the chairs of
 * a signatory agency gets a notice with a link into the tab, nothing of the minutes themselves
 * (FR-088). Recipients outside the allowed domains are counted as blocked, not mailed.
 */
export async function circulateMinutes(
  deps: MinutesWorkflowDeps,
  viewer: Viewer,
  meetingId: string,
) {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const m = await open(repos, viewer, meetingId);
    if (m.minutesStatus !== 'approved')
      throw new DomainError(
        'INVALID_STATE',
        m.minutesStatus === 'circulated'
          ? 'These minutes have already been circulated.'
          : 'Minutes are circulated once the chair has approved them.',
      );
    const area = (await repos.directory.getArea(m.areaId)) as Area;
    const signatory = new Set(
      (await repos.directory.listAgencies(m.areaId))
        .filter(canReceiveMaracInformation)
        .map((a) => a.id),
    );
    const recipients = (await repos.minutes.minutesRecipients(m.id)).filter(
      (r) => !r.agencyId || signatory.has(r.agencyId),
    );
    const blockedEmails = new Set(
      disallowedRecipients(
        area.policy,
        recipients.map((r) => r.email),
      ).map((e) => e.toLowerCase()),
    );
    let queued = 0;
    let blocked = 0;
    for (const r of recipients) {
      if (blockedEmails.has(r.email.toLowerCase())) {
        blocked += 1;
        continue;
      }
      const mail = minutesMail({
        meetingId: m.id,
        meetingTitle: m.title,
        meetingStart: m.scheduledStart,
        timeZone: area.timeZone,
        link: deps.minutesLink(m.id),
        confidentialityStatement: area.confidentialityStatement,
        recipient: r,
      });
      await repos.outbox.enqueue({ ...mail, areaId: m.areaId }, now);
      queued += 1;
    }
    await repos.minutes.setStatus(m.id, 'circulated', viewer.personId, now);
    await audit(repos, viewer, m, 'minutes.circulate', now, { queued, blocked });
    return { minutesStatus: 'circulated' as const, queued, blocked };
  });
}

/** A correction to approved minutes: appended, never an edit (audited, the table refuses changes). */
export async function addMinutesAddendum(
  deps: MinutesWorkflowDeps,
  viewer: Viewer,
  meetingId: string,
  input: { agendaItemId: string | null; body: string },
) {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const m = await open(repos, viewer, meetingId);
    if (m.minutesStatus !== 'approved' && m.minutesStatus !== 'circulated')
      throw new DomainError(
        'INVALID_STATE',
        'The minutes are still a draft: change them directly rather than adding an addendum.',
      );
    if (input.agendaItemId && !(await repos.minutes.itemBelongsTo(m.id, input.agendaItemId)))
      throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    const id = await repos.minutes.addAddendum(
      m.id,
      input.agendaItemId,
      input.body,
      viewer.personId,
      now,
    );
    await audit(repos, viewer, m, 'minutes.addendum', now, { addendumId: id });
    return { id };
  });
}
