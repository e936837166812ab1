import type { Router } from 'express';
import { z } from 'zod';
import {
  agencyView,
  createAgency,
  createPerson,
  nominate,
  updateAgency,
  updatePerson,
  updatePolicy,
} from '../../../core/area-setup/area-setup.js';
import type { AreaSetupDeps } from '../../../core/area-setup/area-setup.js';
import { DomainError } from '../../../core/errors.js';
import { AGENCY_SECTORS } from '../../../core/model.js';
import { ROLES } from '../../../core/roles.js';
import type { PreMeetingRepos } from '../../../store/repositories.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const AgencyBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    shortName: z.string().trim().max(40).nullish(),
    sector: z.enum(AGENCY_SECTORS),
    isCore: z.boolean(),
    membershipStatus: z.enum(['applied', 'approved', 'withdrawn']),
    signatoryName: z.string().trim().max(200).nullish(),
    signatoryAuthorityConfirmed: z.boolean().optional(),
    signatorySignedOn: day.nullish(),
    signatoryReviewDueOn: day.nullish(),
    dpoName: z.string().trim().max(200).nullish(),
    dpoEmail: z.email().nullish(),
    icoRegistration: z.string().trim().max(40).nullish(),
    escalationContactName: z.string().trim().max(200).nullish(),
    escalationContactEmail: z.email().nullish(),
  })
  .strict();
const PersonBody = z
  .object({
    displayName: z.string().trim().min(2).max(200),
    email: z.email(),
    agencyId: z.uuid().nullable(),
    jobTitle: z.string().trim().max(200).nullish(),
    roles: z.array(z.enum(ROLES)).max(ROLES.length),
    entraObjectId: z.string().trim().max(64).nullish(),
    entraTenantId: z.string().trim().max(64).nullish(),
    isActive: z.boolean().optional(),
  })
  .strict();

/**
 * /api/area: area set-up (issue 4). Everyone signed in reads the area, its policy and the
 * agency list (names and whether each may receive MARAC information, FR-127); only the
 * coordinator sees signatory details and people, and changes anything (§1.2 R1).
 */
export function areaRoutes(deps: { setup: AreaSetupDeps; repos: PreMeetingRepos }): Router {
  const { router, get, patch, post, put } = policyRouter('/area');

  get('/', async (_req, res) => {
    const area = await deps.repos.directory.getArea(actorOf(res).areaId);
    if (!area) throw new DomainError('NOT_A_MEMBER');
    res.json({
      area: {
        id: area.id,
        name: area.name,
        nation: area.nation,
        timeZone: area.timeZone,
        confidentialityStatement: area.confidentialityStatement,
      },
      policy: area.policy,
    });
  });

  patch('/policy', async (req, res) => {
    const changes = z.record(z.string(), z.unknown()).parse(req.body ?? {});
    res.json({ policy: await updatePolicy(deps.setup, actorOf(res), changes) });
  });

  get('/agencies', async (_req, res) => {
    const actor = actorOf(res);
    const agencies = (await deps.repos.directory.listAgencies(actor.areaId)).map(agencyView);
    if (!actor.roles.includes('coordinator')) {
      res.json({
        agencies: agencies.map((a) => ({
          id: a.id,
          name: a.name,
          sector: a.sector,
          isCore: a.isCore,
          canReceiveMaracInformation: a.canReceiveMaracInformation,
        })),
      });
      return;
    }
    const withNominations = await Promise.all(
      agencies.map(async (a) => ({
        ...a,
        nominations: await deps.repos.setup.nominationsOf(a.id),
      })),
    );
    res.json({ agencies: withNominations });
  });

  post('/agencies', async (req, res) => {
    const id = await createAgency(deps.setup, actorOf(res), AgencyBody.parse(req.body));
    res
      .status(201)
      .json({ agency: agencyView((await deps.repos.directory.getAgency(id)) as never) });
  });

  patch('/agencies/:agencyId', async (req, res) => {
    const id = param(req, 'agencyId');
    await updateAgency(deps.setup, actorOf(res), id, AgencyBody.partial().parse(req.body));
    res.json({ agency: agencyView((await deps.repos.directory.getAgency(id)) as never) });
  });

  put('/agencies/:agencyId/nominations', async (req, res) => {
    const id = param(req, 'agencyId');
    const body = z
      .object({ representativeId: z.uuid(), deputyId: z.uuid().nullable() })
      .strict()
      .parse(req.body);
    await nominate(deps.setup, actorOf(res), id, body);
    res.json({ nominations: await deps.repos.setup.nominationsOf(id) });
  });

  get('/people', async (_req, res) => {
    res.json({ people: await deps.repos.directory.listPeople(actorOf(res).areaId) });
  });

  post('/people', async (req, res) => {
    const id = await createPerson(deps.setup, actorOf(res), PersonBody.parse(req.body));
    res.status(201).json({ person: await deps.repos.directory.getPerson(id) });
  });

  patch('/people/:personId', async (req, res) => {
    const id = param(req, 'personId');
    await updatePerson(deps.setup, actorOf(res), id, PersonBody.partial().parse(req.body));
    res.json({ person: await deps.repos.directory.getPerson(id) });
  });

  return router;
}
