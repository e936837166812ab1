import type { AreaPolicy } from '../area-policy.js';
import type { AttendanceSource, CameraSource, MeetingStatus } from '../model.js';
import type { AttendedAs } from './reconcile.js';

/** A meeting as attendance sees it: Teams identifiers, actual times, the calling bot's call. */
export interface AttendanceMeeting {
  id: string;
  areaId: string;
  status: MeetingStatus;
  scheduledStart: Date;
  scheduledEnd: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
  onlineMeetingId: string | null;
  joinUrl: string | null;
  chatThreadId: string | null;
  teamsMeetingId: string | null;
  callingCallId: string | null;
  callingCallChainId: string | null;
  reconciledAt: Date | null;
  chairPersonId: string | null;
  deputyChairPersonId: string | null;
  coordinatorPersonId: string | null;
}

/** Who someone in a Teams meeting is, as Teams or Graph names them. */
export interface TeamsIdentity {
  entraObjectId: string | null;
  tenantId: string | null;
  displayName: string | null;
  email?: string | null;
}

/** A directory person, or an identity kept for the coordinator to resolve. */
export type Attendant = { personId: string } | { unmatchedId: string };

export interface IntervalRow {
  personId: string | null;
  unmatchedId: string | null;
  joinedAt: Date;
  leftAt: Date | null;
  source: AttendanceSource;
}

export interface CameraRow {
  personId: string | null;
  unmatchedId: string | null;
  onAt: Date;
  offAt: Date | null;
  cameraOn: boolean;
  source: CameraSource;
}

export interface PersonRef {
  personId: string;
  agencyId: string | null;
  displayName: string;
  roles: string[];
  entraObjectId: string | null;
  email: string;
}

export interface AgencyRef {
  agencyId: string;
  name: string;
  core: boolean;
}

export interface InviteeRef {
  personId: string;
  agencyId: string | null;
  kind: string;
}

export interface SummaryRow {
  agendaItemId: string | null;
  agencyId: string | null;
  personId: string;
  attendedAs: AttendedAs;
  presentSeconds: number;
  cameraOnSeconds: number | null;
  cameraSource: CameraSource | 'none';
  lateJoin: boolean;
  earlyLeave: boolean;
}

export interface CaseSlot {
  agendaItemId: string;
  caseReference: string;
  plannedStart: Date | null;
  plannedMinutes: number;
  actualStart: Date | null;
  actualEnd: Date | null;
}

