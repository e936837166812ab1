import type { SubjectRecord } from '../personal-data/index.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { ActionCategory, ActionState } from '../model.js';
import type { Role } from '../roles.js';
import type {
  AgencyRef,
  OpeningChecklist,
  RunAction,
  RunAgendaItem,
  RunMeeting,
  UnheardOutcome,
} from './model.js';

/** The person acting: from the tab's SSO principal or the bot's `from.aadObjectId`. */
export interface RunActor {
  personId: string;
  areaId: string;
  agencyId: string | null;
  roles: readonly Role[];
}

export interface RunPerson {
  personId: string;
  agencyId: string | null;
  entraObjectId: string | null;
}

export interface PostedCardRecord {
  id: string;
  agendaItemId: string | null;
  kind: 'case' | 'summary' | 'notice';
  conversationId: string;
  activityId: string;
  redactedAt: Date | null;
}

/** Reads and writes of the meeting run (store/meeting-run-store.ts). */
export interface MeetingRunRepository {
  getMeeting(meetingId: string): Promise<RunMeeting | null>;
  /**
   * The meeting whose Teams chat is this conversation (chat thread id); for a series, whose
   * occurrences share the chat, the occurrence running or held at `at`.
   */
  findMeetingByConversation(conversationId: string, at: Date): Promise<RunMeeting | null>;
  /**
   * Stores the bot's conversation reference when none is stored yet (proactive posts), on the
   * meeting and the occurrences still to come that share its chat.
   */
  rememberConversation(meetingId: string, reference: unknown): Promise<void>;
  listAgenda(meetingId: string): Promise<RunAgendaItem[]>;
  /** Actions raised at this meeting, by reference. */
  listActions(meetingId: string): Promise<RunAction[]>;
  /** One case's actions at this meeting, by reference (what its cards show). */
  listCaseActions(meetingId: string, agendaItemId: string): Promise<RunAction[]>;
  getAction(actionId: string): Promise<(RunAction & { meetingId: string | null }) | null>;
  /**
   * A card volunteer as one atomic write: the invoke's claim (when keyed), the action with its
   * history (and the FR-052 acknowledgement when `acknowledged`), its audit row. Returns null
   * when the invoke was already applied (nothing written); otherwise the new action and the
   * case's actions as they stand with it.
   */
  volunteerAction(request: {
    action: Parameters<RunActionWriter['create']>[0];
    actorPersonId: string;
    acknowledged: boolean;
    claim: { invokeId: string; verb: string } | null;
    now: Date;
  }): Promise<{ created: RunAction; caseActions: RunAction[] } | null>;
  /** FR-047: actions still open on this case from earlier meetings. */
  listOutstanding(
    caseId: string,
    meetingId: string,
  ): Promise<{ reference: string; ownerAgencyName: string; dueOn: string }[]>;
  caseSubjects(
    caseId: string,
  ): Promise<
    { kind: string; fullName: string; dateOfBirth: string | null; address: string | null }[]
  >;
  /** Every subject of every case on the meeting's agenda: free text is checked against all. */
  meetingSubjects(meetingId: string): Promise<SubjectRecord[]>;
  /** Agencies that may own actions: approved signatories of the area (FR-107). */
  listAgencies(areaId: string): Promise<AgencyRef[]>;
  /** Agencies with someone in the meeting now (open attendance intervals). */
  presentAgencyIds(meetingId: string): Promise<string[]>;
  /** The meeting's invitees (and its chairs), with the Entra ids that map to Teams users. */
  meetingPeople(meetingId: string): Promise<RunPerson[]>;
  /** FR-069: people invited for this case only (permitted people, case-specific invitees). */
  caseInvitees(agendaItemId: string): Promise<RunPerson[]>;
  findPersonByEntraId(entraObjectId: string): Promise<(RunActor & RunPerson) | null>;
  findPersonById(personId: string): Promise<(RunActor & RunPerson) | null>;
  setChecklist(
    meetingId: string,
    checklist: OpeningChecklist,
    actorId: string,
    now: Date,
  ): Promise<void>;
  /** Sets actual_start (and the meeting in progress); false when it was already started. */
  startItem(meetingId: string, agendaItemId: string, now: Date): Promise<boolean>;
  endItem(agendaItemId: string, now: Date): Promise<boolean>;
  confirmSummary(agendaItemId: string, actorId: string, now: Date): Promise<boolean>;
  /** A case not heard: its outcome, once (false when it was started or already recorded). */
  recordUnheard(
    agendaItemId: string,
    record: {
      outcome: UnheardOutcome;
      reason: string | null;
      decidedBy: string | null;
      carriedToMeetingId: string | null;
      now: Date;
    },
  ): Promise<boolean>;
  /** The area's next open MARAC meeting after this one (not a closed session, not begun). */
  nextOpenMeeting(meetingId: string): Promise<{ id: string; circulated: boolean } | null>;
  /** Copies the case's agenda slot onto that meeting's agenda; false when it is already there. */
  carryForward(agendaItemId: string, toMeetingId: string, now: Date): Promise<boolean>;
  /** The chair ends the meeting: status ended, actual end (kept if Teams already ended it). */
  markRunEnded(meetingId: string, at: Date): Promise<void>;
  /** FR-069 once per case: true the first time only. */
  claimNextNotice(agendaItemId: string, now: Date): Promise<boolean>;
  recordPostedCard(card: {
    meetingId: string;
    agendaItemId: string | null;
    kind: PostedCardRecord['kind'];
    conversationId: string;
    activityId: string;
    now: Date;
  }): Promise<void>;
  listPostedCards(meetingId: string): Promise<PostedCardRecord[]>;
  markRedacted(postedCardId: string, now: Date): Promise<void>;
  /** Ended meetings with a posted card not yet rewritten to references only (retry job). */
  meetingsWithUnredactedCards(): Promise<string[]>;
  /** Idempotency of card invokes: false when this invoke id was already applied. */
  claimInvoke(invoke: {
    invokeId: string;
    meetingId: string;
    personId: string;
    verb: string;
    now: Date;
  }): Promise<boolean>;
  invokeApplied(invokeId: string): Promise<boolean>;
  acknowledgePerpetratorWarning(actionId: string, personId: string, now: Date): Promise<void>;
  rememberTeamsUser(entraObjectId: string, teamsUserId: string, now: Date): Promise<void>;
  teamsUserIds(entraObjectIds: string[]): Promise<Map<string, string>>;
  /**
   * Drops whatever a caching implementation holds for this meeting (called after the meeting
   * run's own writes, so the next card reads them). Optional: plain stores hold nothing.
   */
  forget?(meetingId: string): void;
}

