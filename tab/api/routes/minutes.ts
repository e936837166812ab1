import type { Router } from 'express';
import { z } from 'zod';
import { type ActionDeps, todayFor } from '../../../core/actions/action-service.js';
import { seesCase } from '../../../core/circulation/case-access.js';
import type { CirculationRepos } from '../../../core/circulation/circulation-deps.js';
import { DomainError } from '../../../core/errors.js';
import type { Minutes, MinutesReader } from '../../../core/minutes/minutes.js';
import { agencyExtract, visibleMinutes } from '../../../core/minutes/minutes.js';
import {
  addMinutesAddendum,
  circulateMinutes,
  decideMinutes,
  type MinutesWorkflowDeps,
  recordCaseMinutes,
  submitMinutes,
} from '../../../core/minutes/minutes-workflow.js';
import { checkMinutesAccess } from '../../../core/minutes/minutes-access.js';
import { hasAnyRole } from '../../../core/roles.js';
import type { AuditLog } from '../../../core/ports/audit-log.js';
import type { Directory } from '../../../core/ports/directory.js';
import { minutesDocx } from '../files/minutes-docx.js';
import { actionJson, idParam } from './actions.js';
import { policyRouter } from '../policy-router.js';
import { actorOf } from './route-helpers.js';

export interface MinutesRouteDeps {
  actions: ActionDeps;
  minutes: MinutesReader;
  /** The case list's repositories: minutes follow its need-to-know (checkMinutesAccess). */
  circulation: CirculationRepos;
  directory: Directory;
  audit: AuditLog;
  workflow: MinutesWorkflowDeps;
}

