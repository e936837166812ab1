import type {
  ActionCategory,
  ActionRecord,
  ActionState,
  ActionStateFilter,
  ConfirmationSource,
} from './action.js';

/**
 * The action register as core sees it (implemented by store/action-store.ts).
 *
 * Usage (e.g. the in-meeting cards):
 *   const store = new PgActionStore(db);                  // or bound to a transaction
 *   const a = await store.createAction({ ..., state: 'volunteered' }, actorId, now);
 *   await store.transition(a.id, { to: 'open', expectedVersion: a.version, actorPersonId, now });
 *   await store.transition(a.id, { to: 'rejected', expectedVersion: 2, actorPersonId, now });
 * Every create and transition appends an action_history row in the same transaction (FR-079).
 * transition throws DomainError NOT_FOUND, CONFLICT (stale version) or INVALID_STATE.
 */
export interface NewAction {
  areaId: string;
  caseId: string;
  meetingId?: string | null;
  agendaItemId?: string | null;
  ownerAgencyId: string;
  ownerPersonId?: string | null;
  description: string;
  category: ActionCategory;
  actionType?: string | null;
  linkedProcess?: string | null;
  isJoint?: boolean;
  partnerAgencyIds?: string[];
  /** Resolve with core/actions resolveDueOn (area rule or chair override). */
  dueOn: string;
  dueOverridden?: boolean;
  /** Any state; default 'volunteered'. 'open' stamps confirmed_by/at with the actor. */
  state?: ActionState;
  volunteeredBy?: string | null;
}

export interface ActionFilter {
  areaId?: string;
  caseId?: string;
  /** Several cases at once (FR-077: the cases an agency is invited to). */
  caseIds?: string[];
  meetingId?: string;
  ownerPersonId?: string;
  ownerAgencyId?: string;
  state?: ActionStateFilter;
  /** Area local day used for 'overdue' (required when state = 'overdue'). */
  today?: string;
  limit?: number;
}

export interface TransitionChanges {
  dueOn?: string;
  dueOverridden?: boolean;
  description?: string;
  ownerPersonId?: string | null;
  ownerAgencyId?: string;
  notAchievableReason?: string | null;
  completionEvidence?: string | null;
  completedOn?: string | null;
  confirmationSource?: ConfirmationSource | null;
  escalationLevel?: number;
}

export interface TransitionRequest {
  to: ActionState;
  /** Optimistic concurrency: the version the caller read; a mismatch is CONFLICT. */
  expectedVersion: number;
  actorPersonId: string | null;
  now: Date;
  changes?: TransitionChanges;
  /** History event name; defaults from the from/to states (confirmed, rejected, completed...). */
  event?: string;
  /** Extra, non-personal detail for the history row (e.g. confirmedBy for recorded confirmations). */
  note?: Record<string, string | number | boolean | null>;
}

export interface ActionHistoryEntry {
  at: Date;
  event: string;
  actorPersonId: string | null;
  actorName: string | null;
  changes: Record<string, unknown>;
}

export interface ActionRepository {
  createAction(input: NewAction, actorPersonId: string | null, now: Date): Promise<ActionRecord>;
  getAction(id: string): Promise<ActionRecord | null>;
  listActions(filter: ActionFilter): Promise<ActionRecord[]>;
  transition(id: string, request: TransitionRequest): Promise<ActionRecord>;
  history(id: string): Promise<ActionHistoryEntry[]>;
}
