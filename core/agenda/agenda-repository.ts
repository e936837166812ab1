import type { CaseReturnData } from '../reports/case-return.js';
import type { RiskLevel } from '../model.js';

export type SubjectKind = 'victim' | 'perpetrator' | 'child';

/** Personal data of a case: stored in case_subject, shown only in the tab (IS-07). */
export interface SubjectInput {
  kind: SubjectKind;
  fullName: string;
  dateOfBirth: string | null;
  address: string | null;
}

/** A case to list, from the form or one row of an imported file. */
export interface NewCase {
  caseNumber: string;
  riskLevel: RiskLevel;
  riskScore: number | null;
  referringAgencyId: string;
  agenciesInvolved: string[];
  referredOn: string | null;
  incidentOn: string | null;
  summary: string;
  subjects: SubjectInput[];
  /** The coordinator knows it is a repeat (FR-027) even if this system has no earlier record. */
  markedRepeat: boolean;
  plannedMinutes: number | null;
  permittedPersonIds: string[];
  /** The SafeLives return's data from the import's optional columns (FR-118); absent: none. */
  returnData?: CaseReturnData;
}

/** An agenda slot without personal data (what the agenda screen and ordering need). */
export interface AgendaItemRecord {
  id: string;
  meetingId: string;
  caseId: string;
  caseNumber: string;
  position: number;
  riskLevel: RiskLevel;
  riskScore: number | null;
  isRepeat: boolean;
  repeatCount: number;
  lastHeardOn: string | null;
  isClosedSession: boolean;
  referringAgencyId: string | null;
  plannedStart: Date | null;
  plannedMinutes: number;
  addedAfterCirculation: boolean;
  createdAt: Date;
}

export interface NewAgendaItem {
  meetingId: string;
  caseId: string;
  position: number;
  riskLevel: RiskLevel;
  riskScore: number | null;
  isRepeat: boolean;
  repeatCount: number;
  lastHeardOn: string | null;
  isClosedSession: boolean;
  referringAgencyId: string;
  agenciesInvolved: string[];
  childrenCount: number;
  plannedMinutes: number;
  referredOn: string | null;
  incidentOn: string | null;
  summary: string;
  addedAfterCirculation: boolean;
  returnData?: CaseReturnData;
}

export interface MoveRecord {
  id: string;
  agendaItemId: string;
  agencyId: string;
  requestedBy: string;
  requestedAt: Date;
  fromPosition: number;
  toPosition: number;
  meetingDay: string;
  decision: 'pending' | 'approved' | 'refused';
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface EarlierListings {
  count: number;
  lastHeardAt: Date | null;
}

/** Cases, agenda items, closed-case permissions and moves (store/agenda-store.ts). */
export interface AgendaRepository {
  listItems(meetingId: string): Promise<AgendaItemRecord[]>;
  findCaseId(areaId: string, caseNumber: string): Promise<string | null>;
  insertCase(areaId: string, caseNumber: string, now: Date): Promise<string>;
  /** Adds the subjects not already recorded on the case (same kind, name and date of birth). */
  addSubjects(caseId: string, subjects: SubjectInput[], now: Date): Promise<void>;
  insertItem(item: NewAgendaItem, now: Date): Promise<string>;
  setPermittedPeople(itemId: string, personIds: string[]): Promise<void>;
  setSchedule(items: { id: string; position: number; plannedStart: Date }[]): Promise<void>;
  setPlannedMinutes(itemId: string, minutes: number): Promise<void>;
  /** Moves a slot (with its research and permissions) to another meeting's agenda. */
  moveItemToMeeting(
    itemId: string,
    meetingId: string,
    addedAfterCirculation: boolean,
  ): Promise<void>;
  /** Deletes a slot and its per-case declarations; the removal row keeps the reason. */
  removeItem(
    item: { id: string; meetingId: string; caseId: string },
    removal: { areaId: string; reason: string; removedBy: string; removedAt: Date },
  ): Promise<void>;
  /** FR-093: earlier listings of the same case number, or the same victim and perpetrator. */
  earlierListings(input: {
    areaId: string;
    caseNumber: string;
    victim: { fullName: string; dateOfBirth: string | null } | null;
    perpetratorName: string | null;
    before: Date;
    since: Date;
  }): Promise<EarlierListings>;
  insertMove(move: Omit<MoveRecord, 'id'>): Promise<string>;
  getMove(moveId: string): Promise<MoveRecord | null>;
  decideMove(moveId: string, decision: 'approved' | 'refused', by: string, at: Date): Promise<void>;
  listMoves(meetingId: string): Promise<MoveRecord[]>;
  approvedMovesOnDay(agencyId: string, meetingDay: string): Promise<number>;
}
