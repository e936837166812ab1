/**
 * Teams attendance reports for an online meeting (PLATFORM.md §3): one report per session,
 * generated some time after the session ends. Records may lack an e-mail address and may have
 * intervals outside the meeting window.
 */
export interface AttendanceReportSummary {
  id: string;
  meetingStart: Date;
  meetingEnd: Date;
  totalParticipantCount: number;
}

export interface AttendanceRecordInterval {
  joined: Date;
  left: Date | null;
  durationSeconds: number;
}

export interface AttendanceRecord {
  entraObjectId: string | null;
  tenantId: string | null;
  displayName: string | null;
  email: string | null;
  role: string | null;
  totalSeconds: number;
  intervals: AttendanceRecordInterval[];
}

export interface AttendanceReports {
  list(onlineMeetingId: string): Promise<AttendanceReportSummary[]>;
  /** All records of one report, every page followed. */
  records(onlineMeetingId: string, reportId: string): Promise<AttendanceRecord[]>;
}
