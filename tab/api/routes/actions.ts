import type { Router } from 'express';
import { z } from 'zod';
import {
  type ActionDeps,
  closeAction,
  getActionFor,
  listActionsFor,
} from '../../../core/actions/action-service.js';
import { type ActionRecord, isOverdue } from '../../../core/actions/action.js';
import { DomainError } from '../../../core/errors.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const version = z.number().int().positive();

/** A malformed id (e.g. a mangled deep link) is a 400 that says so, never a 500 or a 404. */
export function idParam(req: Parameters<typeof param>[0], name: string, what: string): string {
  const id = param(req, name);
  if (!uuid.test(id))
    throw new DomainError(
      'VALIDATION_FAILED',
      `"${id.slice(0, 60)}" is not a valid ${what} id: the link may be broken or incomplete.`,
    );
  return id.toLowerCase();
}

const ListQuery = z
  .object({
    scope: z.enum(['mine', 'agency', 'area']).default('mine'),
    state: z
      .enum(['open', 'done', 'not-achievable', 'overdue', 'volunteered', 'rejected'])
      .optional(),
    agencyId: z.uuid().optional(),
    meetingId: z.uuid().optional(),
  })
  .strict();
const CompleteBody = z
  .object({
    evidence: z.string().trim().max(4000).optional(),
    completedOn: day.optional(),
    version,
  })
  .strict();
const NotAchievableBody = z
  .object({ reason: z.string().trim().max(4000).optional(), version })
  .strict();
const ConfirmationBody = z
  .object({
    outcome: z.enum(['done', 'not-achievable']),
    evidence: z.string().trim().max(4000).optional(),
    reason: z.string().trim().max(4000).optional(),
    completedOn: day.optional(),
    confirmedBy: z.string().trim().min(1, 'say who at the agency confirmed it').max(200),
    version,
  })
  .strict();
const ChaseBody = z.object({ actionIds: z.array(z.uuid()).min(1).max(500) }).strict();

/** The action as the tab sees it (the contract the tab/web helper builds against). */
export function actionJson(a: ActionRecord, today: string) {
  return {
    id: a.id,
    reference: a.reference,
    caseReference: a.caseReference,
    meetingId: a.meetingId,
    ownerAgency: { id: a.ownerAgencyId, name: a.ownerAgencyName },
    ownerPerson: a.ownerPersonId
      ? { id: a.ownerPersonId, displayName: a.ownerPersonName ?? '' }
      : null,
    description: a.description,
    category: a.category,
    dueOn: a.dueOn,
    dueOverridden: a.dueOverridden,
    state: a.state,
    overdue: isOverdue(a, today),
    completedOn: a.completedOn,
    completionEvidence: a.completionEvidence,
    notAchievableReason: a.notAchievableReason,
    confirmationSource: a.confirmationSource,
    isJoint: a.isJoint,
    partnerAgencyIds: a.partnerAgencyIds,
    escalationLevel: a.escalationLevel,
    version: a.version,
  };
}

export interface ActionRouteDeps {
  actions: ActionDeps;
  /** Coordinator bulk chase: one bundled mail per owner now; returns what was queued. */
  chaseNow(
    viewer: ReturnType<typeof actorOf>,
    actionIds: string[],
  ): Promise<{ queued: number; mails: number; skipped: { id: string; reason: string }[] }>;
}

/**
 * /api/actions: the action register (FR-071..FR-079). Everyone signed in sees what FR-077
 * allows; only the owning agency completes (FR-078) and the coordinator records confirmations
 * and chases in bulk.
 */
export function actionRoutes(deps: ActionRouteDeps): Router {
  const { router, get, post } = policyRouter('/actions');

  get('/', async (req, res) => {
    const q = ListQuery.parse(req.query);
    const { actions, today } = await listActionsFor(deps.actions, actorOf(res), q);
    res.json({ actions: actions.map((a) => actionJson(a, today)) });
  });

  post('/chase', async (req, res) => {
    const body = ChaseBody.parse(req.body ?? {});
    res.json(await deps.chaseNow(actorOf(res), body.actionIds));
  });

  get('/:id', async (req, res) => {
    const id = idParam(req, 'id', 'action');
    const { action, history, today } = await getActionFor(deps.actions, actorOf(res), id);
    res.json({
      ...actionJson(action, today),
      history: history.map((h) => ({
        at: h.at,
        event: h.event,
        actor: h.actorPersonId ? { id: h.actorPersonId, displayName: h.actorName } : null,
        changes: h.changes,
      })),
    });
  });

  post('/:id/complete', async (req, res) => {
    const id = idParam(req, 'id', 'action');
    const body = CompleteBody.parse(req.body ?? {});
    const updated = await closeAction(deps.actions, actorOf(res), id, {
      outcome: 'done',
      ...body,
    });
    res.json(actionJson(updated, updated.completedOn ?? updated.dueOn));
  });

  post('/:id/not-achievable', async (req, res) => {
    const id = idParam(req, 'id', 'action');
    const body = NotAchievableBody.parse(req.body ?? {});
    const updated = await closeAction(deps.actions, actorOf(res), id, {
      outcome: 'not-achievable',
      ...body,
    });
    res.json(actionJson(updated, updated.dueOn));
  });

  post('/:id/record-confirmation', async (req, res) => {
    const id = idParam(req, 'id', 'action');
    const body = ConfirmationBody.parse(req.body ?? {});
    const updated = await closeAction(deps.actions, actorOf(res), id, {
      ...body,
      recordedByCoordinator: true,
    });
    res.json(actionJson(updated, updated.dueOn));
  });

  return router;
}
