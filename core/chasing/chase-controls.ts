import type { ActionRepository } from '../actions/action-repository.js';
import { addCalendarDays, localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { Area } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { hasAnyRole, type Role } from '../roles.js';
import { inArea } from '../same-area.js';

/**
 * Actions still "volunteered" when their meeting ended (FR-071, FR-074): nobody confirmed them
 * in the meeting, so the chair (or deputy chair) confirms or rejects each afterwards. A
 * confirmed action is open: its owner gets the new-action notice and the chase ladder runs.
 */
export interface VolunteeredAction {
  id: string;
  reference: string;
  caseReference: string;
  ownerAgencyName: string;
  description: string;
  dueOn: string;
  version: number;
  meetingId: string | null;
}

/**
 * The coordinator's hold on chasing (FR-074, FR-075, FR-102): pause and resume chasing for one
 * action, extend its due date with a reason (the ladder restarts for the new date), see what
 * was sent for it to whom and when, and the chasers the allowed domains (or a missing
 * escalation recipient) stopped. Every change is audited and kept in the action's history.
 */
export interface ChasedAction {
  id: string;
  areaId: string;
  reference: string;
  meetingId: string | null;
  state: string;
  dueOn: string;
  version: number;
  chasePausedAt: Date | null;
}

export interface ChaseHistoryRow {
  at: Date;
  step: string;
  dueOn: string;
  recipientEmail: string;
  recipientName: string | null;
  /** pending / sending / sent / failed from the outbox, or blocked. */
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'blocked';
  sentAt: Date | null;
  problem: string | null;
}

export interface BlockedChaser {
  at: Date;
  actionId: string;
  reference: string;
  step: string;
  recipientEmail: string;
  reason: 'domain-not-allowed' | 'no-recipient';
}

export interface ChaseControlRepository {
  getAction(actionId: string): Promise<ChasedAction | null>;
  setPaused(actionId: string, by: string, pausedAt: Date | null, now: Date): Promise<void>;
  /** false when `expectedVersion` is stale. */
  extendDue(
    actionId: string,
    input: { from: string; to: string; reason: string; by: string; expectedVersion: number },
    now: Date,
  ): Promise<boolean>;
  chaseHistory(actionId: string): Promise<ChaseHistoryRow[]>;
  blocked(areaId: string, limit: number): Promise<BlockedChaser[]>;
  /** Actions still volunteered after their meeting ended, oldest meeting first. */
  volunteeredAfterMeeting(areaId: string): Promise<VolunteeredAction[]>;
}

export interface ChaseControlRepos {
  controls: ChaseControlRepository;
  actions: Pick<ActionRepository, 'transition'>;
  audit: AuditLog;
  areas: { getArea(areaId: string): Promise<Area | null> };
}

export interface ChaseControlDeps {
  clock: Clock;
  repos: ChaseControlRepos;
  uow: UnitOfWork<ChaseControlRepos>;
}

export interface ControlViewer {
  personId: string;
  areaId: string;
  roles: readonly Role[];
}

const LEADS: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];
/** A due date can move at most a year past today: a typo, not a plan, beyond that. */
const MAX_EXTENSION_DAYS = 366;

function requireCoordinator(viewer: ControlViewer) {
  if (!hasAnyRole(viewer.roles, ['coordinator']))
    throw new DomainError('FORBIDDEN', 'Only the coordinator can change how an action is chased.');
}

async function openAction(deps: ChaseControlDeps, viewer: ControlViewer, actionId: string) {
  const action = inArea(await deps.repos.controls.getAction(actionId), viewer);
  if (action.state !== 'open')
    throw new DomainError(
      'CONFLICT',
      `${action.reference} is closed: only open actions are chased.`,
    );
  return action;
}

/** Pause (or resume) the chase ladder and manual chases for one action. */
export async function setChasePaused(
  deps: ChaseControlDeps,
  viewer: ControlViewer,
  actionId: string,
  paused: boolean,
): Promise<{ reference: string; paused: boolean }> {
  requireCoordinator(viewer);
  const action = await openAction(deps, viewer, actionId);
  const now = deps.clock.now();
  if (Boolean(action.chasePausedAt) === paused) return { reference: action.reference, paused };
  await deps.uow.run(async (repos) => {
    await repos.controls.setPaused(action.id, viewer.personId, paused ? now : null, now);
    await repos.audit.record({
      at: now,
      areaId: action.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: paused ? 'action.chase-pause' : 'action.chase-resume',
      recordType: 'action',
      recordId: action.id,
      meetingId: action.meetingId,
      detail: { reference: action.reference },
    });
  });
  return { reference: action.reference, paused };
}

/** A new, later due date with the reason for it; chasing restarts from the new date. */
export async function extendDueDate(
  deps: ChaseControlDeps,
  viewer: ControlViewer,
  actionId: string,
  input: { dueOn: string; reason: string; version: number },
): Promise<{ reference: string; dueOn: string }> {
  requireCoordinator(viewer);
  const action = await openAction(deps, viewer, actionId);
  const area = await deps.repos.areas.getArea(viewer.areaId);
  if (!area) throw new DomainError('NOT_FOUND');
  const now = deps.clock.now();
  const today = localDay(now, area.timeZone);
  if (input.dueOn <= action.dueOn || input.dueOn < today)
    throw new DomainError(
      'VALIDATION_FAILED',
      'The new due date must be later than the current one and not in the past.',
    );
  if (input.dueOn > addCalendarDays(today, MAX_EXTENSION_DAYS))
    throw new DomainError('VALIDATION_FAILED', 'The new due date must be within a year.');
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('VALIDATION_FAILED', 'Say why the due date is extended.');
  await deps.uow.run(async (repos) => {
    const ok = await repos.controls.extendDue(
      action.id,
      {
        from: action.dueOn,
        to: input.dueOn,
        reason,
        by: viewer.personId,
        expectedVersion: input.version,
      },
      now,
    );
    if (!ok) throw new DomainError('CONFLICT');
    await repos.audit.record({
      at: now,
      areaId: action.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'action.extend-due',
      recordType: 'action',
      recordId: action.id,
      meetingId: action.meetingId,
      detail: { reference: action.reference, from: action.dueOn, to: input.dueOn },
    });
  });
  return { reference: action.reference, dueOn: input.dueOn };
}

/** What was sent for one action, to whom and when, and what could not be (the leads). */
export async function chaseHistory(
  deps: ChaseControlDeps,
  viewer: ControlViewer,
  actionId: string,
): Promise<{ reference: string; paused: boolean; chasers: ChaseHistoryRow[] }> {
  if (!hasAnyRole(viewer.roles, LEADS))
    throw new DomainError('FORBIDDEN', 'Chase history is for the coordinator and the chairs.');
  const action = inArea(await deps.repos.controls.getAction(actionId), viewer);
  return {
    reference: action.reference,
    paused: Boolean(action.chasePausedAt),
    chasers: await deps.repos.controls.chaseHistory(action.id),
  };
}

/** The chasers nobody received: domains not allowed, or no one to escalate to (newest first). */
export async function blockedChasers(
  deps: ChaseControlDeps,
  viewer: ControlViewer,
): Promise<BlockedChaser[]> {
  requireCoordinator(viewer);
  return deps.repos.controls.blocked(viewer.areaId, 200);
}
