/** What the case-people use cases read and write (store/case-people-store.ts). */

export type CasePersonKind = 'referrer' | 'keyworker' | 'specialist';

export interface CasePersonRecord {
  id: string;
  meetingId: string;
  agendaItemId: string;
  caseNumber: string;
  position: number;
  personId: string;
  displayName: string;
  email: string;
  agencyName: string | null;
  kind: CasePersonKind;
  invitedAt: Date;
  /** When the person accepted the declaration for this case; null until then. */
  declaredAt: Date | null;
}

export interface ApologyRecord {
  meetingId: string;
  agencyId: string;
  agencyName: string;
  sentBy: string | null;
  sentByName: string | null;
  deputyPersonId: string | null;
  deputyName: string | null;
  writtenSubmission: boolean;
  sentAt: Date | null;
}

export interface MoveRequestRecord {
  id: string;
  agendaItemId: string;
  caseNumber: string;
  position: number;
  agencyId: string;
  agencyName: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  fromPosition: number;
  toPosition: number;
  decision: 'pending' | 'approved' | 'refused';
  decidedAt: Date | null;
  decisionReason: string | null;
}

export interface CasePeopleRepository {
  insertCasePerson(
    row: {
      meetingId: string;
      agendaItemId: string;
      personId: string;
      kind: CasePersonKind;
      invitedBy: string;
    },
    now: Date,
  ): Promise<{ id: string; created: boolean }>;
  listCasePeople(meetingId: string): Promise<CasePersonRecord[]>;
  /** Adds the person to the meeting's invitees unless they are invited already. */
  addInvitee(
    meetingId: string,
    personId: string,
    agencyId: string | null,
    kind: 'referrer' | 'keyworker' | 'case-specific',
  ): Promise<boolean>;
  /** Makes the person the meeting's deputy invitee (a lead keeps their own kind). */
  inviteAsDeputy(meetingId: string, personId: string, agencyId: string): Promise<boolean>;
  insertCaseDeclaration(
    personId: string,
    meetingId: string,
    agendaItemId: string,
    now: Date,
  ): Promise<void>;
  upsertApology(
    row: {
      meetingId: string;
      agencyId: string;
      sentBy: string;
      deputyPersonId: string | null;
      writtenSubmissionAt: Date | null;
    },
    now: Date,
  ): Promise<void>;
  listApologies(meetingId: string): Promise<ApologyRecord[]>;
  listMoveRequests(meetingId: string, agencyId?: string): Promise<MoveRequestRecord[]>;
  refuseMove(moveId: string, by: string, at: Date, reason: string): Promise<void>;
}
