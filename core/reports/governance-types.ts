import type { AttendanceReport } from '../attendance/attendance-report.js';
import type { Nation } from '../calendar/index.js';
import type { ActionState } from '../model.js';

/** What a steering member sees instead of a count from 1 to 4 (steering-view.ts). */
export const FEWER_THAN_5 = 'fewer than 5';
export type Count = number | typeof FEWER_THAN_5;

/** What the governance report reads and returns; the use case is in governance.ts. */
export interface GovernanceAgency {
  agencyId: string;
  name: string;
  sector: string;
  core: boolean;
}

export interface GovernanceCaseRow {
  meetingId: string;
  /** Started and closed by the chair in the meeting run (agenda item actual start and end). */
  heard: boolean;
  isRepeat: boolean;
  childrenCount: number;
  referringAgencyId: string | null;
}

export interface GovernanceActionRow {
  reference: string;
  caseReference: string;
  ownerAgencyId: string;
  state: ActionState;
  dueOn: string;
  completedOn: string | null;
  createdAt: Date;
  escalationLevel: number;
  /** KPI-15: the action's category, and whether it is a joint action with partner agencies. */
  category: 'victim' | 'children' | 'perpetrator' | 'staff' | 'other';
  joint: boolean;
}

export interface GovernanceRepository {
  area(areaId: string): Promise<{ name: string; nation: Nation; timeZone: string } | null>;
  agencies(areaId: string): Promise<GovernanceAgency[]>;
  /** Ended meetings (not closed sessions) starting in [from, to). */
  meetings(areaId: string, from: Date, to: Date): Promise<{ id: string; startsAt: Date }[]>;
  /** Agenda items of those meetings and of their closed sessions (meetingId = the main meeting). */
  cases(areaId: string, from: Date, to: Date): Promise<GovernanceCaseRow[]>;
  /** Confirmed actions agreed at meetings starting in [from, to) (or created in it, no meeting). */
  actions(areaId: string, from: Date, to: Date): Promise<GovernanceActionRow[]>;
  /** Open actions of the area with escalation_level >= minLevel. */
  openEscalated(areaId: string, minLevel: number): Promise<GovernanceActionRow[]>;
}

export interface AgencyActionFigures {
  agencyId: string;
  name: string;
  sector: string;
  created: Count;
  doneOnTime: Count;
  doneLate: Count;
  notAchievable: Count;
  open: Count;
  overdue: Count;
  /** KPI-6: done by the due date ÷ actions due by today or closed; null when none. */
  completionRate: number | null;
  escalated: Count;
  outstandingEscalated: Count;
}

export interface GovernanceReport {
  period: { from: string; to: string; today: string };
  /** Whether case and action references are included (coordinator and chair only). */
  withReferences: boolean;
  volumes: {
    meetings: number;
    casesOnAgenda: Count;
    casesHeard: Count;
    casesNotHeard: Count;
    /** KPI-13: cases heard per meeting. */
    casesPerMeeting: number | null;
    repeatCases: Count;
    /** KPI-1: repeats ÷ all cases heard. */
    repeatRate: number | null;
    /** KPI-12. */
    childrenInHouseholds: Count;
    /** KPI-3: by the referring agency's sector ('unknown' when not recorded). */
    referralsBySector: {
      sector: string;
      label: string;
      cases: Count;
      share: number;
      /** Steering view: the share is withheld because a count is under 5. */
      suppressed?: boolean;
    }[];
    policeShare: number | null;
    distinctReferringAgencies: number;
  };
  /** KPI-6 (and FR-115 "action completion"). */
  actions: {
    created: Count;
    doneOnTime: Count;
    doneLate: Count;
    notAchievable: Count;
    open: Count;
    overdue: Count;
    completionRate: number | null;
    medianDaysToCompletion: number | null;
    byAgency: AgencyActionFigures[];
  };
  /** FR-075, AC-15: escalated actions per agency; the list only for coordinator and chair. */
  escalations: {
    escalatedInPeriod: Count;
    outstanding: Count;
    byAgency: { agencyId: string; name: string; escalated: Count; outstanding: Count }[];
    outstandingActions: {
      reference: string;
      caseReference: string;
      ownerAgencyId: string;
      ownerAgencyName: string;
      dueOn: string;
      /** null when the bank-holiday calendar does not cover the days (core/calendar). */
      workingDaysOverdue: number | null;
      daysOverdue: number;
    }[];
  };
  /** KPI-4, A-13: from the attendance report (reconciled meetings only). */
  attendance: {
    meetingsReconciled: number;
    attendanceRate: number | null;
    coreAttendanceRate: number | null;
    cameraOnShare: number | null;
    byAgency: AttendanceReport['byAgency'];
  };
}
