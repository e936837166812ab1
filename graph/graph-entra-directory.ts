import type { EntraDirectory, EntraUser } from '../core/ports/entra-directory.js';
import type { GraphClient } from './graph-client.js';
import { GraphRequestError } from './graph-error.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const DIRECTORY_NEEDS = [
  {
    permission: 'User.Read.All',
    type: 'Application',
    why: 'The set-up command (npm run setup) looks the first coordinator up by sign-in name, to record the Entra object id that sign-in matches on.',
    calls: ['GET /users/{id}'],
  },
] as const satisfies readonly GraphPermissionNeed[];
type DirectoryCall = CallsOf<typeof DIRECTORY_NEEDS>;

interface GraphUser {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName: string;
}

/** The tenant's directory over Microsoft Graph `GET /users/{id | userPrincipalName}`. */
export class GraphEntraDirectory implements EntraDirectory {
  constructor(private readonly deps: { graph: GraphClient }) {}

  async findUser(userPrincipalNameOrId: string): Promise<EntraUser | null> {
    try {
      const { body } = await this.deps.graph.send<GraphUser>({
        call: 'GET /users/{id}' satisfies DirectoryCall,
        params: { id: userPrincipalNameOrId },
        query: { $select: 'id,displayName,mail,userPrincipalName' },
      });
      return {
        objectId: body.id,
        displayName: body.displayName ?? null,
        mail: body.mail ?? null,
        userPrincipalName: body.userPrincipalName,
      };
    } catch (error) {
      // Graph answers 404 Request_ResourceNotFound for a user that does not exist; anything
      // else (no permission, throttling beyond retries) is a failure to report, not "nobody".
      if (error instanceof GraphRequestError && error.status === 404) return null;
      throw error;
    }
  }
}
