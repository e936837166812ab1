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
}

export interface MinutesAction {
  reference: string;
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

export interface MinutesCaseSheet {
  position: number;
  caseNumber: string;
  closedSession: boolean;
  riskLevel: string;
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
  /** FR-085: every exported page carries the MARAC name and page numbers. */
  footer: { maracName: string; pageNumbers: true };
}

/** FR-100: closed-session case sheets only for those permitted. */
export function visibleMinutes(m: Minutes, seesClosed: (caseNumber: string) => boolean): Minutes {
  return { ...m, cases: m.cases.filter((c) => !c.closedSession || seesClosed(c.caseNumber)) };
}
