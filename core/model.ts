import type { AreaPolicy } from './area-policy.js';
import type { Nation } from './calendar/bank-holidays.js';
import type { Role } from './roles.js';

/** Core entities (REQUIREMENTS.md §3). Ids are uuids; days are 'YYYY-MM-DD'; instants are Dates. */

export interface Area {
  id: string;
  name: string;
  nation: Nation;
  timeZone: string;
  policy: AreaPolicy;
  confidentialityStatement: string;
  organiserMailbox: string | null;
}

export const AGENCY_SECTORS = [
  'police',
  'idva',
  'housing',
  'childrens-services',
  'probation',
  'primary-health',
  'mental-health',
  'substance-misuse',
  'adult-safeguarding',
  'education',
  'youth-offending',
  'specialist',
  'voluntary',
  'other',
] as const;
export type AgencySector = (typeof AGENCY_SECTORS)[number];

/** the core agencies (SafeLives 2015, plus adult safeguarding from the 2025 guidance). */
export const CORE_SECTORS: readonly AgencySector[] = [
  'police',
  'idva',
  'housing',
  'childrens-services',
  'probation',
  'primary-health',
  'mental-health',
  'substance-misuse',
  'adult-safeguarding',
];

export type MembershipStatus = 'applied' | 'approved' | 'withdrawn';

export interface SignatoryRecord {
  signatoryName: string | null;
  authorityConfirmed: boolean;
  signedOn: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
}

export interface Agency {
  id: string;
  areaId: string;
  name: string;
  sector: AgencySector;
  isCore: boolean;
  membershipStatus: MembershipStatus;
  signatory: SignatoryRecord;
  escalationContactEmail: string | null;
}

/**
 * FR-107, IS-01: an agency may be listed but is never invited or sent anything until its
 * information-sharing signatory record is complete and its membership is approved.
 */
export function canReceiveMaracInformation(
  agency: Pick<Agency, 'membershipStatus' | 'signatory'>,
): boolean {
  const s = agency.signatory;
  return (
    agency.membershipStatus === 'approved' &&
    Boolean(s.signatoryName?.trim()) &&
    s.authorityConfirmed &&
    Boolean(s.signedOn) &&
    Boolean(s.dpoName?.trim()) &&
    Boolean(s.dpoEmail?.trim())
  );
}

export interface Person {
  id: string;
  areaId: string;
  agencyId: string | null;
  displayName: string;
  email: string;
  entraObjectId: string | null;
  entraTenantId: string | null;
  roles: Role[];
}

export type MeetingKind = 'scheduled' | 'extraordinary' | 'emergency' | 'closed';
export type MeetingStatus =
  'draft' | 'scheduling' | 'scheduled' | 'needs-attention' | 'in-progress' | 'ended' | 'cancelled';

export interface Meeting {
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
  joinUrl: string | null;
  chatThreadId: string | null;
  teamsMeetingId: string | null;
}

export type RiskLevel = 'very-high' | 'high' | 'medium';
export const RISK_ORDER: Record<RiskLevel, number> = { 'very-high': 0, high: 1, medium: 2 };

export type ActionCategory = 'victim' | 'children' | 'perpetrator' | 'staff' | 'other';
export type ActionState = 'volunteered' | 'rejected' | 'open' | 'done' | 'not-achievable';

export type AttendanceSource = 'bot-event' | 'attendance-report' | 'calling-roster' | 'attestation';
export type CameraSource = 'calling-roster' | 'call-record' | 'attestation';
