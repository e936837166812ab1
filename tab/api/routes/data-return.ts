import {
  type CaseReturnDeps,
  listCaseReturns,
  saveCaseReturn,
} from '../../../core/reports/case-return-service.js';
import { policyRouter } from '../policy-router.js';
import type { TabApiFeature } from '../tab-api.js';
import { actorOf, param } from './route-helpers.js';

/**
 * The data the SafeLives return needs, per case (FR-118): the coordinator reads and corrects
 * it on the meeting workspace's agenda. The use cases check the role and the area again.
 */
export function dataReturnFeatures(deps: CaseReturnDeps): TabApiFeature[] {
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
  return [{ path: '/meetings', router: meetings.router }];
}
