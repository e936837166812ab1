import type { Router } from 'express';
import { z } from 'zod';
import type { AuditLog, AuditLogReader } from '../../../core/ports/audit-log.js';
import type { Directory } from '../../../core/ports/directory.js';
import { policyRouter } from '../policy-router.js';
import { actorOf } from './route-helpers.js';

/**
 * GET /api/audit: the coordinator's audit log viewer (FR-104), newest first, a page at a time
 * (`beforeId` pages back). Entries carry ids, counts and references only; the actor's name is
 * added from the directory. Reading the log is itself recorded.
 */
export function auditRoutes(deps: {
  audit: AuditLog & AuditLogReader;
  directory: Pick<Directory, 'listPeople'>;
  clock: { now(): Date };
}): Router {
  const { router, get } = policyRouter('/audit');
  get('/', async (req, res) => {
    const q = z
      .object({
        recordType: z.string().trim().min(1).max(60).optional(),
        recordId: z.string().trim().min(1).max(100).optional(),
        beforeId: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      })
      .strict()
      .parse(req.query);
    const actor = actorOf(res);
    const [rows, people] = await Promise.all([
      deps.audit.list({ areaId: actor.areaId, ...q, limit: q.limit + 1 }),
      deps.directory.listPeople(actor.areaId),
    ]);
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const page = rows.slice(0, q.limit);
    await deps.audit.record({
      at: deps.clock.now(),
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: 'audit.view',
      recordType: 'audit_log',
      recordId: null,
      detail: { entries: page.length },
    });
    res.json({
      entries: page.map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor:
          r.actorKind === 'person'
            ? {
                kind: 'person',
                personId: r.actorPersonId,
                displayName: names.get(r.actorPersonId ?? '') ?? null,
              }
            : { kind: r.actorKind },
        action: r.action,
        recordType: r.recordType,
        recordId: r.recordId,
        meetingId: r.meetingId,
        detail: r.detail,
      })),
      nextBeforeId: rows.length > q.limit ? Number(page[page.length - 1]?.id) : null,
    });
  });
  return router;
}
