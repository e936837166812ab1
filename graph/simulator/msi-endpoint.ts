import { Router } from 'express';
import type { SimulatedEntraIssuer } from './entra-issuer.js';

/**
 * The App Service managed identity endpoint (`IDENTITY_ENDPOINT`, API version 2019-08-01): a
 * GET with the `X-IDENTITY-HEADER` secret, the `resource` and, for a user-assigned identity,
 * its `client_id`. msal-node's ManagedIdentityApplication finds it through the IDENTITY_ENDPOINT
 * and IDENTITY_HEADER environment variables, so the UserAssignedMSI path runs in tests too.
 */
export interface SimulatedManagedIdentity {
  clientId: string;
  graphRoles: string[];
}

export function managedIdentityEndpoint(deps: {
  issuer: SimulatedEntraIssuer;
  tenantId: string;
  header: string;
  identities: SimulatedManagedIdentity[];
  resources: string[];
}): Router {
  const router = Router();
  router.get('/token', async (req, res) => {
    if (req.get('x-identity-header') !== deps.header)
      return void res
        .status(401)
        .json({ statusCode: 401, message: 'The identity header is missing or wrong.' });
    const resource = String(req.query.resource ?? '').replace(/\/\.default$/, '');
    const identity = deps.identities.find((i) => i.clientId === req.query.client_id);
    if (!identity || !deps.resources.includes(resource))
      return void res
        .status(400)
        .json({ statusCode: 400, message: 'Unknown identity or resource.' });
    const lifetime = 3600;
    const token = await deps.issuer.issueAppToken({
      tenantId: deps.tenantId,
      appId: identity.clientId,
      audience: resource,
      roles: resource === 'https://graph.microsoft.com' ? identity.graphRoles : [],
      lifetime,
    });
    res.json({
      access_token: token,
      expires_on: Math.floor(Date.now() / 1000) + lifetime,
      resource,
      token_type: 'Bearer',
      client_id: identity.clientId,
    });
  });
  return router;
}
