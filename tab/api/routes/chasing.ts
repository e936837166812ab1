import type { Router } from 'express';
import { z } from 'zod';
import {
  blockedChasers,
  chaseHistory,
  type ChaseControlDeps,
  extendDueDate,
  setChasePaused,
} from '../../../core/chasing/chase-controls.js';
import {
  completeFromReply,
  dismissReply,
  listReplies,
  type ReplyDeps,
} from '../../../core/chasing/chase-replies.js';
import { awaitingConfirmation, decideVolunteered } from '../../../core/chasing/volunteered.js';
import { policyRouter } from '../policy-router.js';
import { idParam } from './actions.js';
import { actorOf } from './route-helpers.js';

const Empty = z.object({}).strict();
const DecideBody = z
  .object({ decision: z.enum(['confirm', 'reject']), version: z.number().int().positive() })
  .strict();
const CompleteBody = z.object({ version: z.number().int().positive() }).strict();
const RepliesQuery = z.object({ handled: z.enum(['0', '1']).optional() }).strict();
const ExtendBody = z
  .object({
    dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
    reason: z.string().trim().min(1, 'say why the due date is extended').max(1000),
    version: z.number().int().positive(),
  })
  .strict();

/**
 * /api/chasing: the coordinator's controls over chasing (pause, resume, extend a due date), an
 * action's chase history for the leads, and the chasers nobody received (FR-074, FR-075, FR-102).
 */
export function chasingRoutes(deps: ChaseControlDeps, replies: ReplyDeps): Router {
  const { router, get, post } = policyRouter('/chasing');

  get('/blocked', async (_req, res) => {
    res.json({ blocked: await blockedChasers(deps, actorOf(res)) });
  });

  get('/actions/:id', async (req, res) => {
    res.json(await chaseHistory(deps, actorOf(res), idParam(req, 'id', 'action')));
  });

  post('/actions/:id/pause', async (req, res) => {
    Empty.parse(req.body ?? {});
    res.json(await setChasePaused(deps, actorOf(res), idParam(req, 'id', 'action'), true));
  });

  post('/actions/:id/resume', async (req, res) => {
    Empty.parse(req.body ?? {});
    res.json(await setChasePaused(deps, actorOf(res), idParam(req, 'id', 'action'), false));
  });

  post('/actions/:id/extend', async (req, res) => {
    const body = ExtendBody.parse(req.body ?? {});
    res.json(await extendDueDate(deps, actorOf(res), idParam(req, 'id', 'action'), body));
  });

  get('/volunteered', async (_req, res) => {
    res.json({ actions: await awaitingConfirmation(deps, actorOf(res)) });
  });

  post('/actions/:id/decide', async (req, res) => {
    const body = DecideBody.parse(req.body ?? {});
    res.json(await decideVolunteered(deps, actorOf(res), idParam(req, 'id', 'action'), body));
  });

  // Replies to chasers in the MARAC mailbox: read in the tab only, one click to record completion.
  get('/replies', async (req, res) => {
    const query = RepliesQuery.parse(req.query);
    res.json({
      replies: await listReplies(replies, actorOf(res), { handled: query.handled === '1' }),
    });
  });

  post('/replies/:replyId/complete', async (req, res) => {
    const body = CompleteBody.parse(req.body ?? {});
    res.json(
      await completeFromReply(replies, actorOf(res), idParam(req, 'replyId', 'reply'), body),
    );
  });

  post('/replies/:replyId/dismiss', async (req, res) => {
    Empty.parse(req.body ?? {});
    res.json(await dismissReply(replies, actorOf(res), idParam(req, 'replyId', 'reply')));
  });

  return router;
}
