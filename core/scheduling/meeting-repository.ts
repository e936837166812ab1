import type { SubjectRecord } from '../personal-data/index.js';
import type { Agency, Area, MeetingKind, MeetingStatus, Person } from '../model.js';

/** A meeting as the scheduling use cases see it (REQUIREMENTS.md §3.4). */
export interface MeetingRecord {
  id: string;
  areaId: string;
  seriesId: string | null;
  parentMeetingId: string | null;
  kind: MeetingKind;
  title: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  status: MeetingStatus;
  statusReason: string | null;
  graphEventId: string | null;
  onlineMeetingId: string | null;
  joinUrl: string | null;
  chatThreadId: string | null;
  chairPersonId: string | null;
  deputyChairPersonId: string | null;
  coordinatorPersonId: string | null;
  circulationDueOn: string | null;
  circulatedAt: Date | null;
}

/** `daily` is every weekday, Monday to Friday (an area that holds a daily MARAC). */
export type SeriesFrequency = 'daily' | 'weekly' | 'fortnightly' | 'monthly';

export interface SeriesRecord {
  id: string;
  areaId: string;
  title: string;
  frequency: SeriesFrequency;
  dayOfWeek: string;
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string | null;
  graphEventId: string | null;
}

export type InviteeKind =
  | 'representative'
  | 'deputy'
  | 'chair'
  | 'deputy-chair'
  | 'coordinator'
  | 'idva'
  | 'case-specific'
  | 'referrer'
  | 'keyworker';

export interface InviteeRow {
  personId: string;
  agencyId: string | null;
  kind: InviteeKind;
}

export interface InviteeRecord extends InviteeRow {
  email: string;
  displayName: string;
}

export type MeetingChangeKind = 'added' | 'rescheduled' | 'cancelled';

export interface MeetingChange {
  meetingId: string;
  change: MeetingChangeKind;
  insideNoticePeriod: boolean;
  reason: string | null;
  previousStart: Date | null;
  newStart: Date | null;
  changedBy: string | null;
  changedAt: Date;
}

export type NewMeeting = Omit<
  MeetingRecord,
  | 'id'
  | 'status'
  | 'statusReason'
  | 'graphEventId'
  | 'onlineMeetingId'
  | 'joinUrl'
  | 'chatThreadId'
  | 'circulatedAt'
>;

export interface TeamsProgress {
  graphEventId?: string;
  onlineMeetingId?: string;
  joinUrl?: string;
  chatThreadId?: string;
}

/** Meetings, series, invitees and changes (store/meeting-store.ts). */
export interface MeetingRepository {
  insertSeries(
    series: Omit<SeriesRecord, 'id' | 'graphEventId'>,
    createdBy: string,
    now: Date,
  ): Promise<string>;
  getSeries(seriesId: string): Promise<SeriesRecord | null>;
  setSeriesEvent(seriesId: string, graphEventId: string): Promise<void>;
  insertMeeting(meeting: NewMeeting, now: Date): Promise<string>;
  getMeeting(meetingId: string): Promise<MeetingRecord | null>;
  listMeetings(areaId: string, from: Date, to: Date): Promise<MeetingRecord[]>;
  listSeriesMeetings(seriesId: string): Promise<MeetingRecord[]>;
  listClosedSessions(parentMeetingId: string): Promise<MeetingRecord[]>;
  /** Meetings still to come (not cancelled or ended) of an area, for invitee refreshes. */
  listUpcoming(areaId: string, now: Date): Promise<MeetingRecord[]>;
  recordTeamsProgress(meetingId: string, progress: TeamsProgress, now: Date): Promise<void>;
  setStatus(
    meetingId: string,
    status: MeetingStatus,
    reason: string | null,
    now: Date,
  ): Promise<void>;
  setTimes(
    meetingId: string,
    start: Date,
    end: Date,
    circulationDueOn: string,
    now: Date,
  ): Promise<void>;
  setCirculationDue(meetingId: string, circulationDueOn: string): Promise<void>;
  setLeads(
    meetingId: string,
    chairPersonId: string,
    deputyChairPersonId: string | null,
    now: Date,
  ): Promise<void>;
  replaceInvitees(meetingId: string, invitees: InviteeRow[]): Promise<void>;
  listInvitees(meetingId: string): Promise<InviteeRecord[]>;
  /**
   * Invitees for this meeting alone (core/case-people): people invited for one case and the
   * deputies representatives named with their apologies. A refresh of the invitees keeps them.
   */
  listOneMeetingInvitees(meetingId: string): Promise<InviteeRow[]>;
  /** People permitted on the closed cases of a closed session (FR-007). */
  listPermittedPeople(meetingId: string): Promise<string[]>;
  recordChange(change: MeetingChange): Promise<void>;
  /** Every subject of the area's cases: free text sent out is checked against them. */
  areaSubjects(areaId: string): Promise<SubjectRecord[]>;
  listChanges(meetingId: string): Promise<MeetingChange[]>;
}

/** The parts of the directory scheduling reads. */
export interface DirectoryReader {
  getArea(areaId: string): Promise<Area | null>;
  listAgencies(areaId: string): Promise<Agency[]>;
  listPeople(areaId: string): Promise<Person[]>;
  getPerson(personId: string): Promise<Person | null>;
}
