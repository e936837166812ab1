import type { SimUser } from '../directory.js';
import type { SimContext } from '../sim-context.js';
import { badRequest, type SimRoute, SimGraphError } from '../sim-route.js';

/**
 * Directory users (Microsoft Graph `GET /users/{id | userPrincipalName}` and `GET /users` with
 * `$filter`). A user is named by object id or user principal name, never by e-mail address:
 * for a B2B guest those differ (`name_domain#EXT#@tenant` against `name@domain`). Only the
 * filters the service uses are understood (`mail eq`, `userPrincipalName eq`, `id eq`);
 * anything else is Graph's 400 for an unsupported query.
 */
const PERMISSIONS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const FILTER = /^(mail|userPrincipalName|id) eq '((?:[^']|'')*)'$/i;

export function userRoutes(ctx: SimContext): SimRoute[] {
  return [
    {
      call: 'GET /users/{id}',
      permissions: PERMISSIONS,
      handle: async (req) => {
        const user = await ctx.directory.byIdOrUpn(req.params.id as string);
        if (!user)
          throw new SimGraphError(
            404,
            'Request_ResourceNotFound',
            `Resource '${req.params.id}' does not exist or one of its queried reference-property objects are not present.`,
          );
        return { status: 200, body: select(user, req.query.get('$select'), req.root) };
      },
    },
    {
      call: 'GET /users',
      permissions: PERMISSIONS,
      handle: async (req) => {
        const filter = (req.query.get('$filter') ?? '').trim();
        const match = FILTER.exec(filter);
        if (filter && !match)
          throw badRequest(
            `Unsupported or invalid query filter clause: ${filter}`,
            'Request_UnsupportedQuery',
          );
        const field = match?.[1]?.toLowerCase();
        const value = (match?.[2] ?? '').replace(/''/g, "'").toLowerCase();
        const users = (await ctx.directory.all()).filter((u) => {
          if (!field) return true;
          const own = field === 'mail' ? u.mail : field === 'id' ? u.id : u.userPrincipalName;
          return own.toLowerCase() === value;
        });
        return {
          status: 200,
          body: {
            '@odata.context': `${req.root}/$metadata#users`,
            value: users.map((u) => select(u, req.query.get('$select'), null)),
          },
        };
      },
    },
  ];
}

/**
 * Graph's user with the default properties, or only those `$select` names; an unknown name is
 * Graph's 400. A single user (`root` given) carries the `@odata.context` naming the selection.
 */
function select(
  user: SimUser,
  fields: string | null,
  root: string | null,
): Record<string, unknown> {
  const [given, ...rest] = user.displayName.split(' ');
  const full: Record<string, unknown> = {
    businessPhones: [],
    displayName: user.displayName,
    givenName: given ?? null,
    jobTitle: null,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: rest.join(' ') || null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    userType: user.userType ?? 'Member',
  };
  const wanted = fields
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = wanted?.find((f) => !(f in full));
  if (unknown)
    throw new SimGraphError(
      400,
      'Request_BadRequest',
      `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
    );
  const body: Record<string, unknown> = wanted?.length
    ? Object.fromEntries(wanted.map((f) => [f, full[f] ?? null]))
    : Object.fromEntries(Object.entries(full).filter(([k]) => k !== 'userType'));
  if (root === null) return body;
  const context = wanted?.length ? `users(${wanted.join(',')})/$entity` : 'users/$entity';
  return { '@odata.context': `${root}/$metadata#${context}`, ...body };
}
