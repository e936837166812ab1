/** The minutes as GET /api/meetings/:id/minutes returns them (core/minutes/minutes.ts). */
export type MinutesStatus = 'draft' | 'awaiting-approval' | 'approved' | 'circulated';

export interface MinutesAttendee {
  personId: string;
  name: string;
  agency: string | null;
  jobTitle: string | null;
  attendedAs: string;
  presentMinutes: number;
  joinedAt: string | null;
  leftAt: string | null;
  cameraOnMinutes: number | null;
  cameraSource: string | null;
}

export interface MinutesAction {
  reference: string;
  caseReference: string;
  description: string;
  agency: string;
  owner: string | null;
  dueOn: string;
  isJoint: boolean;
  partners: string[];
  state: string;
  overdue: boolean;
  notAchievableReason: string | null;
}

export interface CaseRecord {
  riskSummary: string | null;
  victimViews: string | null;
  decisions: string | null;
  dissent: string | null;
}

export interface MinutesCase {
  agendaItemId: string;
  position: number;
  caseNumber: string;
  closedSession: boolean;
  riskLevel: string;
  heard: boolean;
  startedAt: string | null;
  endedAt: string | null;
  record: CaseRecord;
  attendance: MinutesAttendee[];
  beforeMeeting: { referringAgency: string | null };
  duringMeeting: { victimFeedbackAssigned: boolean };
  actions: MinutesAction[];
}

export interface MinutesWorkflow {
  status: MinutesStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  circulatedAt: string | null;
}

export interface MinutesHeader {
  maracName: string;
  meeting: {
    id: string;
    title: string;
    date: string;
    start: string;
    end: string;
    chair: string | null;
    status: string;
  };
  workflow: MinutesWorkflow;
  notYetCirculated?: boolean;
}

export interface MinutesJson extends MinutesHeader {
  meetingInformation: {
    attendees: MinutesAttendee[];
    observers: MinutesAttendee[];
    apologies: { agency: string; deputy: string | null; writtenSubmission: boolean }[];
  };
  confidentialityStatement: string;
  outstandingActions: MinutesAction[];
  cases: MinutesCase[];
  addenda: {
    id: string;
    caseNumber: string | null;
    body: string;
    addedBy: string;
    addedAt: string;
  }[];
  extract: { agencyId: string; agency: string } | null;
  previousMeeting: { id: string; date: string; minutesStatus: MinutesStatus } | null;
}

export const STATUS_WORDS: Record<MinutesStatus, string> = {
  draft: 'Draft',
  'awaiting-approval': 'Waiting for the chair’s approval',
  approved: 'Approved, not yet circulated',
  circulated: 'Approved and circulated',
};

export const RECORD_FIELDS: { key: keyof CaseRecord; label: string; hint: string }[] = [
  { key: 'riskSummary', label: 'Risk summary', hint: 'The risks as the meeting understood them.' },
  {
    key: 'victimViews',
    label: 'Victim’s views (through the IDVA)',
    hint: 'What the victim wants, as the IDVA or support agency put it.',
  },
  { key: 'decisions', label: 'Decisions', hint: 'What the meeting decided.' },
  {
    key: 'dissent',
    label: 'Dissent',
    hint: 'Any agency that disagreed, and why. Leave empty if none.',
  },
];

export const CAMERA_WORDS: Record<string, string> = {
  'calling-roster': 'meeting bot',
  'call-record': 'Teams call record',
  attestation: 'confirmed by the chair',
  none: 'no camera evidence',
};

export function words(slug: string): string {
  const s = slug.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