/**
 * The action register as the meeting run writes to it: the ActionRepository
 * (store/action-store.ts), adapted in server/compose.ts. Reads for the cards come from the
 * meeting-run store.
 */
export interface RunActionWriter {
  create(
    input: {
      areaId: string;
      caseId: string;
      meetingId: string;
      agendaItemId: string;
      ownerAgencyId: string;
      ownerPersonId: string | null;
      description: string;
      category: ActionCategory;
      partnerAgencyIds: string[];
      dueOn: string;
      dueOverridden: boolean;
      state: ActionState;
      volunteeredBy: string | null;
    },
    actorPersonId: string,
    now: Date,
  ): Promise<{ id: string; reference: string; version: number }>;
  transition(
    actionId: string,
    request: {
      to: ActionState;
      expectedVersion: number;
      actorPersonId: string;
      now: Date;
      changes?: {
        description?: string;
        dueOn?: string;
        dueOverridden?: boolean;
        ownerAgencyId?: string;
        ownerPersonId?: string | null;
      };
      event?: string;
      note?: Record<string, string | number | boolean | null>;
    },
  ): Promise<{ id: string; reference: string; version: number }>;
}

/** What one transaction sees: both stores bound to it. */
export interface RunRepos {
  runs: MeetingRunRepository;
  actions: RunActionWriter;
  audit: AuditLog;
}
