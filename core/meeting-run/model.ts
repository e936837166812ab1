import type { ActionCategory, ActionState } from '../model.js';

/**
 * The meeting as the chair runs it (FR-044..FR-053): the agenda with each case's actual start
 * and end, the opening checklist (FR-045), and the actions agreed per case. Pure types and
 * rules; the store is store/meeting-run-store.ts, the use cases core/meeting-run/meeting-run.ts.
 */
export type AgendaState = 'pending' | 'current' | 'closed';

export const CHECKLIST_ITEMS = [
  'confidentialityRead',
  'introductions',
  'outstandingActionsReminded',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export type OpeningChecklist = Record<ChecklistItem, boolean>;

export interface RunAgendaItem {
  agendaItemId: string;
  caseId: string;
  position: number;
  /** The case number: the only case identifier that may leave the tab (FR-049, IS-07). */
  caseReference: string;
  plannedStart: Date | null;
  plannedMinutes: number;
  actualStart: Date | null;
  actualEnd: Date | null;
  isClosedSession: boolean;
  agenciesInvolved: string[];
  referringAgencyId: string | null;
  /** Whether victim views are recorded (the card prompts; the views stay in the tab, FR-054). */
  victimViewsRecorded: boolean;
  actionsConfirmedAt: Date | null;
  nextNoticeSentAt: Date | null;
  /** A case not heard at this meeting: carried forward to the next, or not heard (and why). */
  unheard: {
    outcome: UnheardOutcome;
    reason: string | null;
    carriedToMeetingId: string | null;
  } | null;
}

export const UNHEARD_OUTCOMES = ['carried-forward', 'not-heard'] as const;
export type UnheardOutcome = (typeof UNHEARD_OUTCOMES)[number];

/** The reason recorded when the meeting ended in Teams before the chair decided. */
export const ENDED_BEFORE_HEARD = 'The meeting ended before the case was heard.';

export function agendaState(item: Pick<RunAgendaItem, 'actualStart' | 'actualEnd'>): AgendaState {
  if (item.actualEnd) return 'closed';
  return item.actualStart ? 'current' : 'pending';
}

export interface RunMeeting {
  id: string;
  areaId: string;
  status: string;
  title: string;
  scheduledStart: Date;
  timeZone: string;
  nation: string;
  /** The area's policy JSON (core/area-policy parses it: the due-date rule, FR-072). */
  areaPolicy: unknown;
  chairPersonId: string | null;
  deputyChairPersonId: string | null;
  delegateChairPersonId: string | null;
  teamsMeetingId: string | null;
  chatThreadId: string | null;
  conversationReference: unknown;
  openingChecklist: OpeningChecklist;
  actualStart: Date | null;
  actualEnd: Date | null;
}

/** An action as the cards and the chair console show it (references and owners, FR-049). */
export interface RunAction {
  id: string;
  reference: string;
  agendaItemId: string | null;
  caseId: string;
  ownerAgency: { id: string; name: string };
  ownerPerson: { id: string; displayName: string } | null;
  description: string;
  category: ActionCategory;
  partnerAgencyIds: string[];
  dueOn: string;
  state: ActionState;
  version: number;
  /** FR-052: who acknowledged the perpetrator-action warning, if anyone. */
  perpetratorWarningAcknowledged: boolean;
}

export interface AgencyRef {
  id: string;
  name: string;
}

/** Who is looking at a case card: the user-specific views of Universal Actions (PLATFORM.md §5). */
export type CardViewer =
  { kind: 'everyone' } | { kind: 'chair' } | { kind: 'agency'; agencyId: string | null };

/** Everything a case card shows; case reference and agenda position only, no names (FR-049). */
export interface CaseCardModel {
  meetingId: string;
  agendaItemId: string;
  caseReference: string;
  position: number;
  caseCount: number;
  plannedStart: Date | null;
  plannedMinutes: number;
  timeZone: string;
  state: AgendaState;
  agenciesExpected: AgencyRef[];
  agenciesPresent: string[];
  /** FR-047: open actions from earlier meetings for this case. */
  outstanding: { reference: string; ownerAgencyName: string; dueOn: string }[];
  actions: RunAction[];
  /** Agencies a volunteer or an assignment may name (the meeting's signatory agencies). */
  agencies: AgencyRef[];
  /** FR-072: the default due date from the area policy. */
  defaultDueOn: string;
  victimViewsRecorded: boolean;
  /** Teams user ids (29:) who get a user-specific view by refresh (at most 60). */
  refreshUserIds: string[];
  tabUrl: string;
  /** Set once the chat copy has been rewritten to references only (meeting end). */
  redacted: boolean;
}

export interface SummaryCardModel {
  meetingId: string;
  agendaItemId: string;
  caseReference: string;
  position: number;
  actions: RunAction[];
  confirmed: boolean;
  tabUrl: string;
}

/** Builds the Adaptive Card JSON (bot/cards); a port so the use cases stay free of botbuilder. */
export interface CardRenderer {
  caseCard(model: CaseCardModel, viewer: CardViewer): Record<string, unknown>;
  summaryCard(model: SummaryCardModel, viewer: CardViewer): Record<string, unknown>;
  /** Meeting end: references only (action numbers, owners, due dates, a link to the tab). */
  redactedCard(model: SummaryCardModel & { kind: 'case' | 'summary' }): Record<string, unknown>;
}

export const CATEGORY_LABELS: Record<ActionCategory, string> = {
  victim: 'Victim',
  children: 'Children',
  perpetrator: 'Perpetrator',
  staff: 'Staff',
  other: 'Other',
};

/** FR-052 (IS-07), in the words of the protocol (004:440). */
export const PERPETRATOR_WARNING =
  'Perpetrator action: it must not be attributed to the MARAC, and should be carried out by an ' +
  'agency that already has contact with the perpetrator. The owning agency must acknowledge this.';

/** Shown on the card instead of case content: descriptions use roles, never names (FR-049). */
export const DESCRIPTION_HINT =
  'Describe the action using roles (victim, perpetrator, child 1), never names, dates of birth or addresses: this card is in the meeting chat.';
