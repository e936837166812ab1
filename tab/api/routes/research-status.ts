import type { Router } from 'express';
import { checkAccess } from '../../../core/circulation/case-list.js';
import { seesCase, type CaseListAccess } from '../../../core/circulation/case-access.js';
import type { CirculationDeps } from '../../../core/circulation/circulation-deps.js';
import { writtenSubmissionDueOn } from '../../../core/circulation/written-submission.js';
import { localDay } from '../../../core/calendar/index.js';
import type { Queryable } from '../../../store/db.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

/**
 * GET /api/meetings/:id/research: research status per invited agency (FR-038) for the cases the
 * viewer may see: submitted, nil return or missing. Counts only, never research content; the
 * same entitlement as the case list (uninvited agencies and non-signatories are refused).
 */
export function researchStatusRoutes(deps: {
  circulation: CirculationDeps;
  db: Queryable;
}): Router {
  const { router, get } = policyRouter('/meetings');
  get('/:meetingId/research', async (req, res) => {
    const viewer = actorOf(res);
    const { meeting, items, access } = await checkAccess(
      deps.circulation.repos,
      viewer,
      param(req, 'meetingId'),
      deps.circulation.clock.now(),
    );
    const visible = items.filter((i) =>
      seesCase(access as Extract<CaseListAccess, { ok: true }>, viewer.personId, i),
    );
    const invitees = await deps.circulation.repos.meetings.listInvitees(meeting.id);
    const agencies = await deps.circulation.repos.directory.listAgencies(viewer.areaId);
    const invited = new Set(invitees.map((i) => i.agencyId).filter((a): a is string => !!a));
    const itemIds = visible.map((i) => i.agendaItemId);
    const { rows } = itemIds.length
      ? await deps.db.query<{ agencyId: string; status: string; n: number }>(
          `SELECT agency_id AS "agencyId", status, count(*)::int AS n
             FROM research_submission
            WHERE agenda_item_id = ANY($1::uuid[]) AND purged_at IS NULL
            GROUP BY agency_id, status`,
          [itemIds],
        )
      : { rows: [] };
    const count = (agencyId: string, status: string) =>
      rows.find((r) => r.agencyId === agencyId && r.status === status)?.n ?? 0;
    const area = await deps.circulation.repos.directory.getArea(viewer.areaId);
    res.set('cache-control', 'no-store');
    res.json({
      meetingId: meeting.id,
      cases: visible.length,
      // when an agency that cannot attend must send its written submission.
      writtenSubmissionsDueOn: area
        ? writtenSubmissionDueOn(
            localDay(meeting.scheduledStart, area.timeZone),
            area.policy.writtenSubmissionDaysBefore,
            area.nation,
          )
        : null,
      agencies: agencies
        .filter((a) => invited.has(a.id))
        .map((a) => {
          const submitted = count(a.id, 'submitted');
          const nilReturns = count(a.id, 'nil-return');
          return {
            agencyId: a.id,
            name: a.name,
            submitted,
            nilReturns,
            missing: Math.max(0, visible.length - submitted - nilReturns),
          };
        }),
    });
  });
  return router;
}
