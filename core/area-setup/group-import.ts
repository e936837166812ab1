import type { EntraGroup, EntraGroupDirectory, EntraUser } from '../ports/entra-directory.js';
import type { Role } from '../roles.js';
import { bySurname, directoryCall } from './directory-call.js';
import { type Actor, audit, checkPerson, invalid } from './area-setup.js';
import type { PeopleDeps } from './people.js';

/** A group larger than this is refused: add its sub-groups instead. */
export const MAX_GROUP_MEMBERS = 300;

export interface GroupDeps extends PeopleDeps {
  groups: EntraGroupDirectory;
}

/** What happens to one member of the group. */
export type GroupRowStatus = 'new' | 'already-added' | 'email-taken';

export interface GroupRow {
  objectId: string;
  displayName: string;
  email: string;
  guest: boolean;
  status: GroupRowStatus;
}

/** Directory groups whose name starts with `text`. */
export async function searchGroups(deps: GroupDeps, text: string): Promise<EntraGroup[]> {
  if (text.trim().length < 2) invalid('q', 'Type at least two letters of the group’s name.');
  const groups = await directoryCall(() => deps.groups.searchGroups(text.trim(), 15), 'groups');
  return groups.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The preview before anything is added: every user of the group (nested groups included),
 * each marked new, already added (the same Entra identity) or e-mail taken (someone else in
 * the area has the address), sorted by surname.
 */
export async function previewGroup(
  deps: GroupDeps,
  actor: Actor,
  groupId: string,
): Promise<GroupRow[]> {
  const members = await membersOf(deps, groupId);
  const rows: GroupRow[] = [];
  for (const user of members) rows.push(await rowOf(deps, actor, user));
  return rows;
}

export interface GroupAddResult {
  added: number;
  rows: (Omit<GroupRow, 'status'> & {
    outcome: 'added' | 'already-added' | 'email-taken';
    personId: string | null;
  })[];
}

/**
 * Adds every new member of the group as a person of the area, with the agency and roles the
 * coordinator chose; members already added, or whose address someone in the area already has,
 * are skipped and reported per row. One transaction: if anything is refused (an agency not in
 * the area, a role that needs an agency), nobody is added.
 */
export async function addGroupMembers(
  deps: GroupDeps,
  actor: Actor,
  input: { groupId: string; agencyId: string | null; roles: Role[]; jobTitle?: string | null },
): Promise<GroupAddResult> {
  const members = await membersOf(deps, input.groupId);
  const now = deps.clock.now();
  const result = await deps.uow.run(async (r) => {
    const rows: GroupAddResult['rows'] = [];
    for (const user of members) {
      const email = user.mail ?? user.userPrincipalName;
      const base = {
        objectId: user.objectId,
        displayName: user.displayName?.trim() || email,
        email,
        guest: user.userType === 'Guest',
      };
      if (await r.setup.entraTaken(deps.tenantId, user.objectId)) {
        rows.push({ ...base, outcome: 'already-added', personId: null });
        continue;
      }
      if (await r.setup.emailTaken(actor.areaId, email)) {
        rows.push({ ...base, outcome: 'email-taken', personId: null });
        continue;
      }
      const person = {
        displayName: base.displayName,
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
        after: { roles: input.roles, agencyId: input.agencyId, guest: base.guest },
      });
      rows.push({ ...base, outcome: 'added', personId });
    }
    const added = rows.filter((row) => row.outcome === 'added').length;
    await r.audit.record({
      at: now,
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: 'person.add-from-group',
      recordType: 'area',
      recordId: actor.areaId,
      detail: { members: rows.length, added, skipped: rows.length - added },
    });
    return { added, rows };
  });
  if (result.added > 0) await deps.onDirectoryChanged(actor.areaId);
  return result;
}

async function membersOf(deps: GroupDeps, groupId: string): Promise<EntraUser[]> {
  const members = await directoryCall(() => deps.groups.groupMembers(groupId), 'groups');
  if (!members)
    invalid('groupId', 'That group is not in your organisation’s directory. Search again.');
  if (members.length === 0) invalid('groupId', 'That group has nobody in it.');
  if (members.length > MAX_GROUP_MEMBERS)
    invalid(
      'groupId',
      `That group has ${members.length} people, more than ${MAX_GROUP_MEMBERS}; add its smaller groups one at a time.`,
    );
  const unique = new Map(members.map((m) => [m.objectId, m]));
  return [...unique.values()].sort(bySurname);
}

async function rowOf(deps: GroupDeps, actor: Actor, user: EntraUser): Promise<GroupRow> {
  const email = user.mail ?? user.userPrincipalName;
  const status: GroupRowStatus = (await deps.alreadyAdded(deps.tenantId, user.objectId))
    ? 'already-added'
    : (await deps.uow.run((r) => r.setup.emailTaken(actor.areaId, email)))
      ? 'email-taken'
      : 'new';
  return {
    objectId: user.objectId,
    displayName: user.displayName?.trim() || email,
    email,
    guest: user.userType === 'Guest',
    status,
  };
}
