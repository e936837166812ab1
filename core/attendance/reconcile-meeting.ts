import type { AttendanceReports } from '../ports/attendance-reports.js';
import type { CallRecords } from '../ports/call-records.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type {
  AttendanceMeeting,
  AttendanceRepository,
  CaseSlot,
  PersonRef,
  SummaryRow,
} from './attendance-repository.js';
import {
  type AttendedAs,
  type Attendee,
  type CameraEvidence,
  type CaseWindow,
  type PresenceEvidence,
  reconcileAttendance,
} from './reconcile.js';

/**
 * The reconciliation after a meeting (FR-060, FR-062, A-05, A-12, KPI-4): the Graph
 * attendance report (every report of the online meeting that overlaps this meeting, since a
 * recurring meeting has one per session; records without an e-mail or identity kept as
 * unmatched; intervals outside the meeting clipped), call records as camera corroboration when
 * the area allows, merged with the live bot-event, roster and attestation evidence without
 * double counting (reconcile.ts), written as attendance_summary per person and per case.
 * Idempotent: each run replaces the report-derived rows and the summary.
 */
export interface ReconcileDeps {
  clock: Clock;
  repos: AttendanceRepository;
  uow: UnitOfWork<AttendanceRepository>;
  reports: AttendanceReports;
  callRecords: CallRecords | null;
  log: {
    info(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
  /** After this long past the end, reconcile from live evidence alone (default 24 h). */
  reportWaitHours?: number;
}

/** The Graph report is not there yet: the job retries with backoff. */
export class AttendanceReportNotReady extends Error {
  constructor(readonly meetingId: string) {
    super('The Teams attendance report is not available yet.');
    this.name = 'AttendanceReportNotReady';
  }
}

export type ReconcileOutcome =
  | { status: 'skipped'; reason: 'unknown-meeting' | 'not-ended' }
  | { status: 'reconciled'; withoutReport: boolean; reports: number; rows: number };

/** Reports whose session overlaps the meeting, with this much slack either side. */
const REPORT_SLACK_MS = 30 * 60_000;

const AS_BY_KIND: Record<string, AttendedAs> = {
  representative: 'representative',
  deputy: 'deputy',
  chair: 'chair',
  'deputy-chair': 'deputy-chair',
  coordinator: 'coordinator',
  idva: 'idva',
  observer: 'observer',
  referrer: 'referrer',
  keyworker: 'keyworker',
  'case-specific': 'other',
};

export async function reconcileMeeting(
  deps: ReconcileDeps,
  meetingId: string,
): Promise<ReconcileOutcome> {
  const now = deps.clock.now();
  const meeting = await deps.repos.getMeeting(meetingId);
  if (!meeting) return { status: 'skipped', reason: 'unknown-meeting' };
  if (!meeting.actualEnd) return { status: 'skipped', reason: 'not-ended' };
  const start = meeting.actualStart ?? meeting.scheduledStart;
  const end = meeting.actualEnd;

  const reports = await reportRecords(deps, meeting, start, end);
  const waitMs = (deps.reportWaitHours ?? 24) * 3600_000;
  if (reports.length === 0 && now.getTime() < end.getTime() + waitMs)
    throw new AttendanceReportNotReady(meeting.id);
  const video = await videoEvidence(deps, meeting);

  return deps.uow.run(async (repos) => {
    // Report intervals and call-record cameras, each person resolved as the live events are.
    const reportRows = [];
    for (const record of reports.flatMap((r) => r.records)) {
      const who = await repos.resolve(meeting, {
        entraObjectId: record.entraObjectId,
        tenantId: record.tenantId,
        displayName: record.displayName,
        email: record.email,
      });
      for (const i of record.intervals)
        reportRows.push({ who, joinedAt: i.joined, leftAt: i.left, role: record.role });
    }
    await repos.replaceReportIntervals(meeting.id, reportRows);
    const cameraRows = [];
    for (const v of video) {
      if (!v.entraObjectId) continue; // a caller Graph could not name cannot be placed
      const who = await repos.resolve(meeting, {
        entraObjectId: v.entraObjectId,
        tenantId: null,
        displayName: null,
      });
      cameraRows.push({ who, onAt: v.start, offAt: v.end, cameraOn: v.sentMainVideo });
    }
    await repos.replaceCallRecordCameras(meeting.id, cameraRows);

    const [intervals, cameras, invitees, people, cases] = await Promise.all([
      repos.intervals(meeting.id),
      repos.cameras(meeting.id),
      repos.invitees(meeting.id),
      repos.people(meeting.areaId),
      repos.cases(meeting.id),
    ]);
    const keyOf = (row: { personId: string | null; unmatchedId: string | null }) =>
      row.personId ?? `unmatched:${row.unmatchedId}`;
    const presence: PresenceEvidence[] = intervals.map((i) => ({
      personKey: keyOf(i),
      joined: i.joinedAt,
      left: i.leftAt,
      source: i.source,
    }));
    const camera: CameraEvidence[] = cameras.map((c) => ({
      personKey: keyOf(c),
      start: c.onAt,
      end: c.offAt,
      cameraOn: c.cameraOn,
      source: c.source,
    }));
    // The roster stores camera-on spans; the rest of a person's time in the roster is evidence
    // that the camera was off (the same source covers it, so weaker sources don't fill it in).
    for (const i of intervals.filter((i) => i.source === 'calling-roster'))
      camera.push({
        personKey: keyOf(i),
        start: i.joinedAt,
        end: i.leftAt,
        cameraOn: false,
        source: 'calling-roster',
      });
    const byId = new Map(people.map((p) => [p.personId, p]));
    const attendees: Attendee[] = invitees.map((i) => ({
      personId: i.personId,
      agencyId: i.agencyId,
      attendedAs: AS_BY_KIND[i.kind] ?? 'other',
    }));
    const invited = new Set(attendees.map((a) => a.personId));
    for (const personId of new Set(intervals.map((i) => i.personId))) {
      const person = personId ? byId.get(personId) : undefined;
      if (!person || invited.has(person.personId)) continue;
      attendees.push({
        personId: person.personId,
        agencyId: person.agencyId,
        attendedAs: attendedAsOf(person),
      });
    }
    const result = reconcileAttendance({
      meetingStart: start,
      meetingEnd: end,
      attendees,
      presence,
      camera,
      cases: caseWindows(cases, end),
    });
    const summary: SummaryRow[] = [];
    for (const p of result.people) {
      if (p.attendedAs === 'unmatched' || p.personKey.startsWith('unmatched:')) continue;
      const base = { agencyId: p.agencyId, personId: p.personKey, attendedAs: p.attendedAs };
      summary.push({
        ...base,
        agendaItemId: null,
        presentSeconds: p.presentSeconds,
        cameraOnSeconds: p.camera.source === 'none' ? null : p.camera.onSeconds,
        cameraSource: p.camera.source,
        lateJoin: p.lateJoin,
        earlyLeave: p.earlyLeave,
      });
      for (const [agendaItemId, c] of Object.entries(p.perCase))
        summary.push({
          ...base,
          agendaItemId,
          presentSeconds: c.presentSeconds,
          cameraOnSeconds: c.camera.source === 'none' ? null : c.camera.onSeconds,
          cameraSource: c.camera.source,
          lateJoin: false,
          earlyLeave: false,
        });
    }
    await repos.replaceSummary(meeting.id, summary, now, reports.length === 0);
    return {
      status: 'reconciled' as const,
      withoutReport: reports.length === 0,
      reports: reports.length,
      rows: summary.length,
    };
  });
}

async function reportRecords(
  deps: ReconcileDeps,
  meeting: AttendanceMeeting,
  start: Date,
  end: Date,
) {
  if (!meeting.onlineMeetingId) return [];
  const all = await deps.reports.list(meeting.onlineMeetingId);
  const mine = all.filter(
    (r) =>
      r.meetingStart.getTime() < end.getTime() + REPORT_SLACK_MS &&
      r.meetingEnd.getTime() > start.getTime() - REPORT_SLACK_MS,
  );
  const out = [];
  for (const report of mine)
    out.push({
      report,
      records: await deps.reports.records(meeting.onlineMeetingId, report.id),
    });
  return out;
}

async function videoEvidence(deps: ReconcileDeps, meeting: AttendanceMeeting) {
  if (!deps.callRecords || !meeting.callingCallChainId) return [];
  const policy = await deps.repos.areaPolicy(meeting.areaId);
  if (!policy?.cameraEvidence.callRecords) return [];
  try {
    return await deps.callRecords.videoEvidence(meeting.callingCallChainId);
  } catch (error) {
    // Corroboration only (DESIGN.md §7): reconcile without it rather than fail.
    deps.log.warn({ err: error, meetingId: meeting.id }, 'call record not available');
    return [];
  }
}

/** A case's window: its actual times (set by the meeting run), else its planned slot. */
function caseWindows(cases: CaseSlot[], meetingEnd: Date): CaseWindow[] {
  return cases.flatMap((c): CaseWindow[] => {
    const start = c.actualStart ?? c.plannedStart;
    if (!start) return [];
    const end =
      c.actualEnd ??
      (c.actualStart ? meetingEnd : new Date(start.getTime() + c.plannedMinutes * 60_000));
    return end > start ? [{ agendaItemId: c.agendaItemId, start, end }] : [];
  });
}

function attendedAsOf(person: PersonRef): AttendedAs {
  for (const role of ['representative', 'deputy', 'idva', 'keyworker', 'referrer', 'observer'])
    if (person.roles.includes(role)) return role as AttendedAs;
  return 'other';
}
