import type { SimGroup, SimUser } from '../directory.js';
import type { SimContext } from '../sim-context.js';
import { badRequest, page, type SimRoute, SimGraphError } from '../sim-route.js';

/**
 * Directory groups: Microsoft Graph "List groups" (`GET /groups` with a `startswith` filter on
 * displayName, https://learn.microsoft.com/en-us/graph/api/group-list) and "List group
 * transitive members" (`GET /groups/{id}/transitiveMembers`,
 * https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers): a flat collection
 * of directoryObjects, each with its `@odata.type` (`#microsoft.graph.user`, and
 * `#microsoft.graph.group` for the nested groups themselves), in pages of 100 by default with
 * an `@odata.nextLink`. An unknown group is Graph's 404 Request_ResourceNotFound.
 */
const PERMISSIONS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
];
const STARTS = /^startswith\(displayName,\s*'((?:[^']|'')*)'\)$/i;
const USER_FIELDS = ['id', 'displayName', 'mail', 'userPrincipalName', 'userType', 'givenName'];

export function groupRoutes(ctx: SimContext): SimRoute[] {
  return [
    {
      call: 'GET /groups',
      permissions: PERMISSIONS,
      handle: async (req) => {
        const filter = (req.query.get('$filter') ?? '').trim();
        const starts = filter ? STARTS.exec(filter) : null;
        if (filter && !starts)
          throw badRequest(
            `Unsupported or invalid query filter clause: ${filter}`,
            'Request_UnsupportedQuery',
          );
        const prefix = (starts?.[1] ?? '').replace(/''/g, "'").toLowerCase();
        const groups = ctx.directory
          .groups()
          .filter((g) => g.displayName.toLowerCase().startsWith(prefix));
        const fields = selected(req.query.get('$select'), ['id', 'displayName', 'mail']);
        return {
          status: 200,
          body: {
            '@odata.context': `${req.root}/$metadata#groups`,
            ...page(
              groups.map((g) => groupBody(g, fields, false)),
              req,
              '/groups',
              ctx.pageSize,
            ),
          },
        };
      },
    },
    {
      call: 'GET /groups/{id}/transitiveMembers',
      permissions: PERMISSIONS,
      handle: async (req) => {
        const id = req.params.id as string;
        if (!ctx.directory.group(id))
          throw new SimGraphError(
            404,
            'Request_ResourceNotFound',
            `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
          );
        const fields = selected(req.query.get('$select'), USER_FIELDS);
        const members = (await ctx.directory.transitiveMembers(id)).map((m) =>
          'members' in m ? groupBody(m, fields, true) : userBody(m, fields),
        );
        return {
          status: 200,
          body: {
            '@odata.context': `${req.root}/$metadata#directoryObjects`,
            ...page(members, req, `/groups/${id}/transitiveMembers`, ctx.pageSize),
          },
        };
      },
    },
  ];
}

function selected(select: string | null, known: string[]): string[] {
  const wanted = (select ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return wanted.length ? wanted : known;
}

function userBody(u: SimUser, fields: string[]): Record<string, unknown> {
  const [given] = u.displayName.split(' ');
  const full: Record<string, unknown> = {
    id: u.id,
    displayName: u.displayName,
    givenName: given ?? null,
    mail: u.mail,
    userPrincipalName: u.userPrincipalName,
    userType: u.userType ?? 'Member',
  };
  return {
    '@odata.type': '#microsoft.graph.user',
    ...Object.fromEntries(fields.map((f) => [f, full[f] ?? null])),
  };
}

function groupBody(g: SimGroup, fields: string[], typed: boolean): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: g.id,
    displayName: g.displayName,
    mail: g.mail,
  };
  return {
    ...(typed ? { '@odata.type': '#microsoft.graph.group' } : {}),
    ...Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]])),
  };
}
