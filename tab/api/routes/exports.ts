import type { Response, Router } from 'express';
import { z } from 'zod';
import {
  type ExportDeps,
  exportActionRegister,
  exportAttendance,
  exportAuditLog,
  type ExportResult,
} from '../../../core/exports/export-service.js';
import { exportPeriodAttendance } from '../../../core/exports/period-attendance.js';
import { renderExport } from '../files/export-file.js';
import { policyRouter } from '../policy-router.js';
import { idParam } from './actions.js';
import { actorOf } from './route-helpers.js';

const format = z.enum(['xlsx', 'csv'], { message: 'choose xlsx or csv' }).default('xlsx');
const ActionsQuery = z.object({ format, meetingId: z.uuid().optional() }).strict();
const FormatQuery = z.object({ format }).strict();
const PeriodQuery = z
  .object({
    format,
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .strict();
const AuditQuery = z
  .object({
    format,
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

async function send(res: Response, result: ExportResult) {
  const file = await renderExport(result.table, result.format);
  res.set({
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${result.fileName}"`,
    'cache-control': 'no-store',
  });
  res.send(Buffer.from(file.content));
}

/**
 * /api/exports: the action register, a meeting's or a period's attendance and the audit log as Excel or CSV
 * files (FR-066, FR-071, FR-104). Each decides entitlement with the same rules as its screen's
 * JSON route and is audited with ids and counts only.
 */
export function exportRoutes(deps: ExportDeps): Router {
  const { router, get } = policyRouter('/exports');

  get('/actions', async (req, res) => {
    const q = ActionsQuery.parse(req.query);
    await send(res, await exportActionRegister(deps, actorOf(res), q));
  });

  get('/meetings/:meetingId/attendance', async (req, res) => {
    const q = FormatQuery.parse(req.query);
    const meetingId = idParam(req, 'meetingId', 'meeting');
    await send(res, await exportAttendance(deps, actorOf(res), meetingId, q.format));
  });

  get('/attendance', async (req, res) => {
    const q = PeriodQuery.parse(req.query);
    await send(
      res,
      await exportPeriodAttendance(deps, actorOf(res), {
        format: q.format,
        from: new Date(q.from),
        to: new Date(q.to),
      }),
    );
  });

  get('/audit', async (req, res) => {
    const q = AuditQuery.parse(req.query);
    await send(
      res,
      await exportAuditLog(deps, actorOf(res), {
        format: q.format,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      }),
    );
  });

  return router;
}
