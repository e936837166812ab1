import type * as Graph from '@microsoft/microsoft-graph-types';
import type {
  AttendanceRecord,
  AttendanceReports,
  AttendanceReportSummary,
} from '../core/ports/attendance-reports.js';
import type { GraphClient } from './graph-client.js';
import { GraphDirectory } from './graph-directory.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const ATTENDANCE_NEEDS = [
  {
    permission: 'OnlineMeetingArtifact.Read.All',
    type: 'Application',
    why: 'After each meeting, who attended and when, from Teams attendance reports, reconciled with the live attendance the bot recorded.',
    calls: [
      'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports',
      'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports/{reportId}/attendanceRecords',
    ],
    alsoRequires:
      'The Teams application access policy granted to the organiser (as for OnlineMeetings.ReadWrite.All).',
  },
] as const satisfies readonly GraphPermissionNeed[];
type AttendanceCall = CallsOf<typeof ATTENDANCE_NEEDS>;

/**
 * AttendanceReports over Graph (PLATFORM.md §3). Only the organiser can read them, so calls go
 * through the organiser mailbox. A report that is not generated yet is simply absent from the
 * list: the reconciliation job polls with backoff. Records are passed on as Teams gives them
 * (missing e-mail, intervals outside the meeting window), for reconciliation to judge.
 */
export class GraphAttendanceReports implements AttendanceReports {
  private readonly directory: GraphDirectory;

  constructor(
    private readonly deps: { graph: GraphClient; organizer: string; directory?: GraphDirectory },
  ) {
    this.directory = deps.directory ?? new GraphDirectory({ graph: deps.graph });
  }

  async list(onlineMeetingId: string): Promise<AttendanceReportSummary[]> {
    // `{userId}` is the organiser's object id (a UPN is a 404), as for online meetings.
    const reports = await this.directory.withObjectId(this.deps.organizer, (id) =>
      this.deps.graph.all<Graph.MeetingAttendanceReport>({
        call: 'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports' satisfies AttendanceCall,
        params: { id, meetingId: onlineMeetingId },
      }),
    );
    return reports.map((r) => ({
      id: r.id as string,
      meetingStart: new Date(r.meetingStartDateTime as string),
      meetingEnd: new Date(r.meetingEndDateTime as string),
      totalParticipantCount: r.totalParticipantCount ?? 0,
    }));
  }

  async records(onlineMeetingId: string, reportId: string): Promise<AttendanceRecord[]> {
    const records = await this.directory.withObjectId(this.deps.organizer, (id) =>
      this.deps.graph.all<Graph.AttendanceRecord>({
        call: 'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports/{reportId}/attendanceRecords' satisfies AttendanceCall,
        params: { id, meetingId: onlineMeetingId, reportId },
      }),
    );
    return records.map(toRecord);
  }
}

function toRecord(r: Graph.AttendanceRecord): AttendanceRecord {
  const identity = r.identity as (Graph.Identity & { tenantId?: string | null }) | null | undefined;
  return {
    entraObjectId: identity?.id || null,
    tenantId: identity?.tenantId || null,
    displayName: identity?.displayName || null,
    email: r.emailAddress || null,
    role: r.role || null,
    totalSeconds: r.totalAttendanceInSeconds ?? 0,
    intervals: (r.attendanceIntervals ?? []).map((i) => ({
      joined: new Date(i.joinDateTime as string),
      left: i.leaveDateTime ? new Date(i.leaveDateTime) : null,
      durationSeconds: i.durationInSeconds ?? 0,
    })),
  };
}
