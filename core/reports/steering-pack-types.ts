import type { CaseReturnData } from './case-return.js';
import type { Count, GovernanceReport, GovernanceRepository } from './governance-types.js';

/** Where a figure sits against a band SafeLives gives (below, within or above it). */
export type BandPosition = 'below' | 'within' | 'above';
export interface Band {
  low: number;
  high: number;
  position: BandPosition | null;
}

/** A heard case as the pack reads it (store/governance-store.ts). */
export interface PackCaseRow {
  meetingId: string;
  meetingStartsAt: Date;
  isRepeat: boolean;
  childrenCount: number;
  referralBasis: string | null;
  referredOn: string | null;
  /** The processes the case was flagged to (agenda_item.process_flags). */
  processFlags: string[];
  actualStart: Date;
  actualEnd: Date;
  data: CaseReturnData;
}

/** An ended meeting of the period as the pack reads it. */
export interface PackMeetingRow {
  id: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
  circulationDueOn: string | null;
  circulatedAt: Date | null;
}

export interface SteeringPackRepository extends GovernanceRepository {
  /** Heard cases of the period's ended meetings (and their ended closed sessions). */
  packCases(areaId: string, from: Date, to: Date): Promise<PackCaseRow[]>;
  packMeetings(areaId: string, from: Date, to: Date): Promise<PackMeetingRow[]>;
}

/** A table of the pack: the page, the Word pack and the Excel workbook show the same cells. */
export interface PackTable {
  key: string;
  title: string;
  /** What the table (and its chart) measures, in a sentence. */
  measures: string;
  head: string[];
  rows: (string | number | null)[][];
  /** Columns holding counts of cases or actions (suppressed under 5 for the steering group). */
  countColumns: number[];
  /** Rows whose number in a count column is a count of meetings (exact for everyone). */
  exactRows?: number[];
  /** The chart's own title, saying what its bars measure. */
  chartTitle?: string;
  /** The table's chart: one bar per row of interest, a share from 0 to 1 (null: not shown). */
  bars?: { label: string; value: number | null; detail: string }[];
}

export interface SteeringPack {
  areaName: string;
  /** Instants of the half-open period, today and the period's last day (area local days). */
  period: { from: string; to: string; firstDay: string; lastDay: string; today: string };
  /** True for the steering group's view: counts from 1 to 4 read "fewer than 5". */
  suppressed: boolean;
  volumes: {
    meetings: number;
    casesOnAgenda: Count;
    casesHeard: Count;
    casesNotHeard: Count;
    casesPerMeeting: number | null;
    repeatCases: Count;
    repeatRate: number | null;
    repeatBand: Band;
    childrenInHouseholds: Count;
    /** Women aged 16 and over, as the area entered it; null when not entered. */
    adultWomen: number | null;
    /** SafeLives' recommended number of cases for the period (40 a year per 10,000 women). */
    expectedCases: number | null;
    volumeShare: number | null;
    volumeBand: Band;
  };
  referralSources: {
    key: string;
    label: string;
    cases: Count;
    repeats: Count;
    share: number | null;
  }[];
  equality: {
    key: string;
    label: string;
    cases: Count;
    recorded: Count;
    notCollected: Count;
    share: number | null;
    populationShare: number | null;
  }[];
  attendance: {
    meetingsReconciled: number;
    cameraOnShare: number | null;
    /** The camera evidence behind the figures: share of the time present, by source. */
    cameraEvidence: { source: string; label: string; share: number }[];
    byAgency: {
      agencyId: string;
      name: string;
      core: boolean;
      meetingsAttended: number;
      meetingsExpected: number;
      attendanceRate: number | null;
      casesExpected: Count;
      casesPresent: Count;
      casesDeputy: Count;
      casesApologiesWritten: Count;
      casesApologies: Count;
      casesAbsent: Count;
      caseAttendanceRate: number | null;
      cameraOnShare: number | null;
      cameraEvidence: string;
    }[];
  };
  timeliness: {
    caseLists: {
      meetings: number;
      meetingsOnTime: number;
      meetingsLate: number;
      meetingsNotCirculated: number;
      meetingsWithoutDeadline: number;
      onTimeRate: number | null;
    };
    actions: Omit<GovernanceReport['actions'], 'byAgency'>;
    escalations: {
      escalatedInPeriod: Count;
      outstanding: Count;
      byAgency: { name: string; escalated: Count; outstanding: Count }[];
    };
    referralToHearing: {
      recorded: Count;
      notRecorded: Count;
      within28Days: Count;
      within28DaysShare: number | null;
      medianDays: number | null;
    };
  };
  actionMix: {
    total: Count;
    byCategory: { category: string; label: string; actions: Count; share: number | null }[];
    joint: Count;
    jointShare: number | null;
    byAgency: {
      name: string;
      total: Count;
      victim: Count;
      children: Count;
      perpetrator: Count;
      staff: Count;
      other: Count;
      joint: Count;
    }[];
  };
  meetings: {
    averageMinutesPerCase: number | null;
    averageMeetingMinutes: number | null;
    meetingsOverran: number;
  };
  referralBasis: { key: string; label: string; cases: Count }[];
  processFlags: { process: string; cases: Count }[];
  /** Each governance measure: shown, shown in part, or why it cannot be computed. */
  measures: {
    id: string;
    measure: string;
    status: 'shown' | 'partly' | 'not-available';
    detail: string;
  }[];
  tables: PackTable[];
}
