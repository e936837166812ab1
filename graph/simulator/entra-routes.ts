import { Router } from 'express';
import type { SimulatedEntraIssuer } from './entra-issuer.js';
import { tokenEndpoint, type TokenEndpointDeps } from './entra-token-endpoint.js';

/**
 * The simulated tenant's Entra endpoints, at the paths Entra uses under its authority host:
 * `/{tenant}/v2.0/.well-known/openid-configuration`, `/{tenant}/discovery/v2.0/keys`, and, when
 * an app registry is given, the token endpoint `/{tenant}/oauth2/v2.0/token`.
 */
export function entraDiscoveryRoutes(
  issuer: SimulatedEntraIssuer,
  token?: Omit<TokenEndpointDeps, 'issuer'>,
): Router {
  const router = Router();
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    res.json(issuer.openIdConfiguration(req.params.tenant));
  });
  router.get('/:tenant/discovery/v2.0/keys', (_req, res) => {
    res.json(issuer.jwks());
  });
  if (token) router.post('/:tenant/oauth2/v2.0/token', ...tokenEndpoint({ ...token, issuer }));
  return router;
}
