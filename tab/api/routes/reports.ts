import type { Router } from 'express';
import { z } from 'zod';
import { attendanceReport } from '../../../core/attendance/attendance-report.js';
import type { AttendanceRepository } from '../../../core/attendance/attendance-repository.js';
import { policyRouter } from '../policy-router.js';
import { actorOf } from './route-helpers.js';

const Period = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

/**
 * /api/reports/attendance?from=&to=: the governance attendance report (A-13, KPI-4) for the
 * coordinator, chair and steering group (aggregates only for the steering group).
 */
export function reportRoutes(deps: { repos: AttendanceRepository }): Router {
  const { router, get } = policyRouter('/reports');
  get('/attendance', async (req, res) => {
    const q = Period.parse(req.query);
    res.json(
      await attendanceReport(deps, actorOf(res), { from: new Date(q.from), to: new Date(q.to) }),
    );
  });
  return router;
}
