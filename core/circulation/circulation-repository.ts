import type { RiskLevel } from '../model.js';

/** One case of the case list, with its personal data: shown only in the tab. */
export interface CaseListItem {
  agendaItemId: string;
  meetingId: string;
  caseNumber: string;
  position: number;
  riskLevel: RiskLevel;
  riskScore: number | null;
  isRepeat: boolean;
  repeatCount: number;
  lastHeardOn: string | null;
  isClosedSession: boolean;
  referringAgency: { id: string; name: string } | null;
  agenciesInvolved: { id: string; name: string }[];
  plannedStart: Date | null;
  plannedMinutes: number;
  childrenCount: number;
  referredOn: string | null;
  incidentOn: string | null;
  summary: string | null;
  addedAfterCirculation: boolean;
  createdAt: Date;
  permittedPersonIds: string[];
  subjects: {
    kind: string;
    fullName: string;
    dateOfBirth: string | null;
    address: string | null;
  }[];
}

export interface RecipientStatusRow {
  circulationId: string;
  kind: 'initial' | 'addendum';
  circulatedAt: Date;
  caseCount: number;
  personId: string;
  displayName: string;
  agencyName: string | null;
  outboxState: 'pending' | 'sending' | 'sent' | 'failed' | null;
  sentAt: Date | null;
  firstOpenedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
}

export interface ExportRecord {
  id: string;
  meetingId: string;
  driveId: string | null;
  driveItemId: string | null;
  linkPermissionId: string | null;
  linkWebUrl: string | null;
  linkExpiresAt: Date | null;
  purgeDueAt: Date | null;
  purgedAt: Date | null;
  createdAt: Date;
}

/** Circulations, recipients, declarations and exports (store/circulation-store.ts). */
export interface CirculationRepository {
  /** Main meetings whose circulation day has come and that still owe a circulation or addendum. */
  dueMeetings(today: string, now: Date): Promise<string[]>;
  /** Serialises circulations of one meeting (SELECT ... FOR UPDATE). */
  lockMeeting(meetingId: string): Promise<void>;
  markCirculated(meetingId: string, now: Date): Promise<void>;
  lastCirculationAt(meetingId: string): Promise<Date | null>;
  insertCirculation(
    meetingId: string,
    kind: 'initial' | 'addendum',
    caseCount: number,
    createdBy: string | null,
    now: Date,
  ): Promise<string>;
  insertRecipient(
    circulationId: string,
    personId: string,
    agencyId: string | null,
    outboxId: string | null,
  ): Promise<void>;
  caseListItems(meetingIds: string[]): Promise<CaseListItem[]>;
  hasDeclaration(personId: string, meetingId: string): Promise<boolean>;
  /** In the meeting now: an open attendance interval (admitted from the lobby, present). */
  isInMeeting(personId: string, meetingId: string): Promise<boolean>;
  insertDeclaration(personId: string, meetingId: string, now: Date): Promise<void>;
  markOpened(meetingId: string, personId: string, now: Date): Promise<void>;
  recipientStatus(meetingId: string): Promise<RecipientStatusRow[]>;
  /** FR-101: e-mail addresses recorded against perpetrators, never written to. */
  perpetratorContacts(areaId: string): Promise<string[]>;
  insertExport(
    e: Omit<ExportRecord, 'id' | 'purgedAt'> & { fileName: string; createdBy: string | null },
  ): Promise<string>;
  listExports(meetingId: string): Promise<ExportRecord[]>;
}
