import { localDay } from '../calendar/index.js';
import { type ActionDeps, listActionsFor, todayFor } from '../actions/action-service.js';
import type { AttendanceRepository, SummaryRow } from '../attendance/attendance-repository.js';
import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import { hasAnyRole, type Role } from '../roles.js';
import { inArea } from '../same-area.js';
import { actionRegisterTable } from './action-register.js';
import { attendanceTable } from './attendance-table.js';
import { type AuditEntryRow, auditTable } from './audit-table.js';
import {
  enGbDateTime,
  exportFileName,
  type ExportFormat,
  type ExportTable,
} from './export-table.js';

/** What the exports read beyond the action and attendance repositories (store/export-store.ts). */
export interface ExportReads {
  attendanceSummary(meetingId: string): Promise<SummaryRow[]>;
  /** The area's audit entries, oldest first, at most `limit`. */
  auditEntries(
    areaId: string,
    q: { from?: Date; to?: Date; limit: number },
  ): Promise<AuditEntryRow[]>;
}

export interface ExportDeps {
  clock: Clock;
  actions: ActionDeps;
  attendance: AttendanceRepository;
  audit: AuditLog;
  reads: ExportReads;
}

export interface ExportViewer {
  personId: string;
  areaId: string;
  agencyId: string | null;
  roles: readonly Role[];
}

export interface ExportResult {
  table: ExportTable;
  fileName: string;
  format: ExportFormat;
}

export const LEADS: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];
const AUDIT_EXPORT_LIMIT = 50_000;

export async function context(
  deps: ExportDeps,
  viewer: ExportViewer,
  what: string | ((timeZone: string) => string),
) {
  const { area, today } = await todayFor(deps.actions, viewer.areaId);
  const people = await deps.attendance.people(viewer.areaId);
  const me = people.find((p) => p.personId === viewer.personId)?.displayName ?? 'you';
  const now = deps.clock.now();
  const about = [
    `${area.name}: ${typeof what === 'string' ? what : what(area.timeZone)}.`,
    `Exported for ${me} on ${enGbDateTime(now, area.timeZone)} (${area.timeZone} time).`,
    'Strictly private and confidential: keep it within your agency’s secure systems, do not pass it on.',
  ];
  return { area, today, people, now, about };
}

async function audited(
  deps: ExportDeps,
  viewer: ExportViewer,
  now: Date,
  entry: { action: string; recordType: string; recordId: string | null; meetingId?: string | null },
  result: ExportResult,
): Promise<ExportResult> {
  await deps.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    ...entry,
    detail: { format: result.format, rows: result.table.rows.length },
  });
  return result;
}

/**
 * The action register as a file (FR-071, FR-077, FR-104): the leads get the area's register or
 * one meeting's; everyone else only their own agency's actions, whatever they ask for. The
 * same rule as the register's JSON route (listActionsFor) decides what is in it.
 */
export async function exportActionRegister(
  deps: ExportDeps,
  viewer: ExportViewer,
  q: { meetingId?: string; format: ExportFormat },
): Promise<ExportResult> {
  const lead = hasAnyRole(viewer.roles, LEADS);
  if (!lead && !viewer.agencyId)
    throw new DomainError(
      'FORBIDDEN',
      'Only people who speak for an agency can export its actions.',
    );
  if (q.meetingId) inArea(await deps.attendance.getMeeting(q.meetingId), viewer);
  const { actions, today } = await listActionsFor(deps.actions, viewer, {
    scope: lead ? 'area' : 'agency',
    meetingId: q.meetingId,
  });
  const ctx = await context(
    deps,
    viewer,
    lead
      ? q.meetingId
        ? 'actions agreed at one meeting'
        : 'every action in the area'
      : `your agency’s actions${q.meetingId ? ' from one meeting' : ''}`,
  );
  const agencies = await deps.attendance.agencies(viewer.areaId);
  const table = actionRegisterTable({
    actions,
    today,
    timeZone: ctx.area.timeZone,
    agencyNames: new Map(agencies.map((a) => [a.agencyId, a.name])),
    about: ctx.about,
  });
  return audited(
    deps,
    viewer,
    ctx.now,
    {
      action: 'actions.export',
      recordType: lead ? 'action_register' : 'agency',
      recordId: lead ? null : viewer.agencyId,
      meetingId: q.meetingId ?? null,
    },
    { table, format: q.format, fileName: exportFileName(table.title, ctx.today, q.format) },
  );
}

/** Attendance evidence for one meeting (FR-060, FR-062, FR-066): the leads only, as live attendance. */
export async function exportAttendance(
  deps: ExportDeps,
  viewer: ExportViewer,
  meetingId: string,
  format: ExportFormat,
): Promise<ExportResult> {
  if (!hasAnyRole(viewer.roles, LEADS))
    throw new DomainError(
      'FORBIDDEN',
      'Attendance is for the chair, deputy chair and coordinator.',
    );
  const meeting = inArea(await deps.attendance.getMeeting(meetingId), viewer);
  const start = meeting.actualStart ?? meeting.scheduledStart;
  const ctx = await context(
    deps,
    viewer,
    (timeZone) => `attendance at the meeting of ${enGbDateTime(start, timeZone)}`,
  );
  const [cases, agencies, intervals, summary, unmatched] = await Promise.all([
    deps.attendance.cases(meeting.id),
    deps.attendance.agencies(viewer.areaId),
    deps.attendance.intervals(meeting.id),
    deps.reads.attendanceSummary(meeting.id),
    deps.attendance.unmatched(meeting.id),
  ]);
  const table = attendanceTable({
    meeting,
    timeZone: ctx.area.timeZone,
    cases,
    people: ctx.people,
    agencies,
    intervals,
    summary,
    unmatched,
    about: ctx.about,
  });
  const day = localDay(start, ctx.area.timeZone);
  return audited(
    deps,
    viewer,
    ctx.now,
    {
      action: 'attendance.export',
      recordType: 'meeting',
      recordId: meeting.id,
      meetingId: meeting.id,
    },
    { table, format, fileName: exportFileName('attendance', day, format) },
  );
}

/** The audit log (FR-104) for the coordinator, oldest first, optionally within a period. */
export async function exportAuditLog(
  deps: ExportDeps,
  viewer: ExportViewer,
  q: { from?: Date; to?: Date; format: ExportFormat },
): Promise<ExportResult> {
  if (!hasAnyRole(viewer.roles, ['coordinator']))
    throw new DomainError('FORBIDDEN', 'Only the coordinator can export the audit log.');
  if (q.from && q.to && q.to.getTime() <= q.from.getTime())
    throw new DomainError('VALIDATION_FAILED', 'The end of the period must be after its start.');
  const ctx = await context(deps, viewer, 'the audit log');
  const entries = await deps.reads.auditEntries(viewer.areaId, {
    from: q.from,
    to: q.to,
    limit: AUDIT_EXPORT_LIMIT + 1,
  });
  if (entries.length > AUDIT_EXPORT_LIMIT) {
    entries.length = AUDIT_EXPORT_LIMIT;
    ctx.about.push(
      `Only the first ${AUDIT_EXPORT_LIMIT.toLocaleString('en-GB')} entries are included: choose a shorter period for the rest.`,
    );
  }
  const table = auditTable({
    entries,
    names: new Map(ctx.people.map((p) => [p.personId, p.displayName])),
    timeZone: ctx.area.timeZone,
    about: ctx.about,
  });
  return audited(
    deps,
    viewer,
    ctx.now,
    { action: 'audit.export', recordType: 'audit_log', recordId: null },
    { table, format: q.format, fileName: exportFileName(table.title, ctx.today, q.format) },
  );
}
