import type * as Graph from '@microsoft/microsoft-graph-types';
import type {
  EntraGroup,
  EntraGroupDirectory,
  EntraPeopleSearch,
  EntraUser,
} from '../core/ports/entra-directory.js';
import type { GraphClient } from './graph-client.js';
import { GraphRequestError } from './graph-error.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const DIRECTORY_NEEDS = [
  {
    permission: 'User.Read.All',
    type: 'Application',
    why: 'The set-up command looks the first coordinator up by sign-in name, and the coordinator finds people to add by the start of their name or address, to record the Entra object id that sign-in matches on. Online meetings and attendance reports are addressed by the organiser’s Entra object id, not the mailbox address; meeting options name guests by their object id in this tenant, because a guest’s user principal name is not their e-mail address.',
    calls: ['GET /users/{id}', 'GET /users'],
  },
  {
    permission: 'GroupMember.Read.All',
    type: 'Application',
    why: 'The coordinator adds the people of a directory group (for example an agency’s MARAC staff) in one go: the app finds the group by the start of its name and reads its members, nested groups included.',
    calls: ['GET /groups', 'GET /groups/{id}/transitiveMembers'],
  },
] as const satisfies readonly GraphPermissionNeed[];
type DirectoryCall = CallsOf<typeof DIRECTORY_NEEDS>;

export interface DirectoryUser {
  id: string;
  userPrincipalName: string | null;
}

/**
 * Entra object ids for the addresses the service knows (PLATFORM.md §1). Graph's
 * `/users/{userId}/onlineMeetings` and `.../attendanceReports` take the object id only (a UPN
 * there is a 404), so the organiser mailbox is resolved once with `GET /users/{upn}?$select=id`
 * and cached; callers `forget` it on a 404 so a recreated mailbox is looked up again.
 * People are found by `mail`, which for a B2B guest is their own address while their UPN is
 * `name_domain#EXT#@tenant`.
 */
export class GraphDirectory implements EntraPeopleSearch, EntraGroupDirectory {
  private readonly ids = new Map<string, Promise<string>>();
  private readonly people = new Map<string, Promise<DirectoryUser | null>>();

  constructor(private readonly deps: { graph: GraphClient }) {}

  /** The object id of a user named by user principal name (or object id). */
  objectIdOf(upn: string): Promise<string> {
    const key = upn.toLowerCase();
    let found = this.ids.get(key);
    if (!found) {
      found = this.deps.graph
        .send<Graph.User>({
          call: 'GET /users/{id}' satisfies DirectoryCall,
          params: { id: upn },
          query: { $select: 'id' },
        })
        .then(({ body }) => {
          if (!body.id) throw new Error('Graph returned a user without an id');
          return body.id;
        });
      found.catch(() => this.ids.delete(key));
      this.ids.set(key, found);
    }
    return found;
  }

  /** Drops a cached object id (after Graph answered 404 for it). */
  forget(upn: string): void {
    this.ids.delete(upn.toLowerCase());
  }

  /**
   * Runs `call` with the object id of `upn`; on a 404 the id is looked up afresh and, if it
   * changed, the call is made once more.
   */
  async withObjectId<T>(upn: string, call: (id: string) => Promise<T>): Promise<T> {
    const id = await this.objectIdOf(upn);
    try {
      return await call(id);
    } catch (error) {
      if (!(error instanceof GraphRequestError) || error.status !== 404) throw error;
      this.forget(upn);
      const fresh = await this.objectIdOf(upn);
      if (fresh === id) throw error;
      return call(fresh);
    }
  }

  /** The directory user whose `mail` is `email` (members and guests alike), or null. */
  findByMail(email: string): Promise<DirectoryUser | null> {
    const key = email.toLowerCase();
    let found = this.people.get(key);
    if (!found) {
      found = this.deps.graph
        .send<{ value: Graph.User[] }>({
          call: 'GET /users' satisfies DirectoryCall,
          query: {
            $filter: `mail eq '${email.replace(/'/g, "''")}'`,
            $select: 'id,userPrincipalName,mail,userType',
          },
        })
        .then(({ body }) => {
          const user = body.value?.[0];
          if (!user?.id) {
            this.people.delete(key); // not there yet: ask again next time
            return null;
          }
          return { id: user.id, userPrincipalName: user.userPrincipalName ?? null };
        });
      found.catch(() => this.people.delete(key));
      this.people.set(key, found);
    }
    return found;
  }

