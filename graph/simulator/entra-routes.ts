import { Router } from 'express';
import type { SimulatedEntraIssuer } from './entra-issuer.js';

/**
 * The simulated tenant's Entra discovery endpoints, at the paths Entra uses under its authority
 * host: `/{tenant}/v2.0/.well-known/openid-configuration` and `/{tenant}/discovery/v2.0/keys`.
 */
export function entraDiscoveryRoutes(issuer: SimulatedEntraIssuer): Router {
  const router = Router();
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    res.json(issuer.openIdConfiguration(req.params.tenant));
  });
  router.get('/:tenant/discovery/v2.0/keys', (_req, res) => {
    res.json(issuer.jwks());
  });
  return router;
}
