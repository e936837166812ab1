import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import {
  GOVERNANCE_READERS,
  governanceReport,
  type GovernanceDeps,
} from '../../../core/reports/governance.js';
import {
  getPopulation,
  type PopulationDeps,
  savePopulation,
} from '../../../core/reports/population.js';
import { steeringPack, type SteeringPackDeps } from '../../../core/reports/steering-pack.js';
import { hasAnyRole } from '../../../core/roles.js';
import { steeringPackDocx } from '../files/steering-pack-docx.js';
import { steeringPackXlsx } from '../files/steering-pack-xlsx.js';
import { policyRouter } from '../policy-router.js';
import { actorOf } from './route-helpers.js';

const Period = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .strict();

/** The pack's query: the period, and optionally the steering group's version for anyone. */
const PackQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    version: z.enum(['steering', 'exact']).optional(),
  })
  .strict();

/**
 * GET /api/reports/governance?from=&to=: the steering/governance report (FR-115, KPI-1, KPI-3,
 * KPI-4, KPI-6, KPI-12, KPI-13, FR-075 escalations) for the coordinator, chair and steering
 * group; the steering group gets aggregates only (R9). Each view is audited (FR-104).
 *
 * GET /api/reports/steering-pack(.docx|.xlsx)?from=&to=[&version=steering]: the quarterly pack
 * (core/reports/steering-pack.ts) as JSON, a Word document or Excel tables; the steering group
 * always gets its suppressed version, the coordinator and chair may ask for it.
 * GET and PUT /api/reports/population: the local population figures (coordinator).
 */
export function governanceRoutes(
  deps: GovernanceDeps & SteeringPackDeps & { populationDeps: PopulationDeps },
): Router {
  const { router, get, put } = policyRouter('/reports');
  const mustRead = (res: Response) => {
    // The role is checked before the query is looked at (403 before 400).
    if (!hasAnyRole(actorOf(res).roles, GOVERNANCE_READERS))
      throw new DomainError(
        'FORBIDDEN',
        'The governance report is for the coordinator, chair and steering group.',
      );
  };
  get('/governance', async (req, res) => {
    const actor = actorOf(res);
    mustRead(res);
    const q = Period.parse(req.query);
    res.json(await governanceReport(deps, actor, { from: new Date(q.from), to: new Date(q.to) }));
  });

  const pack = (req: Request, res: Response, purpose: 'view' | 'docx' | 'xlsx') => {
    mustRead(res);
    const parsed = PackQuery.safeParse(req.query);
    if (!parsed.success)
      throw new DomainError(
        'VALIDATION_FAILED',
        'Give the period with `from` and `to` as ISO date-times (and `version` as steering or exact).',
      );
    const q = parsed.data;
    return steeringPack(
      deps,
      actorOf(res),
      { from: new Date(q.from), to: new Date(q.to) },
      { purpose, steeringVersion: q.version === 'steering' },
    );
  };
  const filename = (p: { period: { firstDay: string }; suppressed: boolean }, ext: string) =>
    `steering-pack-${p.period.firstDay}${p.suppressed ? '-aggregates' : ''}.${ext}`;
  get('/steering-pack', async (req, res) => {
    res.json(await pack(req, res, 'view'));
  });
  get('/steering-pack.docx', async (req, res) => {
    const p = await pack(req, res, 'docx');
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${filename(p, 'docx')}"`,
      })
      .send(await steeringPackDocx(p));
  });
  get('/steering-pack.xlsx', async (req, res) => {
    const p = await pack(req, res, 'xlsx');
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${filename(p, 'xlsx')}"`,
      })
      .send(await steeringPackXlsx(p));
  });
  get('/population', async (_req, res) => {
    res.json(await getPopulation(deps.populationDeps, actorOf(res)));
  });
  put('/population', async (req, res) => {
    res.json(await savePopulation(deps.populationDeps, actorOf(res), req.body));
  });
  return router;
}
