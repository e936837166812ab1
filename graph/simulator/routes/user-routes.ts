import type { SimContext } from '../sim-context.js';
import { SimGraphError, type SimRoute } from '../sim-route.js';

/**
 * `GET /users/{id | userPrincipalName}` (Microsoft Graph "Get user"): the user by object id or
 * user principal name, never by mail alone. Without `$select` Graph returns its default set
 * (businessPhones, displayName, givenName, id, jobTitle, mail, mobilePhone, officeLocation,
 * preferredLanguage, surname, userPrincipalName); with it, just those properties, and an
 * `@odata.context` naming them. An unknown user is 404 Request_ResourceNotFound.
 */
const DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
] as const;

export function userRoutes(ctx: SimContext): SimRoute[] {
  return [
    {
      call: 'GET /users/{id}',
      // Least privileged first, as Microsoft's permission table for this API lists them.
      permissions: [
        'User.Read.All',
        'User.ReadWrite.All',
        'Directory.Read.All',
        'Directory.ReadWrite.All',
      ],
      handle: async (req) => {
        const key = (req.params.id as string).toLowerCase();
        const user = (await ctx.directory.all()).find(
          (u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key,
        );
        if (!user)
          throw new SimGraphError(
            404,
            'Request_ResourceNotFound',
            `Resource '${req.params.id}' does not exist or one of its queried reference-property objects are not present.`,
          );
        const select = req.query.get('$select');
        const selected = select ? select.split(',').map((p) => p.trim()) : [...DEFAULT_PROPERTIES];
        const unknown = selected.find(
          (p) => !(DEFAULT_PROPERTIES as readonly string[]).includes(p),
        );
        if (unknown)
          throw new SimGraphError(
            400,
            'Request_BadRequest',
            `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
          );
        const all: Record<string, unknown> = {
          businessPhones: [],
          displayName: user.displayName,
          givenName: null,
          id: user.id,
          jobTitle: null,
          mail: user.mail,
          mobilePhone: null,
          officeLocation: null,
          preferredLanguage: null,
          surname: null,
          userPrincipalName: user.userPrincipalName,
        };
        const context = select ? `users(${selected.join(',')})/$entity` : 'users/$entity';
        return {
          status: 200,
          body: {
            '@odata.context': `${req.root}/$metadata#${context}`,
            ...Object.fromEntries(selected.map((p) => [p, all[p]])),
          },
        };
      },
    },
  ];
}
