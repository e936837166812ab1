import type { Router } from 'express';
import { z } from 'zod';
import {
  agencyView,
  createAgency,
  nominate,
  updateAgency,
  updatePerson,
  updateConfidentialityStatement,
  updatePolicy,
} from '../../../core/area-setup/area-setup.js';
import type { AreaSetupDeps } from '../../../core/area-setup/area-setup.js';
import { withdrawAgency } from '../../../core/area-setup/agencies.js';
import {
  addPersonFromDirectory,
  type PeopleDeps,
  searchDirectory,
  setPersonActive,
} from '../../../core/area-setup/people.js';
import { casesDueForReview, signatoryReviewDue } from '../../../core/area-setup/reviews.js';
import { localDay } from '../../../core/calendar/index.js';
import { DomainError } from '../../../core/errors.js';
import type {
  EntraGroupDirectory,
  EntraPeopleSearch,
} from '../../../core/ports/entra-directory.js';
import {
  addGroupMembers,
  type GroupDeps,
  previewGroup,
  searchGroups,
} from '../../../core/area-setup/group-import.js';
import { AGENCY_SECTORS } from '../../../core/model.js';
import { ROLES } from '../../../core/roles.js';
import type { AreaSetupRepository } from '../../../core/area-setup/area-setup-repository.js';
import type { Directory } from '../../../core/ports/directory.js';
import type { DirectoryReader } from '../../../core/scheduling/meeting-repository.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const day = z.iso.date('Enter a date.');
const text = (max: number, what: string) =>
  z.string().trim().max(max, `Keep the ${what} under ${max} characters.`);
const email = z.email('Enter a valid e-mail address.');
const AgencyBody = z
  .object({
    name: text(200, 'name').min(2, 'Enter the agency’s name.'),
    shortName: text(40, 'short name').nullish(),
    sector: z.enum(AGENCY_SECTORS, 'Choose a sector from the list.'),
    isCore: z.boolean(),
    membershipStatus: z.enum(['applied', 'approved', 'withdrawn'], 'Choose a membership.'),
    signatoryName: text(200, 'signatory’s name').nullish(),
    signatoryAuthorityConfirmed: z.boolean().optional(),
    signatorySignedOn: day.nullish(),
    signatoryReviewDueOn: day.nullish(),
    dpoName: text(200, 'name').nullish(),
    dpoEmail: email.nullish(),
    icoRegistration: text(40, 'registration number').nullish(),
    escalationContactName: text(200, 'name').nullish(),
    escalationContactEmail: email.nullish(),
  })
  .strict();
const WithdrawBody = z
  .object({
    outcome: z.enum(
      ['destroyed', 'returned'],
      'Say whether the agency destroyed or returned the MARAC information it held.',
    ),
    confirmedOn: day,
  })
  .strict();
const roles = z.array(z.enum(ROLES, 'Choose roles from the list.')).max(ROLES.length);
const agencyId = z.uuid('Choose an agency from the list.').nullable();
const jobTitle = z.string().trim().max(200, 'Keep the job title under 200 characters.').nullish();
/** A person comes from the directory: only their Entra object id, never a typed name or address. */
const NewPersonBody = z
  .object({
    entraObjectId: z.uuid('Search the directory and pick the person from the list.'),
    agencyId,
    jobTitle,
    roles,
  })
  .strict();
const PersonChangeBody = z
  .object({ agencyId, jobTitle, roles, isActive: z.boolean() })
  .partial()
  .strict();

/**
 * /api/area: area set-up. Everyone signed in reads the area, its policy and the
 * agency list (names and whether each may receive MARAC information, FR-127); only the
 * coordinator sees signatory details and people, and changes anything (§1.2 R1).
 */
