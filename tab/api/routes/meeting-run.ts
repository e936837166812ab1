import type { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import type { MeetingRun } from '../../../core/meeting-run/meeting-run.js';
import { CHECKLIST_ITEMS, UNHEARD_OUTCOMES } from '../../../core/meeting-run/model.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Version = { version: z.number().int().positive() };
const Bodies = {
  assign: z
    .object({
      ...Version,
      agencyId: z.uuid().optional(),
      ownerPersonId: z.uuid().nullish(),
      dueOn: day.nullish(),
    })
    .strict(),
  confirm: z.object(Version).strict(),
  edit: z
    .object({
      ...Version,
      description: z.string().trim().min(3).max(500).nullish(),
      dueOn: day.nullish(),
    })
    .strict(),
  reject: z.object({ ...Version, reason: z.string().trim().max(300).nullish() }).strict(),
};

function id(req: Parameters<typeof param>[0], name: string): string {
  const value = param(req, name);
  if (!z.uuid().safeParse(value).success)
    throw new DomainError('VALIDATION_FAILED', `${name} is not a valid id.`, [
      { path: name, message: 'must be a uuid' },
    ]);
  return value;
}

/**
 * The chair console: /api/meetings/:id/run. The same use cases as the card buttons
 * (core/meeting-run). Reading: coordinator, chair, deputy chair; changes: the chair or deputy
 * chair of the area or of this meeting (403 otherwise, from the use case).
 */
export function meetingRunRoutes(deps: { run: MeetingRun }): Router {
  const { router, get, post } = policyRouter('/meetings');

  get('/:meetingId/run', async (req, res) => {
    res.json(await deps.run.view(id(req, 'meetingId'), actorOf(res)));
  });

  post('/:meetingId/run/checklist', async (req, res) => {
    const body = z
      .object({ item: z.enum(CHECKLIST_ITEMS), done: z.boolean() })
      .strict()
      .parse(req.body);
    const checklist = await deps.run.setChecklistItem(
      id(req, 'meetingId'),
      actorOf(res),
      body.item,
      body.done,
    );
    res.json({ openingChecklist: checklist });
  });

  post('/:meetingId/run/start-case', async (req, res) => {
    const body = z.object({ agendaItemId: z.uuid() }).strict().parse(req.body);
    const meetingId = id(req, 'meetingId');
    const result = await deps.run.startCase(meetingId, body.agendaItemId, actorOf(res));
    res.json({ ...result, run: await deps.run.view(meetingId, actorOf(res)) });
  });

  post('/:meetingId/run/close-case', async (req, res) => {
    const body = z.object({ agendaItemId: z.uuid() }).strict().parse(req.body);
    const meetingId = id(req, 'meetingId');
    const result = await deps.run.closeCase(meetingId, body.agendaItemId, actorOf(res));
    res.json({ ...result, run: await deps.run.view(meetingId, actorOf(res)) });
  });

  /**
   * The chair ends the meeting, deciding for each case not heard: carried forward to the next
   * meeting, or not heard with a reason (core/meeting-run endMeeting).
   */
  post('/:meetingId/run/end', async (req, res) => {
    const body = z
      .object({
        decisions: z
          .array(
            z
              .object({
                agendaItemId: z.uuid({ message: 'must be a case on this agenda' }),
                outcome: z.enum(UNHEARD_OUTCOMES, {
                  message: 'choose carry forward or not heard',
                }),
                reason: z.string().max(500, 'keep the reason to 500 characters').nullish(),
              })
              .strict(),
          )
          .max(200)
          .default([]),
      })
      .strict()
      .parse(req.body ?? {});
    const meetingId = id(req, 'meetingId');
    const actor = actorOf(res);
    const result = await deps.run.endMeeting(
      meetingId,
      actor,
      body.decisions.map((d) => ({ ...d, reason: d.reason ?? null })),
    );
    res.json({ ...result, run: await deps.run.view(meetingId, actor) });
  });

  post('/:meetingId/run/actions/:actionId/:verb', async (req, res) => {
    const verb = param(req, 'verb');
    if (!(verb in Bodies))
      throw new DomainError(
        'NOT_FOUND',
        `Unknown action change “${verb.slice(0, 30)}”: use assign, confirm, edit or reject.`,
      );
    const meetingId = id(req, 'meetingId');
    const actionId = id(req, 'actionId');
    const actor = actorOf(res);
    const run = deps.run;
    switch (verb as keyof typeof Bodies) {
      case 'assign': {
        const b = Bodies.assign.parse(req.body);
        await run.assign(meetingId, actor, {
          actionId,
          version: b.version,
          agencyId: b.agencyId,
          ownerPersonId: b.ownerPersonId ?? null,
          dueOn: b.dueOn ?? null,
        });
        break;
      }
      case 'confirm': {
        const b = Bodies.confirm.parse(req.body);
        await run.confirm(meetingId, actor, { actionId, version: b.version });
        break;
      }
      case 'edit': {
        const b = Bodies.edit.parse(req.body);
        await run.edit(meetingId, actor, {
          actionId,
          version: b.version,
          description: b.description ?? null,
          dueOn: b.dueOn ?? null,
        });
        break;
      }
      case 'reject': {
        const b = Bodies.reject.parse(req.body);
        await run.reject(meetingId, actor, {
          actionId,
          version: b.version,
          reason: b.reason ?? null,
        });
        break;
      }
    }
    const view = await run.view(meetingId, actor);
    res.json({ action: view.actions.find((a) => a.id === actionId) ?? null, run: view });
  });

  return router;
}
