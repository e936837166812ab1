import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { hasAnyRole } from '../roles.js';
import { inArea } from '../same-area.js';
import { attendanceTable, HEADINGS } from './attendance-table.js';
import {
  context,
  type ExportDeps,
  type ExportResult,
  type ExportViewer,
  LEADS,
} from './export-service.js';
import { enGbDay, exportFileName, type ExportFormat, type ExportTable } from './export-table.js';

/** A period covers at most this many reconciled meetings (about four years of monthly MARACs). */
const PERIOD_MEETING_LIMIT = 50;

/**
 * Attendance evidence over a period (FR-060, FR-062, FR-066): for every reconciled meeting of
 * the viewer's area whose start is in [from, to), the rows of that meeting's attendance export
 * (each person, the whole meeting and each case heard, first join and last leave, minutes
 * present, camera figures with their source), each led by the meeting's date. For the chair,
 * deputy chair and coordinator, like the per-meeting export; audited with ids and counts only.
 */
export async function exportPeriodAttendance(
  deps: ExportDeps,
  viewer: ExportViewer,
  q: { from: Date; to: Date; format: ExportFormat },
): Promise<ExportResult> {
  if (!hasAnyRole(viewer.roles, LEADS))
    throw new DomainError(
      'FORBIDDEN',
      'Attendance is for the chair, deputy chair and coordinator.',
    );
  if (q.to.getTime() <= q.from.getTime())
    throw new DomainError('VALIDATION_FAILED', 'The end of the period must be after its start.', [
      { path: 'to', message: 'The end of the period must be after its start.' },
    ]);
  const lastInstant = new Date(q.to.getTime() - 1);
  // The period's bounds are instants (the report screens send UTC month starts): named by
  // their UTC days, so a month reads as its first and last day whatever the area's zone.
  const firstDay = localDay(q.from, 'UTC');
  const lastDay = localDay(lastInstant, 'UTC');
  const ctx = await context(
    deps,
    viewer,
    `attendance at the meetings from ${enGbDay(firstDay)} to ${enGbDay(lastDay)}`,
  );
  const timeZone = ctx.area.timeZone;
  const { meetings: inPeriod } = await deps.attendance.reportData(viewer.areaId, q.from, q.to);
  if (inPeriod.length > PERIOD_MEETING_LIMIT) {
    inPeriod.length = PERIOD_MEETING_LIMIT;
    ctx.about.push(
      `Only the first ${PERIOD_MEETING_LIMIT} meetings are included: choose a shorter period for the rest.`,
    );
  }
  const agencies = await deps.attendance.agencies(viewer.areaId);
  const rows: ExportTable['rows'] = [];
  const meetingIds: string[] = [];
  for (const { id } of inPeriod) {
    const meeting = inArea(await deps.attendance.getMeeting(id), viewer);
    const [cases, intervals, summary, unmatched] = await Promise.all([
      deps.attendance.cases(meeting.id),
      deps.attendance.intervals(meeting.id),
      deps.reads.attendanceSummary(meeting.id),
      deps.attendance.unmatched(meeting.id),
    ]);
    const table = attendanceTable({
      meeting,
      timeZone,
      cases,
      people: ctx.people,
      agencies,
      intervals,
      summary,
      unmatched,
      about: [],
    });
    const day = enGbDay(localDay(meeting.actualStart ?? meeting.scheduledStart, timeZone));
    for (const row of table.rows) rows.push([day, ...row]);
    meetingIds.push(meeting.id);
  }
  const table: ExportTable = {
    title: 'Attendance',
    headings: ['Meeting date', ...HEADINGS],
    rows,
    about: ctx.about,
  };
  await deps.audit.record({
    at: ctx.now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'attendance.export',
    recordType: 'attendance_period',
    recordId: null,
    detail: { format: q.format, rows: rows.length, meetings: meetingIds.length, meetingIds },
  });
  // e.g. "attendance-2026-10-01-to-2026-11-30.xlsx": the period's first and last days.
  const fileName = exportFileName(`attendance ${firstDay} to`, lastDay, q.format);
  return { table, format: q.format, fileName };
}
