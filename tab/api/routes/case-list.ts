import type { Router } from 'express';
import {
  acceptDeclaration,
  circulationStatus,
  declarationStatus,
  viewCaseList,
} from '../../../core/circulation/case-list.js';
import { circulateMeeting } from '../../../core/circulation/circulate.js';
import type { CirculationDeps } from '../../../core/circulation/circulation-deps.js';
import { exportCaseList } from '../../../core/circulation/export-case-list.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

/**
 * /api/meetings/:id/case-list, declaration and circulation (FR-031..FR-033, FR-046, FR-100,
 * FR-104). Case content is returned only to entitled people who accepted the declaration;
 * every view (and every refusal) is audited.
 */
export function caseListRoutes(deps: { circulation: CirculationDeps }): Router {
  const { router, get, post } = policyRouter('/meetings');
  const c = deps.circulation;

  get('/:meetingId/declaration', async (req, res) => {
    res.json(await declarationStatus(c, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/declaration', async (req, res) => {
    res.status(201).json(await acceptDeclaration(c, actorOf(res), param(req, 'meetingId')));
  });

  get('/:meetingId/case-list', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await viewCaseList(c, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/case-list/export', async (req, res) => {
    res.status(201).json(await exportCaseList(c, actorOf(res), param(req, 'meetingId')));
  });

  get('/:meetingId/circulation', async (req, res) => {
    res.json(await circulationStatus(c, actorOf(res).areaId, param(req, 'meetingId')));
  });

  post('/:meetingId/circulation', async (req, res) => {
    const actor = actorOf(res);
    const meeting = await c.repos.meetings.getMeeting(param(req, 'meetingId'));
    if (!meeting || meeting.areaId !== actor.areaId) {
      res
        .status(404)
        .json({ error: { code: 'NOT_FOUND', message: 'That record does not exist.' } });
      return;
    }
    const result = await circulateMeeting(c, meeting.id, actor.personId);
    res.status(result ? 201 : 200).json({ circulation: result });
  });

  return router;
}
