import type { Router } from 'express';
import { z } from 'zod';
import {
  attestCamera,
  type LiveAttendanceDeps,
  liveAttendance,
  recordApology,
} from '../../../core/attendance/live-attendance.js';
import { matchUnknownJoiner } from '../../../core/attendance/match-joiner.js';
import type { ReconcileDeps } from '../../../core/attendance/reconcile-meeting.js';
import { DomainError } from '../../../core/errors.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const AttestBody = z
  .object({
    personId: z.uuid(),
    cameraOn: z.boolean(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).nullable().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

const ApologyBody = z
  .object({
    agencyId: z.uuid(),
    personId: z.uuid().optional(),
    writtenSubmission: z.boolean(),
  })
  .strict();

/**
 * /api/meetings/:id/attendance and /apologies: the chair console's live attendance (A-05,
 * ), the chair's camera attestation (FR-062, source `attestation`) and apologies with
 * written submissions (A-07, FR-064). Chair, deputy chair and coordinator only; others 403.
 */
const MatchBody = z.object({ personId: z.uuid('Choose the person this joiner was.') }).strict();

export function attendanceRoutes(deps: {
  attendance: LiveAttendanceDeps;
  reconcile?: ReconcileDeps;
}): Router {
  const { router, get, post } = policyRouter('/meetings');

  get('/:meetingId/attendance', async (req, res) => {
    res.json(await liveAttendance(deps.attendance, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/attendance/attest', async (req, res) => {
    const body = AttestBody.parse(req.body);
    const result = await attestCamera(deps.attendance, actorOf(res), param(req, 'meetingId'), {
      personId: body.personId,
      cameraOn: body.cameraOn,
      from: body.from ? new Date(body.from) : undefined,
      to: body.to === undefined ? undefined : body.to === null ? null : new Date(body.to),
      note: body.note ?? null,
    });
    res.status(201).json(result);
  });

  post('/:meetingId/apologies', async (req, res) => {
    const body = ApologyBody.parse(req.body);
    res
      .status(201)
      .json(await recordApology(deps.attendance, actorOf(res), param(req, 'meetingId'), body));
  });

  post('/:meetingId/attendance/unmatched/:unmatchedId/match', async (req, res) => {
    const body = MatchBody.parse(req.body);
    const unmatchedId = param(req, 'unmatchedId');
    if (!z.uuid().safeParse(unmatchedId).success)
      throw new DomainError('NOT_FOUND', 'That unknown joiner is not in this meeting.');
    res.json(
      await matchUnknownJoiner(
        { ...deps.attendance, reconcile: deps.reconcile ?? null },
        actorOf(res),
        param(req, 'meetingId'),
        unmatchedId,
        body.personId,
      ),
    );
  });

  return router;
}