  /** The user with this sign-in name or object id (Graph "Get user"); null on Graph's 404. */
  async findUser(userPrincipalNameOrId: string): Promise<EntraUser | null> {
    try {
      const { body } = await this.deps.graph.send<Graph.User>({
        call: 'GET /users/{id}' satisfies DirectoryCall,
        params: { id: userPrincipalNameOrId },
        query: { $select: USER_FIELDS },
      });
      return toEntraUser(body);
    } catch (error) {
      // 404 Request_ResourceNotFound is "nobody"; anything else (no permission, throttling
      // beyond retries) is a failure to report.
      if (error instanceof GraphRequestError && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * Members and guests whose display name, given name, surname, mail or sign-in name starts with
   * `text` (Graph "List users" with `startswith` clauses joined by `or`: a default query, so no
   * `ConsistencyLevel: eventual` header or `$count` is needed, unlike `$search`). Graph matches
   * case-insensitively; the order is Graph's, so the caller sorts.
   */
  async searchUsers(text: string, max = 10): Promise<EntraUser[]> {
    const value = text.trim().replace(/'/g, "''");
    if (!value) return [];
    const props = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
    const { body } = await this.deps.graph.send<{ value: Graph.User[] }>({
      call: 'GET /users' satisfies DirectoryCall,
      query: {
        $filter: props.map((p) => `startswith(${p},'${value}')`).join(' or '),
        $select: USER_FIELDS,
        $top: String(max),
      },
    });
    return (body.value ?? []).map(toEntraUser);
  }

  /**
   * Groups whose display name starts with `text` (Graph "List groups" with one `startswith`
   * on displayName: a default query, no advanced query headers).
   */
  async searchGroups(text: string, max = 10): Promise<EntraGroup[]> {
    const value = text.trim().replace(/'/g, "''");
    if (!value) return [];
    const { body } = await this.deps.graph.send<{ value: Graph.Group[] }>({
      call: 'GET /groups' satisfies DirectoryCall,
      query: {
        $filter: `startswith(displayName,'${value}')`,
        $select: 'id,displayName,mail',
        $top: String(max),
      },
    });
    return (body.value ?? [])
      .filter((g): g is Graph.Group & { id: string } => Boolean(g.id))
      .map((g) => ({ id: g.id, displayName: g.displayName ?? '', mail: g.mail ?? null }));
  }

  /**
   * The users of a group, nested groups included (Graph "List group transitive members"; its
   * collection is of directoryObjects, so the nested groups, devices and service principals in
   * it are left out by their `@odata.type`), following `@odata.nextLink` to the last page.
   * Null on Graph's 404 for the group.
   */
  async groupMembers(groupId: string): Promise<EntraUser[] | null> {
    try {
      const members = await this.deps.graph.all<Graph.User & { '@odata.type'?: string }>({
        call: 'GET /groups/{id}/transitiveMembers' satisfies DirectoryCall,
        params: { id: groupId },
        query: { $select: USER_FIELDS },
      });
      // A member read with limited information may lack its sign-in name: its address stands in.
      return members
        .filter((m) => m['@odata.type'] === '#microsoft.graph.user' && m.id)
        .filter((m) => m.userPrincipalName || m.mail)
        .map((m) => toEntraUser({ ...m, userPrincipalName: m.userPrincipalName ?? m.mail }));
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return null;
      throw error;
    }
  }
}

const USER_FIELDS = 'id,displayName,mail,userPrincipalName,userType';

function toEntraUser(body: Graph.User): EntraUser {
  if (!body.id || !body.userPrincipalName) throw new Error('Graph returned a user without an id');
  return {
    objectId: body.id,
    displayName: body.displayName ?? null,
    mail: body.mail ?? null,
    userPrincipalName: body.userPrincipalName,
    userType: body.userType === 'Guest' ? 'Guest' : 'Member',
  };
}
