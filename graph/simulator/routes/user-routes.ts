import type { SimUser } from '../directory.js';
import type { SimContext } from '../sim-context.js';
import { badRequest, type SimRoute, SimGraphError } from '../sim-route.js';

/**
 * Directory users (Microsoft Graph `GET /users/{id | userPrincipalName}` and `GET /users` with
 * `$filter`). A user is named by object id or user principal name, never by e-mail address:
 * for a B2B guest those differ (`name_domain#EXT#@tenant` against `name@domain`). Only the
 * filters the service uses are understood: one `eq` on `mail`, `userPrincipalName` or `id`, or
 * `startswith(...)` clauses joined by `or` on the properties Graph allows it on without advanced
 * query headers (displayName, givenName, surname, mail, userPrincipalName; case-insensitive, as
 * in Entra). Anything else is Graph's 400 for an unsupported query. `$top` caps the page
 * (1..999, as Graph).
 */
const PERMISSIONS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const FILTER = /^(mail|userPrincipalName|id) eq '((?:[^']|'')*)'$/i;
const STARTS =
  /^startswith\((displayName|givenName|surname|mail|userPrincipalName),\s*'((?:[^']|'')*)'\)$/i;

type Test = (u: SimUser) => boolean;

/** The user's value of a filterable property, as `select` reports it. */
function valueOf(u: SimUser, field: string): string {
  const [given, ...rest] = u.displayName.split(' ');
  switch (field.toLowerCase()) {
    case 'mail':
      return u.mail;
    case 'id':
      return u.id;
    case 'userprincipalname':
      return u.userPrincipalName;
    case 'givenname':
      return given ?? '';
    case 'surname':
      return rest.join(' ');
    default:
      return u.displayName;
  }
}

/** The filter as a test on a user, or null when Graph would refuse it. */
function parseFilter(filter: string): Test | null {
  if (!filter) return () => true;
  const eq = FILTER.exec(filter);
  if (eq) {
    const field = eq[1] as string;
    const value = (eq[2] ?? '').replace(/''/g, "'").toLowerCase();
    return (u) => valueOf(u, field).toLowerCase() === value;
  }
  const clauses = filter.split(/\s+or\s+/i).map((c) => STARTS.exec(c.trim()));
  if (clauses.some((c) => !c)) return null;
  const tests = clauses.map((c) => {
    const field = c?.[1] as string;
    const prefix = (c?.[2] ?? '').replace(/''/g, "'").toLowerCase();
    return (u: SimUser) => valueOf(u, field).toLowerCase().startsWith(prefix);
  });
  return (u) => tests.some((t) => t(u));
}

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
        const test = parseFilter(filter);
        if (!test)
          throw badRequest(
            `Unsupported or invalid query filter clause: ${filter}`,
            'Request_UnsupportedQuery',
          );
        const top = req.query.get('$top');
        const limit = top === null ? 100 : Number(top);
        if (!Number.isInteger(limit) || limit < 1 || limit > 999)
          throw badRequest(
            `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`,
          );
        const users = (await ctx.directory.all()).filter(test).slice(0, limit);
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
