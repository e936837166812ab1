import type { ActionDueRule, AreaPolicy } from '../area-policy.js';
import {
  addCalendarDays,
  endOfWeek,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from '../calendar/index.js';
import type { Nation } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { ActionCategory, ActionState } from '../model.js';
import type { Role } from '../roles.js';
import { AGENCY_VOICE_ROLES, hasAnyRole } from '../roles.js';

/**
 * The action model (REQUIREMENTS.md §3.7, FR-071..FR-079). Pure: no I/O.
 *
 * States: volunteered (offered in the meeting, not yet confirmed by the chair) → open (assigned
 * or confirmed) or rejected; open → done | not-achievable (FR-076: with a reason); a closed
 * action may be reopened by the coordinator. 'overdue' is not stored: it is derived, an open
 * action whose due date is before today (FR-071).
 */
export const ACTION_STATES = ['volunteered', 'rejected', 'open', 'done', 'not-achievable'] as const;
export const ACTION_CATEGORIES = ['victim', 'children', 'perpetrator', 'staff', 'other'] as const;
export type { ActionCategory, ActionState };

/** The state the register filters on: a stored state, or the derived 'overdue'. */
export type ActionStateFilter = ActionState | 'overdue';

export type ConfirmationSource = 'in-app' | 'email' | 'recorded-by-coordinator';

export interface ActionRecord {
  id: string;
  areaId: string;
  caseId: string;
  /** The case number, the only case identifier that may leave the tab (IS-07). */
  caseReference: string;
  meetingId: string | null;
  agendaItemId: string | null;
  /** "A-0142": used in mail, cards and chat instead of any case content. */
  reference: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  description: string;
  category: ActionCategory;
  actionType: string | null;
  linkedProcess: string | null;
  isJoint: boolean;
  partnerAgencyIds: string[];
  dueOn: string;
  dueOverridden: boolean;
  state: ActionState;
  notAchievableReason: string | null;
  completionEvidence: string | null;
  completedOn: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  confirmationSource: ConfirmationSource | null;
  volunteeredBy: string | null;
  volunteeredAt: Date | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  escalationLevel: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** FR-071: overdue = still open and due before today (area local day). */
export function isOverdue(action: Pick<ActionRecord, 'state' | 'dueOn'>, today: string): boolean {
  return action.state === 'open' && action.dueOn < today;
}

/** Open actions are live; done / not-achievable / rejected are closed and never chased. */
export function isClosed(state: ActionState): boolean {
  return state === 'done' || state === 'not-achievable' || state === 'rejected';
}

/** Allowed state changes. `open → open` is an edit (e.g. the chair moves the due date). */
const TRANSITIONS: Record<ActionState, readonly ActionState[]> = {
  volunteered: ['open', 'rejected', 'volunteered'],
  rejected: ['volunteered'],
  open: ['open', 'done', 'not-achievable'],
  done: ['open'],
  'not-achievable': ['open'],
};

export function canTransition(from: ActionState, to: ActionState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The history event name for a change of state (FR-079). */
export function transitionEvent(from: ActionState, to: ActionState): string {
  if (from === to) return 'updated';
  if (to === 'open') return from === 'volunteered' ? 'confirmed' : 'reopened';
  if (to === 'rejected') return 'rejected';
  if (to === 'done') return 'completed';
  if (to === 'not-achievable') return 'not-achievable';
  return 'volunteered';
}

// ---------------------------------------------------------------------------------------------
// Due dates (FR-072, AC-09)

/**
 * The default due date for an action agreed at a meeting on `meetingDay` (area local day):
 * - 'plus-14-days' (Liverpool 004:461): 14 calendar days later, moved to the next working day
 *   if that lands on a weekend or bank holiday;
 * - 'end-of-marac-week' (RDaSH 002:75): the Friday of the meeting's week, or the last working
 *   day before it when the Friday is a bank holiday (never before the meeting day);
 * - 'same-day' (001:937): the meeting day.
 */
export function defaultDueOn(rule: ActionDueRule, meetingDay: string, nation: Nation): string {
  switch (rule) {
    case 'same-day':
      return meetingDay;
    case 'plus-14-days': {
      const day = addCalendarDays(meetingDay, 14);
      return isWorkingDay(day, nation) ? day : nextWorkingDay(day, nation);
    }
    case 'end-of-marac-week': {
      let day = endOfWeek(meetingDay);
      if (!isWorkingDay(day, nation)) day = previousWorkingDay(day, nation);
      return day < meetingDay ? meetingDay : day;
    }
  }
}

/**
 * The due date for a new action: the chair's override when given (FR-072: shown as overridden),
 * else the area rule. A due date before `today` is refused (bad input).
 */
export function resolveDueOn(input: {
  override?: string | null;
  policy: Pick<AreaPolicy, 'actionDueRule'>;
  meetingDay: string;
  today: string;
  nation: Nation;
}): { dueOn: string; dueOverridden: boolean } {
  if (input.override) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.override))
      throw new DomainError('VALIDATION_FAILED', 'The due date must be a day as YYYY-MM-DD.');
    if (input.override < input.today)
      throw new DomainError(
        'DUE_DATE_IN_PAST',
        `The due date ${input.override} is before today (${input.today}).`,
      );
    return { dueOn: input.override, dueOverridden: true };
  }
  const dueOn = defaultDueOn(input.policy.actionDueRule, input.meetingDay, input.nation);
  return { dueOn: dueOn < input.today ? input.today : dueOn, dueOverridden: false };
}

