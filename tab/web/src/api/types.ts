/** JSON shapes of the tab API as the client reads them (dates arrive as ISO strings). */

export type MeetingStatus =
  'draft' | 'scheduling' | 'scheduled' | 'needs-attention' | 'in-progress' | 'ended' | 'cancelled';

export interface MeetingSummary {
  id: string;
  seriesId: string | null;
  parentMeetingId: string | null;
  kind: 'regular' | 'extraordinary' | 'emergency' | 'closed' | string;
  title: string;
  scheduledStart: string;
  scheduledEnd: string;
  status: MeetingStatus;
  circulationDueOn: string | null;
  circulatedAt: string | null;
  invited: boolean;
  statusReason?: string | null;
  joinUrl?: string | null;
  chairPersonId?: string | null;
  deputyChairPersonId?: string | null;
}

export interface MeetingDetail {
  meeting: MeetingSummary;
  invitees?: { personId: string; agencyId: string | null; kind: string; displayName: string }[];
  closedSessions?: MeetingSummary[];
}

export interface AgendaItem {
  id: string;
  caseNumber: string;
  position: number;
  riskLevel: 'very-high' | 'high' | 'medium';
  riskScore: number | null;
  isRepeat: boolean;
  repeatCount: number;
  isClosedSession: boolean;
  plannedStart: string | null;
  plannedMinutes: number;
  addedAfterCirculation: boolean;
}

export interface AgendaView {
  meetingId: string;
  items: AgendaItem[];
  capacity: {
    caseCount: number;
    plannedMinutes: number;
    plannedEnd: string;
    maxCases: number;
    maxSessionMinutes: number;
    warnings: string[];
  };
}

export interface CaseListItem {
  agendaItemId: string;
  caseNumber: string;
  position: number;
  riskLevel: string;
  riskScore: number | null;
  isRepeat: boolean;
  repeatCount: number;
  lastHeardOn: string | null;
  isClosedSession: boolean;
  referringAgency: { id: string; name: string } | null;
  agenciesInvolved: { id: string; name: string }[];
  plannedStart: string | null;
  plannedMinutes: number;
  childrenCount: number;
  referredOn: string | null;
  incidentOn: string | null;
  summary: string | null;
  addedAfterCirculation: boolean;
  subjects: {
    kind: string;
    fullName: string;
    dateOfBirth: string | null;
    address: string | null;
  }[];
}

export interface CaseListView {
  meeting: Pick<
    MeetingSummary,
    'id' | 'title' | 'kind' | 'scheduledStart' | 'scheduledEnd' | 'status'
  >;
  items: CaseListItem[];
  exports: { webUrl: string; expiresAt: string | null }[];
}

export interface Recipient {
  personId: string;
  displayName: string;
  agencyName: string | null;
  delivery: 'sent' | 'queued' | 'failed' | 'blocked';
  sentAt: string | null;
  opened: boolean;
  firstOpenedAt: string | null;
  openCount: number;
  status: string;
}

export interface CirculationView {
  meetingId: string;
  circulationDueOn: string | null;
  circulatedAt: string | null;
  circulations: {
    id: string;
    kind: string;
    circulatedAt: string;
    caseCount: number;
    recipients: Recipient[];
  }[];
}

export interface Agency {
  id: string;
  name: string;
  sector: string;
  isCore: boolean;
  canReceiveMaracInformation: boolean;
  shortName?: string | null;
  membershipStatus?: string;
  signatoryName?: string | null;
  signatoryReviewDueOn?: string | null;
  nominations?: unknown;
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
  agencyId: string | null;
  jobTitle: string | null;
  roles: string[];
  isActive: boolean;
}

/** The action register's contract. */
export interface Action {
  id: string;
  reference: string;
  caseReference: string;
  meetingId: string;
  ownerAgency: { id: string; name: string };
  ownerPerson: { id: string; displayName: string } | null;
  description: string;
  category: string;
  dueOn: string;
  state: string;
  overdue: boolean;
  completedOn: string | null;
  escalationLevel: number;
  version: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { kind: string; personId?: string | null; displayName?: string | null };
  action: string;
  recordType: string;
  recordId: string | null;
  meetingId: string | null;
  detail: Record<string, unknown>;
}

export const RISK_LABEL: Record<string, string> = {
  'very-high': 'Very high',
  high: 'High',
  medium: 'Medium',
};
