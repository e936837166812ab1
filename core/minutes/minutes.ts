/**
 * Minutes and action plan (FR-084..FR-090, REQUIREMENTS.md §3.9, the App.3 checklist), built
 * from meeting data. Sections in checklist order: 1 meeting information (attendees from
 * reconciled attendance, observers, apologies), 2 confidentiality statement, 3 outstanding
 * actions from earlier MARACs (with the reason when not achievable, FR-076), 4 one sheet per
 * case (before the meeting / during the meeting / actions agreed). The minutes contain case
 * personal data: they are shown in the tab only (FR-088), never mailed.
 */
export interface MinutesAttendee {
  personId: string;
  name: string;
  agency: string | null;
  jobTitle: string | null;
  attendedAs: string;
  presentMinutes: number;
  /** First join and last leave inside the window, ISO instants (formatted by each surface). */
  joinedAt: string | null;
  leftAt: string | null;
  cameraOnMinutes: number | null;
  /** Where the camera figure came from: calling-roster, call-record, attestation or none. */
  cameraSource: string | null;
}

export interface MinutesAction {
  reference: string;
  ownerAgencyId: string;
  partnerAgencyIds: string[];
  caseReference: string;
  description: string;
  agency: string;
  owner: string | null;
  dueOn: string;
  dueOverridden: boolean;
  isJoint: boolean;
  partners: string[];
  state: string;
  overdue: boolean;
  notAchievableReason: string | null;
  completedOn: string | null;
}

/** What was recorded for a case in the meeting (chair console) and completed afterwards. */
export interface MinutesCaseRecord {
  riskSummary: string | null;
  /** The victim's views, usually given through the IDVA. */
  victimViews: string | null;
  decisions: string | null;
  /** Disagreement with the plan, and who disagreed, as recorded. */
  dissent: string | null;
}

export const CASE_RECORD_FIELDS = ['riskSummary', 'victimViews', 'decisions', 'dissent'] as const;

export interface MinutesCaseSheet {
  agendaItemId: string;
  position: number;
  caseNumber: string;
  closedSession: boolean;
  riskLevel: string;
  /** Heard at the meeting (the chair started it); unheard cases are marked "not heard". */
  heard: boolean;
  startedAt: string | null;
  endedAt: string | null;
  /** The referring agency and the agencies involved: decides a representative's extract. */
  agencyIds: string[];
  record: MinutesCaseRecord;
  /** Who was present while the case was heard, with join and leave times (FR-060). */
  attendance: MinutesAttendee[];
  beforeMeeting: {
    subjects: {
      kind: string;
      fullName: string;
      dateOfBirth: string | null;
      address: string | null;
    }[];
    victimEquality: Record<string, string | null>;
    referringAgency: string | null;
    victimAwareOfReferral: boolean | null;
    repeat: { isRepeat: boolean; timesInLast12Months: number; lastHeardOn: string | null };
    referralBasis: string | null;
    keyInformation: {
      text: string;
      source: string | null;
      kind: 'fact' | 'opinion' | 'untagged';
    }[];
  };
  duringMeeting: {
    incidentOn: string | null;
    victimViewsDirect: boolean | null;
    victimFeedbackAssigned: boolean;
    processFlags: unknown[];
    referredToOtherArea: boolean | null;
    outcome: string | null;
  };
  actions: MinutesAction[];
}

export interface Minutes {
  maracName: string;
  meeting: {
    id: string;
    title: string;
    date: string;
    start: string;
    end: string;
    chair: string | null;
    status: string;
    minutesStatus: string;
  };
  meetingInformation: {
    attendees: MinutesAttendee[];
    observers: MinutesAttendee[];
    apologies: { agency: string; deputy: string | null; writtenSubmission: boolean }[];
  };
  confidentialityStatement: string;
  outstandingActions: MinutesAction[];
  cases: MinutesCaseSheet[];
  workflow: MinutesWorkflow;
  addenda: MinutesAddendum[];
  /** Set when the viewer reads their agency's extract rather than the whole minutes. */
  extract: { agencyId: string; agency: string } | null;
  /** The previous meeting of the area, for review at this one (its minutes and status). */
  previousMeeting: { id: string; date: string; minutesStatus: MinutesStatus } | null;
  /** FR-085: every exported page carries the MARAC name and page numbers. */
  footer: { maracName: string; pageNumbers: true };
}

export type MinutesStatus = 'draft' | 'awaiting-approval' | 'approved' | 'circulated';

export interface MinutesWorkflow {
  status: MinutesStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  circulatedAt: string | null;
}

export interface MinutesAddendum {
  id: string;
  caseNumber: string | null;
  body: string;
  addedBy: string;
  addedAt: string;
}

/**
 * A representative's extract (FR-090): only the cases their agency referred or is involved in
 * (or owns or shares an action on), and on those only their agency's actions; outstanding
 * actions likewise. Meeting information stays (it is not case content).
 */
/** Reading the minutes as the tab shows them, and recording each view or download (IS-06). */
export interface MinutesReader {
  minutes(
    meetingId: string,
    today: string,
  ): Promise<(Minutes & { areaId: string; permitted: Record<string, string[]> }) | null>;
  recordExport(
    meetingId: string,
    format: 'docx' | 'view',
    personId: string,
    now: Date,
  ): Promise<void>;
}

export function agencyExtract(m: Minutes, agency: { id: string; name: string }): Minutes {
  const ours = (a: MinutesAction) =>
    a.ownerAgencyId === agency.id || a.partnerAgencyIds.includes(agency.id);
  const cases = m.cases
    .filter((c) => c.agencyIds.includes(agency.id) || c.actions.some(ours))
    .map((c) => ({ ...c, actions: c.actions.filter(ours) }));
  const caseNumbers = new Set(cases.map((c) => c.caseNumber));
  return {
    ...m,
    cases,
    outstandingActions: m.outstandingActions.filter(ours),
    addenda: m.addenda.filter((a) => a.caseNumber === null || caseNumbers.has(a.caseNumber)),
    extract: { agencyId: agency.id, agency: agency.name },
  };
}

/** FR-100: closed-session case sheets only for those permitted. */
export function visibleMinutes(m: Minutes, seesClosed: (caseNumber: string) => boolean): Minutes {
  const cases = m.cases.filter((c) => !c.closedSession || seesClosed(c.caseNumber));
  const shown = new Set(cases.map((c) => c.caseNumber));
  return {
    ...m,
    cases,
    addenda: m.addenda.filter((a) => a.caseNumber === null || shown.has(a.caseNumber)),
  };
}