// ---------------------------------------------------------------------------------------------
// References (A-0001 per area, UNIQUE(area_id, reference))

/** The n-th action reference of an area: A-0001 ... A-9999, then A-10000 and beyond. */
export function formatActionReference(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`reference number must be >= 1: ${n}`);
  return `A-${String(n).padStart(4, '0')}`;
}

export function parseActionReference(reference: string): number | null {
  const m = /^A-(\d{4,})$/.exec(reference);
  return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------
// Closing rules (FR-073, FR-076, FR-078, AC-12, AC-13)

export interface Actor {
  personId: string;
  agencyId: string | null;
  roles: readonly Role[];
}

/** FR-078: only the owning agency's representative, deputy (or its IDVA) closes its action. */
export function speaksForOwningAgency(
  actor: Actor,
  action: Pick<ActionRecord, 'ownerAgencyId' | 'ownerPersonId'>,
): boolean {
  if (actor.personId === action.ownerPersonId) return true;
  return actor.agencyId === action.ownerAgencyId && hasAnyRole(actor.roles, AGENCY_VOICE_ROLES);
}

export interface CloseRequest {
  outcome: 'done' | 'not-achievable';
  evidence?: string | null;
  reason?: string | null;
  /** Defaults to today; may not be in the future nor before the action was created. */
  completedOn?: string | null;
  /** 'recorded-by-coordinator' when the coordinator records the agency's confirmation. */
  source: ConfirmationSource;
  /** Who at the agency confirmed it (required for 'recorded-by-coordinator'). */
  confirmedBy?: string | null;
}

export interface ClosingChanges {
  state: 'done' | 'not-achievable';
  completionEvidence: string | null;
  notAchievableReason: string | null;
  completedOn: string;
  confirmationSource: ConfirmationSource;
}

/**
 * Validates closing an action and returns the fields to store. Throws DomainError:
 * ACTION_NOT_OWNED (FR-078), EVIDENCE_REQUIRED (AC-12), REASON_REQUIRED (FR-076),
 * INVALID_STATE, VALIDATION_FAILED (completion date in the future or malformed).
 */
export function planClose(input: {
  action: Pick<ActionRecord, 'state' | 'ownerAgencyId' | 'ownerPersonId' | 'createdAt'>;
  actor: Actor;
  request: CloseRequest;
  policy: Pick<AreaPolicy, 'completionEvidence'>;
  today: string;
}): ClosingChanges {
  const { action, actor, request, policy, today } = input;
  // 'email': the coordinator records what the owner said in a reply to a chaser (FR-078).
  if (request.source === 'recorded-by-coordinator' || request.source === 'email') {
    if (!actor.roles.includes('coordinator'))
      throw new DomainError('FORBIDDEN', 'Only the coordinator records an agency confirmation.');
    if (!request.confirmedBy?.trim())
      throw new DomainError(
        'VALIDATION_FAILED',
        'Say who at the owning agency confirmed it (confirmedBy) (FR-078).',
      );
  } else if (!speaksForOwningAgency(actor, action)) {
    throw new DomainError(
      'ACTION_NOT_OWNED',
      'Only the owning agency’s representative or deputy can close this action; the coordinator can record the agency’s confirmation instead (FR-078).',
    );
  }
  if (action.state !== 'open')
    throw new DomainError(
      'INVALID_STATE',
      `The action is ${action.state}; only an open action can be closed.`,
    );
  const evidence = request.evidence?.trim() || null;
  const reason = request.reason?.trim() || null;
  if (request.outcome === 'not-achievable' && !reason)
    throw new DomainError('REASON_REQUIRED', 'Say why the action cannot be achieved (FR-076).');
  if (request.outcome === 'done' && policy.completionEvidence === 'required' && !evidence)
    throw new DomainError(
      'EVIDENCE_REQUIRED',
      'This area requires completion detail (evidence) before an action is closed (AC-12).',
    );
  const completedOn = request.completedOn ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(completedOn))
    throw new DomainError('VALIDATION_FAILED', 'completedOn must be a day as YYYY-MM-DD.');
  if (completedOn > today)
    throw new DomainError('VALIDATION_FAILED', `completedOn ${completedOn} is in the future.`);
  return {
    state: request.outcome,
    completionEvidence: request.outcome === 'done' ? evidence : null,
    notAchievableReason: request.outcome === 'not-achievable' ? reason : null,
    completedOn,
    confirmationSource: request.source,
  };
}
