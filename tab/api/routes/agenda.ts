import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import {
  addCase,
  agendaView,
  importCases,
  setPlannedMinutes,
  type AgendaDeps,
} from '../../../core/agenda/agenda-service.js';
import { deferCase, removeCase, reorderCase } from '../../../core/agenda/agenda-changes.js';
import { MAX_IMPORT_BYTES } from '../../../core/agenda/case-list-import.js';
import {
  templateColumns,
  templateCsv,
  templateGuidance,
} from '../../../core/agenda/case-list-template.js';
import { decideMove, moveCase, requestMove } from '../../../core/agenda/reorder.js';
import { checkAccess } from '../../../core/circulation/case-list.js';
import type { CirculationDeps } from '../../../core/circulation/circulation-deps.js';
import { DomainError } from '../../../core/errors.js';
import { readCaseListFile } from '../files/case-list-file.js';
import { templateXlsx } from '../files/case-list-template-file.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Subject = z
  .object({
    kind: z.enum(['victim', 'perpetrator', 'child']),
    fullName: z.string().trim().min(1).max(200),
    dateOfBirth: day.nullish().transform((v) => v ?? null),
    address: z
      .string()
      .trim()
      .max(300)
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();
const CaseBody = z
  .object({
    caseNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/, 'letters, digits and / _ . - only, at most 40'),
    riskLevel: z.enum(['very-high', 'high', 'medium']),
    riskScore: z
      .number()
      .int()
      .min(0)
      .max(200)
      .nullish()
      .transform((v) => v ?? null),
    referringAgencyId: z.uuid(),
    agenciesInvolved: z.array(z.uuid()).max(30).default([]),
    referredOn: day.nullish().transform((v) => v ?? null),
    incidentOn: day.nullish().transform((v) => v ?? null),
    summary: z.string().trim().min(1).max(2000),
    subjects: z
      .array(Subject)
      .min(2)
      .max(20)
      .refine((s) => s.some((x) => x.kind === 'victim'), 'a victim is required')
      .refine((s) => s.some((x) => x.kind === 'perpetrator'), 'a perpetrator is required'),
    markedRepeat: z.boolean().default(false),
    plannedMinutes: z
      .number()
      .int()
      .min(1)
      .max(120)
      .nullish()
      .transform((v) => v ?? null),
    permittedPersonIds: z.array(z.uuid()).max(50).default([]),
  })
  .strict();

// Accept any body type; a little headroom over the limit so the reader can say the size.
const rawParser = express.raw({ type: () => true, limit: MAX_IMPORT_BYTES * 4 });

/** The raw upload parser, stating the limit itself instead of express's generic 413. */
const rawUpload: RequestHandler = (req, res, next) =>
  rawParser(req, res, (error?: unknown) => {
    if (!error) return next();
    if ((error as { type?: string }).type === 'entity.too.large')
      return next(
        new DomainError('IMPORT_REJECTED', undefined, {
          problems: [
            {
              row: 0,
              field: 'file',
              message: `The file is larger than the ${MAX_IMPORT_BYTES / 1_048_576} MB limit. Split it or remove unused sheets and columns.`,
            },
          ],
        }),
      );
    next(error);
  });

/**
 * /api/meetings/:id/agenda and moves (FR-027..FR-030, FR-034). The agenda here carries no case
 * content (numbers, risk, repeat marks, planned times): content is only in the case list.
 */
export function agendaRoutes(deps: { agenda: AgendaDeps; circulation: CirculationDeps }): Router {
  const { router, get, patch, post } = policyRouter('/meetings');

  get('/:meetingId/agenda', async (req, res) => {
    res.json(await agendaView(deps.agenda, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/agenda', async (req, res) => {
    res
      .status(201)
      .json(
        await addCase(deps.agenda, actorOf(res), param(req, 'meetingId'), CaseBody.parse(req.body)),
      );
  });

  post('/:meetingId/agenda/import', rawUpload, async (req: Request, res: Response) => {
    const dryRun =
      z.object({ dryRun: z.enum(['true', 'false']).optional() }).parse(req.query).dryRun === 'true';
    const content = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
    const sheet = await readCaseListFile(content);
    const result = await importCases(deps.agenda, actorOf(res), param(req, 'meetingId'), sheet, {
      dryRun,
    });
    res.status(dryRun ? 200 : 201).json(result);
  });

  get('/:meetingId/agenda/template', async (req, res) => {
    const { format } = z
      .object({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') })
      .parse(req.query);
    const actor = actorOf(res);
    const meeting = await deps.agenda.repos.meetings.getMeeting(param(req, 'meetingId'));
    if (!meeting || meeting.areaId !== actor.areaId) throw new DomainError('NOT_FOUND');
    res.setHeader('cache-control', 'no-store');
    const agencies = await deps.agenda.repos.directory.listAgencies(actor.areaId);
    const agencyNames = agencies.map((a) => a.name);
    // The screen's explanation of the columns, from the same definitions as the files.
    if (format === 'json') {
      res.json({ columns: templateColumns(), guidance: templateGuidance(agencyNames) });
      return;
    }
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="case-list-template.csv"');
      res.send(templateCsv());
      return;
    }
    const file = await templateXlsx(agencyNames);
    res.setHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader('content-disposition', 'attachment; filename="case-list-template.xlsx"');
    res.send(Buffer.from(file));
  });

  post('/:meetingId/agenda/:itemId/position', async (req, res) => {
    const body = z.object({ toPosition: z.number().int() }).strict().parse(req.body);
    res.json(
      await reorderCase(
        deps.agenda,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
        body.toPosition,
      ),
    );
  });

  post('/:meetingId/agenda/:itemId/defer', async (req, res) => {
    z.object({})
      .strict()
      .parse(req.body ?? {});
    res.json(
      await deferCase(deps.agenda, actorOf(res), param(req, 'meetingId'), param(req, 'itemId')),
    );
  });

  post('/:meetingId/agenda/:itemId/remove', async (req, res) => {
    const body = z
      .object({ reason: z.string().max(1000) })
      .strict()
      .parse(req.body);
    res.json(
      await removeCase(
        deps.agenda,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
        body.reason,
      ),
    );
  });

  patch('/:meetingId/agenda/:itemId', async (req, res) => {
    const body = z.object({ plannedMinutes: z.number().int() }).strict().parse(req.body);
    res.json(
      await setPlannedMinutes(
        deps.agenda,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
        body.plannedMinutes,
      ),
    );
  });

  post('/:meetingId/agenda/:itemId/move', async (req, res) => {
    const body = z
      .object({ toPosition: z.number().int(), agencyId: z.uuid() })
      .strict()
      .parse(req.body);
    res.json(
      await moveCase(
        deps.agenda,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'itemId'),
        body,
      ),
    );
  });

  post('/:meetingId/agenda/:itemId/move-requests', async (req, res) => {
    const actor = actorOf(res);
    if (!actor.agencyId) throw new DomainError('FORBIDDEN', 'Only agency staff request moves.');
    // Who may ask (invited, signatory agency) is settled before the body is looked at.
    const { items } = await checkAccess(
      deps.circulation.repos,
      actor,
      param(req, 'meetingId'),
      deps.circulation.clock.now(),
    );
    const body = z.object({ toPosition: z.number().int() }).strict().parse(req.body);
    const itemId = param(req, 'itemId');
    if (!items.some((i) => i.agendaItemId === itemId && !i.isClosedSession))
      throw new DomainError('NOT_FOUND');
    const move = await requestMove(
      deps.agenda,
      { ...actor, agencyId: actor.agencyId },
      param(req, 'meetingId'),
      itemId,
      body.toPosition,
    );
    res.status(201).json({ move });
  });

  get('/:meetingId/move-requests', async (req, res) => {
    const meetingId = param(req, 'meetingId');
    const meeting = await deps.agenda.repos.meetings.getMeeting(meetingId);
    if (!meeting || meeting.areaId !== actorOf(res).areaId) throw new DomainError('NOT_FOUND');
    res.json({ moves: await deps.agenda.repos.agenda.listMoves(meetingId) });
  });

  post('/:meetingId/move-requests/:moveId/decision', async (req, res) => {
    const body = z.object({ approve: z.boolean() }).strict().parse(req.body);
    res.json(
      await decideMove(
        deps.agenda,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'moveId'),
        body.approve,
      ),
    );
  });

  return router;
}
