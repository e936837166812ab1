import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { Area } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { hasAnyRole, type Role } from '../roles.js';
import type { ActionHistoryEntry, ActionRepository } from './action-repository.js';
import {
  type ActionRecord,
  type ActionStateFilter,
  type Actor,
  type CloseRequest,
  isOverdue,
  planClose,
} from './action.js';

/** Repositories the action use cases need, bound to one transaction by the unit of work. */
export interface ActionRepos {
  actions: ActionRepository & {
    /** FR-077: the cases an agency is invited to (listed at a meeting it was invited to). */
    casesVisibleToAgency(areaId: string, agencyId: string): Promise<string[]>;
    /** Cancels queued chasers that now list only closed actions ("stop the moment closed"). */
    cancelChasersFor(actionId: string, now: Date): Promise<number>;
  };
  audit: AuditLog;
  areas: { getArea(areaId: string): Promise<Area | null> };
}

export interface ActionDeps {
  clock: Clock;
  repos: ActionRepos;
  uow: UnitOfWork<ActionRepos>;
}

export interface Viewer extends Actor {
  areaId: string;
}

/**
 * Roles that see every action of the area (R1 coordinator, R2 chair). Not the steering group:
 * it gets aggregates only (R9), from the governance report, never case-level actions.
 */
const AREA_WIDE: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];
/** Roles that read case-level actions at all (§1.2 "Read all actions on a case"). */
const CASE_ACTION_READERS: readonly Role[] = [
  ...AREA_WIDE,
  'representative',
  'deputy',
  'idva',
  'referrer',
];

function requireCaseActionReader(viewer: Viewer) {
  if (!hasAnyRole(viewer.roles, CASE_ACTION_READERS))
    throw new DomainError(
      'FORBIDDEN',
      'Case-level actions are for the MARAC leads and agencies; the steering group has the governance report.',
    );
}

export async function todayFor(
  deps: ActionDeps,
  areaId: string,
): Promise<{ area: Area; today: string }> {
  const area = await deps.repos.areas.getArea(areaId);
  if (!area) throw new DomainError('NOT_FOUND', 'The area does not exist.');
  return { area, today: localDay(deps.clock.now(), area.timeZone) };
}

export interface ListQuery {
  scope: 'mine' | 'agency' | 'area';
  state?: ActionStateFilter;
  agencyId?: string;
  meetingId?: string;
}

/**
 * The register as one viewer may see it:
 * - mine: actions they own; agency: their agency's (a lead may name any agency);
 * - area: everything for the coordinator and chairs; for agency people the
 *   actions of every case their agency is invited to (FR-077), not just their own.
 */
export async function listActionsFor(
  deps: ActionDeps,
  viewer: Viewer,
  q: ListQuery,
): Promise<{ actions: ActionRecord[]; today: string }> {
  requireCaseActionReader(viewer);
  const { today } = await todayFor(deps, viewer.areaId);
  const wide = hasAnyRole(viewer.roles, AREA_WIDE);
  const base = { areaId: viewer.areaId, state: q.state, today, meetingId: q.meetingId };
  let actions: ActionRecord[];
  if (q.scope === 'mine') {
    actions = await deps.repos.actions.listActions({ ...base, ownerPersonId: viewer.personId });
  } else if (q.scope === 'agency') {
    const agencyId = q.agencyId ?? viewer.agencyId;
    if (!agencyId)
      throw new DomainError(
        'VALIDATION_FAILED',
        'You belong to no agency: name one with agencyId.',
      );
    if (agencyId !== viewer.agencyId && !wide)
      throw new DomainError('FORBIDDEN', 'You can list only your own agency’s actions.');
    actions = await deps.repos.actions.listActions({ ...base, ownerAgencyId: agencyId });
  } else if (wide) {
    actions = await deps.repos.actions.listActions({
      ...base,
      ...(q.agencyId ? { ownerAgencyId: q.agencyId } : {}),
    });
  } else {
    if (!viewer.agencyId) return { actions: [], today };
    const caseIds = await deps.repos.actions.casesVisibleToAgency(viewer.areaId, viewer.agencyId);
    actions = await deps.repos.actions.listActions({
      ...base,
      caseIds,
      ...(q.agencyId ? { ownerAgencyId: q.agencyId } : {}),
    });
  }
  return { actions, today };
}

