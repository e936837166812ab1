import type { Role } from '../roles.js';
import type { EntraPeopleSearch, EntraUser } from '../ports/entra-directory.js';
import { inArea } from '../same-area.js';
import { bySurname, directoryCall } from './directory-call.js';
import { type Actor, type AreaSetupDeps, audit, checkPerson, invalid } from './area-setup.js';

/**
 * People come from the tenant's directory (Microsoft Entra ID), never typed in: sign-in matches
 * on the Entra tenant and object id only, so a person added without them could never sign in.
 */
export interface PeopleDeps extends AreaSetupDeps {
  entra: EntraPeopleSearch;
  /** The tenant this service signs people in from; recorded with every object id. */
  tenantId: string;
  /** Whether someone with this Entra identity is already a person (any area, active or not). */
  alreadyAdded(tenantId: string, objectId: string): Promise<boolean>;
}

export interface DirectoryMatch extends EntraUser {
  /** Already a person of the service: adding them again would be a duplicate. */
  alreadyAdded: boolean;
}

/** Directory users whose name or address starts with `text`, sorted by surname. */
export async function searchDirectory(deps: PeopleDeps, text: string): Promise<DirectoryMatch[]> {
  if (text.trim().length < 2)
    invalid('q', 'Type at least two letters of the name or e-mail address.');
  const users = await directoryCall(() => deps.entra.searchUsers(text.trim(), 15));
  const found = await Promise.all(
    users.map(async (u) => ({
      ...u,
      alreadyAdded: await deps.alreadyAdded(deps.tenantId, u.objectId),
    })),
  );
  return found.sort(bySurname);
}

export interface AddPersonInput {
  entraObjectId: string;
  agencyId: string | null;
  roles: Role[];
  jobTitle?: string | null;
}

/**
 * Adds a person found in the directory: name and address come from Entra (a guest's own
 * address, not their `#EXT#` sign-in name), with the object id and tenant sign-in matches on.
 */
export async function addPersonFromDirectory(
  deps: PeopleDeps,
  actor: Actor,
  input: AddPersonInput,
): Promise<string> {
  const user = await directoryCall(() => deps.entra.findUser(input.entraObjectId));
  if (!user)
    invalid(
      'entraObjectId',
      'That person is not in your organisation’s directory. Search again and pick them from the list.',
    );
  const email = user.mail ?? user.userPrincipalName;
  const now = deps.clock.now();
  const id = await deps.uow.run(async (r) => {
    if (await r.setup.entraTaken(deps.tenantId, user.objectId))
      invalid(
        'entraObjectId',
        'This person has already been added. Find them in the People table (show inactive people if they were deactivated).',
      );
    const person = {
      displayName: user.displayName?.trim() || email,
      email,
      agencyId: input.agencyId,
      jobTitle: input.jobTitle ?? null,
      roles: input.roles,
      entraObjectId: user.objectId,
      entraTenantId: deps.tenantId,
    };
    await checkPerson(r, actor, person);
    const personId = await r.setup.insertPerson(actor.areaId, person, now);
    await audit(r, actor, now, 'person.create', 'person', personId, ['entraObjectId', 'roles'], {
      before: {},
      after: { roles: input.roles, agencyId: input.agencyId, guest: user.userType === 'Guest' },
    });
    return personId;
  });
  await deps.onDirectoryChanged(actor.areaId);
  return id;
}

/**
 * Deactivates or reactivates a person. Nothing is deleted (their history stays attributed);
 * sign-in and every API call check `is_active` on each request, so access ends at once.
 */
export async function setPersonActive(
  deps: AreaSetupDeps,
  actor: Actor,
  personId: string,
  active: boolean,
): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    inArea(await r.directory.getPerson(personId), actor);
    if (!active && personId === actor.personId)
      invalid('isActive', 'You cannot deactivate yourself; ask another coordinator.');
    const before = await r.setup.personActive(personId);
    if (before === active) return;
    await r.setup.updatePerson(personId, { isActive: active }, now);
    await audit(
      r,
      actor,
      now,
      active ? 'person.reactivate' : 'person.deactivate',
      'person',
      personId,
      ['isActive'],
      { before: { isActive: before }, after: { isActive: active } },
    );
  });
  await deps.onDirectoryChanged(actor.areaId);
}
