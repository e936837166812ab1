import type { Router } from 'express';
import type { ResearchDeps } from '../../../core/research/research-repository.js';
import {
  agencyResearch,
  caseResearch,
  researchGridView,
  returnResearch,
} from '../../../core/research/research-service.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

/**
 * Research returns in the tab (FR-038..FR-041): an agency's own cases and returns, its return
 * for one case, and for the meeting's leads the grid and one case's returns. Research text is
 * only ever sent to the tab, never cached, and never leaves it.
 */
export function researchRoutes(deps: { research: ResearchDeps }): Router {
  const { router, get, put } = policyRouter('/meetings');
  get('/:meetingId/research/mine', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await agencyResearch(deps.research, actorOf(res), param(req, 'meetingId')));
  });
  put('/:meetingId/research/cases/:itemId', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(
      await returnResearch(
        deps.research,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
        req.body,
      ),
    );
  });
  get('/:meetingId/research/grid', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await researchGridView(deps.research, actorOf(res), param(req, 'meetingId')));
  });
  get('/:meetingId/research/cases/:itemId', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(
      await caseResearch(
        deps.research,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
      ),
    );
  });
  return router;
}
