import type { Router } from 'express';
import { z } from 'zod';
import type { AgendaDeps } from '../../../core/agenda/agenda-service.js';
import {
  acceptCaseDeclaration,
  inviteCasePerson,
  listCasePeople,
  myCases,
  viewOwnCase,
  type CasePeopleDeps,
} from '../../../core/case-people/case-people.js';
import {
  acceptMove,
  declineMove,
  listApologies,
  moveRequests,
  myApology,
  myMoveRequests,
  sendApologies,
} from '../../../core/case-people/pre-meeting-actions.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const InviteBody = z
  .object({
    personId: z.uuid('Choose the person to invite from the list.').optional(),
    entraObjectId: z.uuid('Search the directory and pick the person from the list.').optional(),
    agencyId: z
      .uuid('Choose the agency from the list.')
      .nullish()
      .transform((v) => v ?? null),
    kind: z.enum(['referrer', 'keyworker', 'specialist'], {
      error: 'Choose whether they attend as referrer, keyworker or specialist.',
    }),
  })
  .strict()
  .refine((b) => Boolean(b.personId) !== Boolean(b.entraObjectId), {
    path: ['personId'],
    message: 'Choose one person: from the list, or found in the directory.',
  });

const ApologyBody = z
  .object({
    deputyPersonId: z
      .uuid('Choose your deputy from the list.')
      .nullish()
      .transform((v) => v ?? null),
    writtenSubmission: z.boolean({ error: 'Say whether your agency sends a written submission.' }),
  })
  .strict();

const DeclineBody = z
  .object({ reason: z.string({ error: 'Say why the move is declined.' }).max(1000) })
  .strict();

/**
 * People for one case (invite, their case and its declaration), reps' apologies with a deputy
 * for one meeting, and the chair's or coordinator's decisions on agencies' move requests.
 */
export function casePeopleRoutes(deps: { casePeople: CasePeopleDeps; agenda: AgendaDeps }): Router {
  const { router, get, post } = policyRouter('/meetings');
  const d = deps.casePeople;

  get('/:meetingId/case-people', async (req, res) => {
    res.json({ people: await listCasePeople(d, actorOf(res), param(req, 'meetingId')) });
  });

  post('/:meetingId/agenda/:itemId/case-people', async (req, res) => {
    const body = InviteBody.parse(req.body);
    res
      .status(201)
      .json(
        await inviteCasePerson(
          d,
          actorOf(res),
          param(req, 'meetingId'),
          param(req, 'itemId'),
          body,
        ),
      );
  });

  get('/:meetingId/my-cases', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await myCases(d, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/my-cases/:itemId/declaration', async (req, res) => {
    res
      .status(201)
      .json(
        await acceptCaseDeclaration(d, actorOf(res), param(req, 'meetingId'), param(req, 'itemId')),
      );
  });

  get('/:meetingId/my-cases/:itemId', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await viewOwnCase(d, actorOf(res), param(req, 'meetingId'), param(req, 'itemId')));
  });

  get('/:meetingId/apologies', async (req, res) => {
    res.json({ apologies: await listApologies(d, actorOf(res), param(req, 'meetingId')) });
  });

  get('/:meetingId/my-apology', async (req, res) => {
    res.json(await myApology(d, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/my-apology', async (req, res) => {
    // Who may send (an invited, signed-up agency's voice) is settled before the body.
    await myApology(d, actorOf(res), param(req, 'meetingId'));
    const body = ApologyBody.parse(req.body);
    res.status(201).json(await sendApologies(d, actorOf(res), param(req, 'meetingId'), body));
  });

  get('/:meetingId/my-move-requests', async (req, res) => {
    res.json(await myMoveRequests(d, actorOf(res), param(req, 'meetingId')));
  });

  get('/:meetingId/move-decisions', async (req, res) => {
    res.json(await moveRequests(d, actorOf(res), param(req, 'meetingId')));
  });

  post('/:meetingId/move-requests/:moveId/accept', async (req, res) => {
    z.object({})
      .strict()
      .parse(req.body ?? {});
    res.json(
      await acceptMove(d, deps.agenda, actorOf(res), param(req, 'meetingId'), param(req, 'moveId')),
    );
  });

  post('/:meetingId/move-requests/:moveId/decline', async (req, res) => {
    const body = DeclineBody.parse(req.body);
    res.json(
      await declineMove(
        d,
        actorOf(res),
        param(req, 'meetingId'),
        param(req, 'moveId'),
        body.reason,
      ),
    );
  });

  return router;
}
