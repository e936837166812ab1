import type { Router } from 'express';
import { z } from 'zod';
import {
  type MailAttentionDeps,
  mailNeedingAttention,
  resendMail,
} from '../../../core/outbox/mail-attention.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

/**
 * /api/outbox: the coordinator's notice of late and failed mail (references only) and the
 * resend of a failed one (audited). Coordinator only, the coordinator's own area only.
 */
export function outboxRoutes(deps: MailAttentionDeps): Router {
  const { router, get, post } = policyRouter('/outbox');

  get('/attention', async (_req, res) => {
    res.json(await mailNeedingAttention(deps, actorOf(res)));
  });

  post('/:outboxId/resend', async (req, res) => {
    const outboxId = z.uuid().parse(param(req, 'outboxId'));
    res.json(await resendMail(deps, actorOf(res), outboxId));
  });
  return router;
}