export function areaRoutes(deps: {
  setup: AreaSetupDeps;
  repos: {
    setup: AreaSetupRepository;
    directory: DirectoryReader & Pick<Directory, 'getAgency'>;
  };
  directory: Pick<Directory, 'listPeopleForAdmin' | 'listRefusedSignIns' | 'listAgenciesForAdmin'>;
  entra: EntraPeopleSearch & EntraGroupDirectory;
  /** The tenant people sign in from (recorded with each object id). */
  tenantId: string;
}): Router {
  const { router, get, patch, post, put } = policyRouter('/area');
  const people: PeopleDeps = {
    ...deps.setup,
    entra: deps.entra,
    tenantId: deps.tenantId,
    alreadyAdded: (tenantId, objectId) => deps.repos.setup.entraTaken(tenantId, objectId),
  };

  const groups: GroupDeps = { ...people, groups: deps.entra };

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

  put('/confidentiality-statement', async (req, res) => {
    const { text } = z
      .object({ text: z.string('Write the statement.') })
      .strict()
      .parse(req.body);
    await updateConfidentialityStatement(deps.setup, actorOf(res), text);
    res.json({ confidentialityStatement: text.trim() });
  });

  get('/agencies', async (_req, res) => {
    const actor = actorOf(res);
    if (!actor.roles.includes('coordinator')) {
      const agencies = (await deps.repos.directory.listAgencies(actor.areaId)).map(agencyView);
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
    const full = await deps.directory.listAgenciesForAdmin(actor.areaId);
    const area = await deps.repos.directory.getArea(actor.areaId);
    const today = localDay(deps.setup.clock.now(), area?.timeZone ?? 'Europe/London');
    const withNominations = await Promise.all(
      full.map(async (a) => ({
        ...agencyView(a),
        nominations: await deps.repos.setup.nominationsOf(a.id),
        signatoryReviewDue:
          a.membershipStatus !== 'withdrawn' && signatoryReviewDue(a.signatoryReviewDueOn, today),
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

  post('/agencies/:agencyId/withdraw', async (req, res) => {
    const id = param(req, 'agencyId');
    await withdrawAgency(deps.setup, actorOf(res), id, WithdrawBody.parse(req.body));
    res.json({ agency: agencyView((await deps.repos.directory.getAgency(id)) as never) });
  });

  put('/agencies/:agencyId/nominations', async (req, res) => {
    const id = param(req, 'agencyId');
    const body = z
      .object({
        representativeId: z.uuid('Choose the representative from the agency’s people.'),
        deputyId: z.uuid('Choose the deputy from the agency’s people.').nullable(),
      })
      .strict()
      .parse(req.body);
    await nominate(deps.setup, actorOf(res), id, body);
    res.json({ nominations: await deps.repos.setup.nominationsOf(id) });
  });

  // IS-09: cases whose 6- or 12-month review (the area's policy) falls about now.
  get('/case-reviews', async (_req, res) => {
    const reviews = await casesDueForReview(
      { clock: deps.setup.clock, repos: deps.repos },
      actorOf(res),
    );
    res.set('cache-control', 'no-store');
    res.json({ reviews });
  });

  // Every person, active or not, sorted by surname; the screen searches and filters.
  get('/people', async (_req, res) => {
    res.json({ people: await deps.directory.listPeopleForAdmin(actorOf(res).areaId) });
  });

  const personView = async (areaId: string, id: string) =>
    (await deps.directory.listPeopleForAdmin(areaId)).find((p) => p.id === id);

  post('/people', async (req, res) => {
    const actor = actorOf(res);
    const id = await addPersonFromDirectory(people, actor, NewPersonBody.parse(req.body));
    res.status(201).json({ person: await personView(actor.areaId, id) });
  });

  patch('/people/:personId', async (req, res) => {
    const actor = actorOf(res);
    const id = z.uuid().parse(param(req, 'personId'));
    const { isActive, ...changes } = PersonChangeBody.parse(req.body);
    if (!(await personView(actor.areaId, id)))
      throw new DomainError('NOT_FOUND', 'There is no such person in this area.');
    if (Object.keys(changes).length > 0) await updatePerson(deps.setup, actor, id, changes);
    if (isActive !== undefined) await setPersonActive(deps.setup, actor, id, isActive);
    res.json({ person: await personView(actor.areaId, id) });
  });

  // Tenant users whose name or address starts with `q` (members and guests), to add.
  get('/directory', async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json({ users: await searchDirectory(people, q) });
  });

  // Directory groups whose name starts with `q`, to add their people in one go.
  get('/directory/groups', async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json({ groups: await searchGroups(groups, q) });
  });

  // The group's people (nested groups included), each marked new or already added.
  get('/directory/groups/:groupId/members', async (req, res) => {
    const groupId = z
      .uuid('Search for the group and pick it from the list.')
      .parse(param(req, 'groupId'));
    res.json({ members: await previewGroup(groups, actorOf(res), groupId) });
  });

  // Adds the group's new people, all or none; duplicates are skipped and reported per row.
  post('/people/from-group', async (req, res) => {
    const body = z
      .object({
        groupId: z.uuid('Search for the group and pick it from the list.'),
        agencyId,
        jobTitle,
        roles,
      })
      .strict()
      .parse(req.body);
    res.status(201).json(await addGroupMembers(groups, actorOf(res), body));
  });

  // Sign-ins refused because the user is nobody here (or deactivated), with their directory name.
  get('/sign-in-refusals', async (_req, res) => {
    const refusals = await deps.directory.listRefusedSignIns(actorOf(res).areaId);
    const named = await Promise.all(
      refusals.map(async (r) => {
        const user = await people.entra.findUser(r.objectId).catch(() => null);
        return {
          ...r,
          displayName: user?.displayName ?? null,
          email: user?.mail ?? user?.userPrincipalName ?? null,
        };
      }),
    );
    res.json({ refusals: named });
  });

  return router;
}
