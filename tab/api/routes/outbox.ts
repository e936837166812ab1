import { Router } from 'express';
import { z } from 'zod';
import {
  type MailAttentionDeps,
  mailNeedingAttention,
  resendMail,
} from '../../../core/outbox/mail-attention.js';
import { requireRole } from '../auth/principal.js';
import { actorOf, param } from './route-helpers.js';

/**
 * /api/outbox: the coordinator's notice of late and failed mail (references only) and the
 * resend of a failed one (audited). Coordinator only, the coordinator's own area only.
 */
export function outboxRoutes(deps: MailAttentionDeps): Router {
  const router = Router();
  const coordinator = requireRole('coordinator');

  router.get('/attention', coordinator, async (_req, res) => {
    res.json(await mailNeedingAttention(deps, actorOf(res)));
  });

  router.post('/:outboxId/resend', coordinator, async (req, res) => {
    const outboxId = z.uuid().parse(param(req, 'outboxId'));
    res.json(await resendMail(deps, actorOf(res), outboxId));
  });
  return router;
}