const Text = z.string().trim().max(4000, 'Keep this under 4,000 characters.');
const CaseRecordBody = z
  .object({
    riskSummary: Text.nullable().optional(),
    victimViews: Text.nullable().optional(),
    decisions: Text.nullable().optional(),
    dissent: Text.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Say what to record.' });
const DecisionBody = z.object({ decision: z.enum(['approve', 'return']) }).strict();
const AddendumBody = z
  .object({
    agendaItemId: z.uuid().nullable().optional(),
    body: z.string().trim().min(1, 'Write the correction.').max(4000),
  })
  .strict();
const blank = (v: string | null | undefined) => (v === undefined ? undefined : v ? v : null);

/**
 * /api/meetings/:id/minutes (JSON, view-only in the tab) and /minutes.docx (only where the area
 * allows download, FR-088, IS-06); both audited (FR-104). Who may read them is who may read the
 * meeting's case list, after the declaration, never observers (checkMinutesAccess); closed-session
 * case sheets only for those permitted (FR-100).
 */
export function minutesRoutes(deps: MinutesRouteDeps): Router {
  const { router, get, post, put } = policyRouter('/meetings');

  /**
   * Need-to-know first (checkMinutesAccess), then the minutes with permitted case sheets. The
   * meeting's leads read the whole minutes at every stage; everyone else once they are
   * circulated, as their agency's extract (FR-090).
   */
  const load = async (
    res: Parameters<typeof actorOf>[0],
    meetingId: string,
  ): Promise<{ minutes: Minutes; areaId: string; lead: boolean }> => {
    const viewer = actorOf(res);
    const now = deps.actions.clock.now();
    const { meeting, access } = await checkMinutesAccess(deps.circulation, viewer, meetingId, now);
    const { today } = await todayFor(deps.actions, viewer.areaId);
    const full = await deps.minutes.minutes(meeting.id, today);
    if (!full)
      throw new DomainError(
        'NOT_FOUND',
        'Minutes are kept on the main meeting, not a closed session.',
      );
    const { areaId, permitted, ...minutes } = full;
    const visible = visibleMinutes(minutes, (caseNumber) =>
      seesCase(access, viewer.personId, {
        isClosedSession: true,
        permittedPersonIds: permitted[caseNumber] ?? [],
      }),
    );
    const lead =
      access.seesEveryClosedCase ||
      hasAnyRole(viewer.roles, ['coordinator', 'chair', 'deputy-chair']);
    if (lead) return { areaId, minutes: visible, lead };
    const agency = viewer.agencyId ? await deps.directory.getAgency(viewer.agencyId) : null;
    return {
      areaId,
      lead,
      minutes: agencyExtract(visible, {
        id: agency?.id ?? '',
        name: agency?.name ?? 'your agency',
      }),
    };
  };

  /** Before circulation a member who is not a lead learns only where the minutes stand. */
  const notYet = (m: Minutes) => ({
    maracName: m.maracName,
    meeting: m.meeting,
    workflow: m.workflow,
    notYetCirculated: true,
  });

  get('/:id/minutes', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    const viewer = actorOf(res);
    const { minutes, areaId, lead } = await load(res, meetingId);
    if (!lead && minutes.workflow.status !== 'circulated') {
      res.set('cache-control', 'no-store').json(notYet(minutes));
      return;
    }
    const now = deps.actions.clock.now();
    await deps.minutes.recordExport(meetingId, 'view', viewer.personId, now);
    await deps.audit.record({
      at: now,
      areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'minutes.view',
      recordType: 'meeting',
      recordId: meetingId,
      meetingId,
      detail: { cases: minutes.cases.length, extract: minutes.extract ? 1 : 0 },
    });
    res.set('cache-control', 'no-store').json(minutes);
  });

  put('/:id/minutes/cases/:itemId', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    const itemId = idParam(req, 'itemId', 'case');
    const body = CaseRecordBody.parse(req.body);
    const record = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, blank(v)]),
    ) as Record<string, string | null>;
    res.json(await recordCaseMinutes(deps.workflow, actorOf(res), meetingId, itemId, record));
  });

  post('/:id/minutes/submit', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    z.object({})
      .strict()
      .parse(req.body ?? {});
    res.json(await submitMinutes(deps.workflow, actorOf(res), meetingId));
  });

  post('/:id/minutes/decision', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    const body = DecisionBody.parse(req.body);
    res.json(await decideMinutes(deps.workflow, actorOf(res), meetingId, body.decision));
  });

  post('/:id/minutes/circulate', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    z.object({})
      .strict()
      .parse(req.body ?? {});
    res.json(await circulateMinutes(deps.workflow, actorOf(res), meetingId));
  });

  post('/:id/minutes/addenda', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    const body = AddendumBody.parse(req.body);
    res.status(201).json(
      await addMinutesAddendum(deps.workflow, actorOf(res), meetingId, {
        agendaItemId: body.agendaItemId ?? null,
        body: body.body,
      }),
    );
  });

  get('/:id/minutes.docx', async (req, res) => {
    const meetingId = idParam(req, 'id', 'meeting');
    const viewer = actorOf(res);
    const { minutes, areaId, lead } = await load(res, meetingId);
    if (!lead && minutes.workflow.status !== 'circulated')
      throw new DomainError('INVALID_STATE', 'These minutes have not been circulated yet.');
    const area = await deps.directory.getArea(areaId);
    const now = deps.actions.clock.now();
    const audit = (action: string, detail: Record<string, number | string>) =>
      deps.audit.record({
        at: now,
        areaId,
        actor: { kind: 'person', personId: viewer.personId },
        action,
        recordType: 'meeting',
        recordId: meetingId,
        meetingId,
        detail,
      });
    if (area?.policy.minutesDownload !== 'download-allowed') {
      await audit('minutes.export-refused', { format: 'docx' });
      throw new DomainError(
        'FORBIDDEN',
        'This MARAC keeps minutes view-only in the tab; ask the coordinator if you need a copy.',
      );
    }
    const person = await deps.directory.getPerson(viewer.personId);
    const buffer = await minutesDocx(minutes, {
      exportedFor: person?.displayName ?? 'a member',
      exportedAt: now,
      timeZone: area.timeZone,
    });
    await deps.minutes.recordExport(meetingId, 'docx', viewer.personId, now);
    await audit('minutes.export', { format: 'docx', cases: minutes.cases.length });
    res
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="minutes-${minutes.meeting.date}.docx"`,
        'cache-control': 'no-store',
      })
      .send(buffer);
  });

  return router;
}

const ExtractQuery = z.object({ meetingId: z.uuid().optional() }).strict();

/**
 * /api/agencies/:id/extract?meetingId=: the per-agency extract (FR-090), the actions owned by
 * or shared with one agency, for need-to-know sharing inside it. The agency's own people and
 * the leads only.
 */
export function agencyExtractRoutes(deps: Pick<MinutesRouteDeps, 'actions' | 'directory'>): Router {
  const { router, get } = policyRouter('/agencies');
  get('/:id/extract', async (req, res) => {
    const agencyId = idParam(req, 'id', 'agency');
    const q = ExtractQuery.parse(req.query);
    const viewer = actorOf(res);
    const agency = await deps.directory.getAgency(agencyId);
    if (!agency || agency.areaId !== viewer.areaId)
      throw new DomainError('NOT_FOUND', 'No such agency.');
    if (
      viewer.agencyId !== agencyId &&
      !hasAnyRole(viewer.roles, ['coordinator', 'chair', 'deputy-chair'])
    )
      throw new DomainError(
        'FORBIDDEN',
        'The extract is for the agency’s own people and the MARAC leads.',
      );
    const { today } = await todayFor(deps.actions, viewer.areaId);
    const all = await deps.actions.repos.actions.listActions({
      areaId: viewer.areaId,
      ...(q.meetingId ? { meetingId: q.meetingId } : {}),
    });
    const mine = all.filter(
      (a) =>
        (a.ownerAgencyId === agencyId || a.partnerAgencyIds.includes(agencyId)) &&
        a.state !== 'rejected' &&
        a.state !== 'volunteered',
    );
    res.set('cache-control', 'no-store').json({
      agency: { id: agency.id, name: agency.name },
      meetingId: q.meetingId ?? null,
      actions: mine.map((a) => ({ ...actionJson(a, today), joint: a.ownerAgencyId !== agencyId })),
    });
  });
  return router;
}
