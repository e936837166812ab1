/**
 * JSON the chair console reads: the meeting run (GET /api/meetings/:id/run) and the live
 * attendance (GET /api/meetings/:id/attendance). Dates arrive as ISO strings.
 */
export type AgendaState = 'pending' | 'current' | 'closed';

export interface OpeningChecklist {
  confidentialityRead: boolean;
  introductions: boolean;
  outstandingActionsReminded: boolean;
}

export interface RunAgendaItem {
  agendaItemId: string;
  position: number;
  caseReference: string;
  plannedStart: string | null;
  plannedMinutes: number;
  actualStart: string | null;
  actualEnd: string | null;
  state: AgendaState;
  /** Not heard at this meeting: carried forward to the next one, or not heard (and why). */
  unheard: {
    outcome: 'carried-forward' | 'not-heard';
    reason: string | null;
    carriedToMeetingId: string | null;
  } | null;
}

export interface RunAction {
  id: string;
  reference: string;
  agendaItemId: string | null;
  ownerAgency: { id: string; name: string };
  ownerPerson: { id: string; displayName: string } | null;
  description: string;
  category: string;
  dueOn: string;
  state: string;
  version: number;
}

export interface RunView {
  meetingId: string;
  status: string;
  currentAgendaItemId: string | null;
  /** FR-130: set once the meeting has run the area's break-prompt minutes without a break. */
  breakPrompt?: { since: string; minutes: number } | null;
  openingChecklist: OpeningChecklist;
  agenda: RunAgendaItem[];
  actions: RunAction[];
}

export interface LivePerson {
  personId: string;
  displayName: string;
  role: string;
  inMeeting: boolean;
  joinedAt: string | null;
  leftAt: string | null;
  camera: { on: boolean | null; source: string | null };
}

export interface LiveAttendance {
  meetingId: string;
  status: string;
  agencies: {
    agencyId: string;
    name: string;
    core: boolean;
    present: boolean;
    people: LivePerson[];
  }[];
  coreAgenciesMissing: { agencyId: string; name: string }[];
  unmatched: { id: string; displayName: string | null }[];
}

/** FR-045: the opening checklist, in the order the chair reads it. */
export const CHECKLIST: { item: keyof OpeningChecklist; label: string }[] = [
  { item: 'confidentialityRead', label: 'Confidentiality statement read' },
  { item: 'introductions', label: 'New attendees introduced' },
  { item: 'outstandingActionsReminded', label: 'Outstanding actions reminded' },
];

export const CAMERA_SOURCE_LABEL: Record<string, string> = {
  attestation: 'chair attested',
  roster: 'calling bot',
  'call-record': 'call record',
  callRecord: 'call record',
  report: 'attendance report',
  none: 'no evidence',
};
