import type { Router } from 'express';
import type { ResearchDeps } from '../../../core/research/research-repository.js';
import { researchStatusCounts } from '../../../core/research/research-service.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

/**
 * GET /api/meetings/:id/research: research status per invited agency (FR-038) over the cases
 * the viewer may see and each agency is involved in: returned, nil return, no involvement,
 * written submission, missing. Counts only, never research content; the same entitlement as
 * the case list, closed to invited agencies after the meeting as the case list is.
 */
export function researchStatusRoutes(deps: { research: ResearchDeps }): Router {
  const { router, get } = policyRouter('/meetings');
  get('/:meetingId/research', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await researchStatusCounts(deps.research, actorOf(res), param(req, 'meetingId')));
  });
  return router;
}