/** Attendance persistence (store/attendance-store.ts), bound to the database or a transaction. */
export interface AttendanceRepository {
  /** Records a bot activity id; false when it was already handled (a replay). */
  claimActivity(
    activityId: string,
    meetingId: string | null,
    name: string,
    now: Date,
  ): Promise<boolean>;
  /** The meeting (the occurrence, for a series) a Teams event at `at` belongs to. */
  findMeetingForTeams(
    teamsMeetingId: string,
    chatThreadId: string | null,
    at: Date,
  ): Promise<AttendanceMeeting | null>;
  findMeetingByCall(callId: string): Promise<AttendanceMeeting | null>;
  getMeeting(meetingId: string): Promise<AttendanceMeeting | null>;
  areaPolicy(areaId: string): Promise<AreaPolicy | null>;
  /** Sets the Teams meeting id, the conversation reference and the first actual start. */
  markStarted(
    meetingId: string,
    input: { teamsMeetingId: string; conversationReference: unknown; startedAt: Date },
    now: Date,
  ): Promise<void>;
  markEnded(meetingId: string, endedAt: Date, now: Date): Promise<void>;
  setCall(meetingId: string, callId: string | null, callChainId: string | null): Promise<void>;
  /** Person by Entra object id (then e-mail) in the meeting's area, else an unmatched identity. */
  resolve(meeting: AttendanceMeeting, who: TeamsIdentity): Promise<Attendant>;
  /** Opens an interval unless one of this source is open or already covers `at`. */
  openInterval(
    meetingId: string,
    who: Attendant,
    at: Date,
    source: AttendanceSource,
    meetingRole: string | null,
  ): Promise<boolean>;
  closeInterval(
    meetingId: string,
    who: Attendant,
    at: Date,
    source: AttendanceSource,
  ): Promise<boolean>;
  /** Closes every open attendance and roster camera interval of the meeting at `at`. */
  closeAllOpen(meetingId: string, at: Date): Promise<void>;
  openCamera(meetingId: string, who: Attendant, at: Date): Promise<boolean>;
  closeCamera(meetingId: string, who: Attendant, at: Date): Promise<boolean>;
  insertAttestation(
    meetingId: string,
    personId: string,
    input: { cameraOn: boolean; from: Date; to: Date | null; note: string | null; by: string },
  ): Promise<void>;
  /** Replaces the meeting's rows of one post-meeting source (report intervals, call-record cameras). */
  replaceReportIntervals(
    meetingId: string,
    rows: { who: Attendant; joinedAt: Date; leftAt: Date | null; role: string | null }[],
  ): Promise<void>;
  replaceCallRecordCameras(
    meetingId: string,
    rows: { who: Attendant; onAt: Date; offAt: Date; cameraOn: boolean }[],
  ): Promise<void>;
  intervals(meetingId: string): Promise<IntervalRow[]>;
  cameras(meetingId: string): Promise<CameraRow[]>;
  people(areaId: string): Promise<PersonRef[]>;
  agencies(areaId: string): Promise<AgencyRef[]>;
  invitees(meetingId: string): Promise<InviteeRef[]>;
  unmatched(meetingId: string): Promise<{ id: string; displayName: string | null }[]>;
  /** Moves an unknown joiner's evidence to a person and remembers the match. */
  matchUnmatched(
    meetingId: string,
    unmatchedId: string,
    personId: string,
    byPersonId: string,
    now: Date,
  ): Promise<'matched' | 'not-found' | 'already-matched'>;
  cases(meetingId: string): Promise<CaseSlot[]>;
  upsertApology(
    meetingId: string,
    input: { agencyId: string; personId: string | null; writtenSubmissionAt: Date | null },
    now: Date,
  ): Promise<void>;
  apologies(
    meetingId: string,
  ): Promise<{ agencyId: string; personId: string | null; writtenSubmissionAt: Date | null }[]>;
  replaceSummary(
    meetingId: string,
    rows: SummaryRow[],
    now: Date,
    withoutReport: boolean,
  ): Promise<void>;
  /** What the governance report reads: reconciled meetings in a period and their summaries. */
  reportData(areaId: string, from: Date, to: Date): Promise<AttendanceReportData>;
}

export interface AttendanceReportData {
  /**
   * The area's attendance policy: with `all-cases` every invited agency is expected for
   * every case; with `leave-after-own-case` only for the cases it is involved in. Left out, all
   * cases.
   */
  attendancePolicy?: 'all-cases' | 'leave-after-own-case';
  meetings: { id: string; startsAt: Date }[];
  summary: {
    meetingId: string;
    agendaItemId: string | null;
    agencyId: string | null;
    attendedAs: string;
    presentSeconds: number;
    cameraOnSeconds: number | null;
    cameraSource: string | null;
  }[];
  /** Agencies invited to each meeting through a representative, deputy or IDVA. */
  expected: { meetingId: string; agencyId: string }[];
  /**
   * The agenda items of those meetings: `heard` when the chair started and closed the case in
   * the meeting run (actual start and end both set); the agencies involved with the case and
   * its referrer are the ones expected for it.
   */
  cases: {
    meetingId: string;
    agendaItemId: string;
    caseReference: string;
    position: number;
    heard: boolean;
    agenciesInvolved: string[];
    referringAgencyId: string | null;
    /** Recorded at the end of the meeting for a case not heard (core/meeting-run). */
    unheardOutcome?: 'carried-forward' | 'not-heard' | null;
  }[];
  /** Apologies sent for those meetings, and whether a written submission came with them. */
  apologies: { meetingId: string; agencyId: string; writtenSubmission: boolean }[];
  agencies: AgencyRef[];
}