/** One action with its history, if the viewer may see it (FR-077; otherwise NOT_FOUND). */
export async function getActionFor(
  deps: ActionDeps,
  viewer: Viewer,
  actionId: string,
): Promise<{ action: ActionRecord; history: ActionHistoryEntry[]; today: string }> {
  const action = await visibleAction(deps, viewer, actionId);
  const { today } = await todayFor(deps, viewer.areaId);
  return { action, history: await deps.repos.actions.history(action.id), today };
}

async function visibleAction(
  deps: ActionDeps,
  viewer: Viewer,
  actionId: string,
): Promise<ActionRecord> {
  requireCaseActionReader(viewer);
  const action = await deps.repos.actions.getAction(actionId);
  if (!action || action.areaId !== viewer.areaId)
    throw new DomainError('NOT_FOUND', `No action ${actionId}.`);
  if (hasAnyRole(viewer.roles, AREA_WIDE)) return action;
  if (action.ownerPersonId === viewer.personId) return action;
  if (viewer.agencyId) {
    if (action.ownerAgencyId === viewer.agencyId) return action;
    const cases = await deps.repos.actions.casesVisibleToAgency(viewer.areaId, viewer.agencyId);
    if (cases.includes(action.caseId)) return action;
  }
  throw new DomainError('NOT_FOUND', `No action ${actionId}.`);
}

export interface CloseInput {
  outcome: 'done' | 'not-achievable';
  evidence?: string | null;
  reason?: string | null;
  completedOn?: string | null;
  confirmedBy?: string | null;
  version: number;
  /** true for the coordinator's "record the agency's confirmation" (FR-078). */
  recordedByCoordinator?: boolean;
}

/**
 * Completes or closes an action (FR-073, FR-076, FR-078): the owning agency in the tab, or the
 * coordinator recording that agency's confirmation. The change, its history row, its audit row
 * and the cancelling of queued chasers commit together; the chase ladder stops at once because
 * it only ever reads open actions.
 */
export async function closeAction(
  deps: ActionDeps,
  viewer: Viewer,
  actionId: string,
  input: CloseInput,
): Promise<ActionRecord> {
  const action = await visibleAction(deps, viewer, actionId);
  const { area, today } = await todayFor(deps, viewer.areaId);
  const request: CloseRequest = {
    outcome: input.outcome,
    evidence: input.evidence,
    reason: input.reason,
    completedOn: input.completedOn,
    source: input.recordedByCoordinator ? 'recorded-by-coordinator' : 'in-app',
    confirmedBy: input.confirmedBy,
  };
  const changes = planClose({ action, actor: viewer, request, policy: area.policy, today });
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const updated = await repos.actions.transition(action.id, {
      to: changes.state,
      expectedVersion: input.version,
      actorPersonId: viewer.personId,
      now,
      changes: {
        completionEvidence: changes.completionEvidence,
        notAchievableReason: changes.notAchievableReason,
        completedOn: changes.completedOn,
        confirmationSource: changes.confirmationSource,
      },
      ...(input.recordedByCoordinator
        ? { event: 'confirmation-recorded', note: { confirmedBy: input.confirmedBy ?? null } }
        : {}),
    });
    await repos.actions.cancelChasersFor(action.id, now);
    await repos.audit.record({
      at: now,
      areaId: action.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: changes.state === 'done' ? 'action.complete' : 'action.not-achievable',
      recordType: 'action',
      recordId: action.id,
      meetingId: action.meetingId,
      detail: {
        reference: action.reference,
        source: changes.confirmationSource,
        overdue: isOverdue(action, today),
      },
    });
    return updated;
  });
}
