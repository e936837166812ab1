import { localDay, localTime } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { canReceiveMaracInformation, type Area } from '../model.js';
import { disallowedRecipients } from '../recipient-policy.js';
import type { InviteeRecord, MeetingRecord } from '../scheduling/meeting-repository.js';
import { seesCase } from './case-access.js';
import { circulationMail } from './circulation-mail.js';
import { writtenSubmissionDueOn } from './written-submission.js';
import type { CirculationDeps, CirculationRepos } from './circulation-deps.js';

/** Circulation runs from this local hour on the due day, so notices arrive in working hours. */
export const CIRCULATION_HOUR = 8;

export interface CirculationResult {
  meetingId: string;
  kind: 'initial' | 'addendum';
  circulationId: string;
  caseCount: number;
  queued: number;
  blocked: number;
}

/**
 * The circulation job (FR-031): for every meeting whose circulation day (the area's lead time
 * in working days before it, bank holidays skipped) has come, send the case-list notice, and
 * afterwards an addendum whenever cases were added. Idempotent: what has gone is recorded in
 * the same transaction as the outbox mails, so a rerun sends nothing twice.
 */
export async function circulateDueMeetings(
  deps: CirculationDeps,
  areaIds: string[],
): Promise<CirculationResult[]> {
  const now = deps.clock.now();
  const results: CirculationResult[] = [];
  for (const areaId of areaIds) {
    const area = await deps.repos.directory.getArea(areaId);
    if (!area || localTime(now, area.timeZone).hour < CIRCULATION_HOUR) continue;
    for (const meetingId of await deps.repos.circulation.dueMeetings(
      localDay(now, area.timeZone),
      now,
    )) {
      const meeting = await deps.repos.meetings.getMeeting(meetingId);
      if (meeting?.areaId !== areaId) continue;
      const result = await circulateMeeting(deps, meetingId, null);
      if (result) results.push(result);
    }
  }
  return results;
}

/**
 * Circulates one meeting's case list now (the coordinator's "circulate now", or the job):
 * the first time to every recipient, later as an addendum covering the cases added since.
 * Returns null when there is nothing new to send.
 */
export async function circulateMeeting(
  deps: CirculationDeps,
  meetingId: string,
  byPersonId: string | null,
): Promise<CirculationResult | null> {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    await repos.circulation.lockMeeting(meetingId);
    const meeting = await repos.meetings.getMeeting(meetingId);
    if (!meeting) throw new DomainError('NOT_FOUND');
    if (meeting.kind === 'closed')
      throw new DomainError(
        'INVALID_STATE',
        'Closed-session cases are circulated with their main meeting.',
      );
    if (!['scheduled', 'needs-attention'].includes(meeting.status) || meeting.scheduledEnd <= now)
      throw new DomainError(
        'INVALID_STATE',
        `The meeting is ${meeting.status}; nothing is circulated.`,
      );
    const area = (await repos.directory.getArea(meeting.areaId)) as Area;
    const closed = (await repos.meetings.listClosedSessions(meetingId)).filter(
      (m) => m.status !== 'cancelled',
    );
    const items = await repos.circulation.caseListItems([meetingId, ...closed.map((m) => m.id)]);
    const last = await repos.circulation.lastCirculationAt(meetingId);
    const fresh = last ? items.filter((i) => i.createdAt > last) : items;
    if (fresh.length === 0) return null;
    const kind = last ? 'addendum' : 'initial';
    const circulationId = await repos.circulation.insertCirculation(
      meetingId,
      kind,
      fresh.length,
      byPersonId,
      now,
    );
    const recipients = await recipientsOf(repos, area, meeting, closed);
    const blockedEmails = new Set([
      ...disallowedRecipients(
        area.policy,
        recipients.map((r) => r.email),
      ),
      ...(await repos.circulation.perpetratorContacts(area.id)).map((e) => e.toLowerCase()),
    ]);
    let queued = 0;
    let blocked = 0;
    for (const r of recipients) {
      const visible = fresh.filter((i) => seesCase(r.access, r.personId, i)).length;
      if (visible === 0) continue;
      if (blockedEmails.has(r.email) || blockedEmails.has(r.email.toLowerCase())) {
        blocked += 1;
        await repos.circulation.insertRecipient(circulationId, r.personId, r.agencyId, null);
        continue;
      }
      const mail = circulationMail({
        kind,
        meetingId,
        circulationKey: kind === 'initial' ? 'initial' : `addendum:${circulationId}`,
        meetingTitle: meeting.title,
        meetingStart: meeting.scheduledStart,
        timeZone: area.timeZone,
        caseCount: visible,
        caseListLink: deps.links.caseList(meetingId),
        confidentialityStatement: area.confidentialityStatement,
        writtenSubmissionDueOn: writtenSubmissionDueOn(
          localDay(meeting.scheduledStart, area.timeZone),
          area.policy.writtenSubmissionDaysBefore,
          area.nation,
        ),
        recipient: r,
      });
      const { id } = await repos.outbox.enqueue({ ...mail, areaId: area.id }, now);
      await repos.circulation.insertRecipient(circulationId, r.personId, r.agencyId, id);
      queued += 1;
    }
    if (kind === 'initial') await repos.circulation.markCirculated(meetingId, now);
    await repos.audit.record({
      at: now,
      areaId: area.id,
      actor: byPersonId ? { kind: 'person', personId: byPersonId } : { kind: 'job' },
      action: kind === 'initial' ? 'case-list.circulate' : 'case-list.addendum',
      recordType: 'circulation',
      recordId: circulationId,
      meetingId,
      detail: { cases: fresh.length, queued, blocked },
    });
    return { meetingId, kind, circulationId, caseCount: fresh.length, queued, blocked };
  });
}

interface Recipient extends InviteeRecord {
  access: { ok: true; seesEveryClosedCase: boolean; seesOpenCases: boolean };
}

/**
 * FR-031, IS-01: representatives, deputies and IDVAs of invited signatory agencies, the chair
 * and deputy chair, and the people permitted on closed cases. Never a non-signatory agency.
 */
async function recipientsOf(
  repos: CirculationRepos,
  area: Area,
  meeting: MeetingRecord,
  closed: MeetingRecord[],
): Promise<Recipient[]> {
  const agencies = await repos.directory.listAgencies(area.id);
  const signatory = new Set(agencies.filter(canReceiveMaracInformation).map((a) => a.id));
  const eligible = (i: InviteeRecord) =>
    i.kind !== 'coordinator' && (!i.agencyId || signatory.has(i.agencyId));
  const byPerson = new Map<string, Recipient>();
  for (const i of (await repos.meetings.listInvitees(meeting.id)).filter(eligible)) {
    const lead = i.kind === 'chair' || i.kind === 'deputy-chair';
    byPerson.set(i.personId, {
      ...i,
      access: { ok: true, seesEveryClosedCase: lead, seesOpenCases: true },
    });
  }
  for (const session of closed)
    for (const i of (await repos.meetings.listInvitees(session.id)).filter(eligible))
      if (!byPerson.has(i.personId))
        byPerson.set(i.personId, {
          ...i,
          access: { ok: true, seesEveryClosedCase: false, seesOpenCases: false },
        });
  return [...byPerson.values()];
}
