import type { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import {
  GOVERNANCE_READERS,
  governanceReport,
  type GovernanceDeps,
} from '../../../core/reports/governance.js';
import { hasAnyRole } from '../../../core/roles.js';
import { policyRouter } from '../policy-router.js';
import { actorOf } from './route-helpers.js';

const Period = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .strict();

/**
 * GET /api/reports/governance?from=&to=: the steering/governance report (FR-115, KPI-1, KPI-3,
 * KPI-4, KPI-6, KPI-12, KPI-13, FR-075 escalations) for the coordinator, chair and steering
 * group; the steering group gets aggregates only (R9). Each view is audited (FR-104).
 */
export function governanceRoutes(deps: GovernanceDeps): Router {
  const { router, get } = policyRouter('/reports');
  get('/governance', async (req, res) => {
    const actor = actorOf(res);
    // The role is checked before the query is looked at (403 before 400).
    if (!hasAnyRole(actor.roles, GOVERNANCE_READERS))
      throw new DomainError(
        'FORBIDDEN',
        'The governance report is for the coordinator, chair and steering group.',
      );
    const q = Period.parse(req.query);
    res.json(await governanceReport(deps, actor, { from: new Date(q.from), to: new Date(q.to) }));
  });
  return router;
}
