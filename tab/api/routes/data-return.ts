import { z } from 'zod';
import {
  type CaseReturnDeps,
  type CaseReturnRepository,
  listCaseReturns,
  saveCaseReturn,
} from '../../../core/reports/case-return-service.js';
import {
  RETURN_READERS,
  safeLivesReturn,
  type SafeLivesReturnRepository,
} from '../../../core/reports/safelives-return.js';
import { DomainError } from '../../../core/errors.js';
import { hasAnyRole } from '../../../core/roles.js';
import { safeLivesReturnXlsx } from '../files/safelives-return-xlsx.js';
import { policyRouter } from '../policy-router.js';
import type { TabApiFeature } from '../tab-api.js';
import { actorOf, param } from './route-helpers.js';

const Which = z.union([
  z.object({ meetingId: z.uuid() }).strict(),
  z
    .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
    .strict(),
]);

/**
 * The SafeLives data return (FR-118): the per-case data on the meeting workspace's agenda, and
 * the per-meeting return (for one meeting, or every meeting of a period) as JSON with its
 * check list, or as an Excel download. Coordinator only; the use cases check again.
 */
export function dataReturnFeatures(
  deps: Omit<CaseReturnDeps, 'repos'> & {
    repos: CaseReturnRepository & SafeLivesReturnRepository;
  },
): TabApiFeature[] {
  const meetings = policyRouter('/meetings');
  meetings.get('/:meetingId/case-return', async (req, res) => {
    res.json(await listCaseReturns(deps, actorOf(res), param(req, 'meetingId')));
  });
  meetings.put('/:meetingId/case-return/:itemId', async (req, res) => {
    res.json(
      await saveCaseReturn(
        deps,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
        req.body,
      ),
    );
  });

  const reports = policyRouter('/reports');
  const which = (res: Parameters<typeof actorOf>[0], query: unknown) => {
    // The role before the query (403 before 400).
    if (!hasAnyRole(actorOf(res).roles, RETURN_READERS))
      throw new DomainError('FORBIDDEN', 'Only the coordinator prepares the SafeLives return.');
    const parsed = Which.safeParse(query);
    if (!parsed.success)
      throw new DomainError(
        'VALIDATION_FAILED',
        'Give a meeting, or a period with `from` and `to` as ISO date-times.',
      );
    const q = parsed.data;
    return 'meetingId' in q ? q : { from: new Date(q.from), to: new Date(q.to) };
  };
  reports.get('/safelives-return', async (req, res) => {
    res.json(await safeLivesReturn(deps, actorOf(res), which(res, req.query), 'view'));
  });
  reports.get('/safelives-return.xlsx', async (req, res) => {
    const asked = which(res, req.query);
    const result = await safeLivesReturn(deps, actorOf(res), asked, 'export');
    const first = result.rows[0]?.cells[1] ?? 'none';
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="safelives-return-${first}.xlsx"`,
      })
      .send(await safeLivesReturnXlsx(result));
  });
  return [
    { path: '/meetings', router: meetings.router },
    { path: '/reports', router: reports.router },
  ];
}
