import { Router } from 'express';
import { DomainError } from '../../core/errors.js';
import type { Directory } from '../../core/ports/directory.js';
import { principalOf, requireUser } from './auth/principal.js';
import type { TokenVerifier } from './auth/token-verifier.js';
import { type AreaScope, policyRouter, provideAreaScope } from './policy-router.js';

/**
 * A feature's routes under /api, all behind sign-in; each router registers its routes through
 * `policyRouter(path)`, so each route passes its row of ACCESS_POLICY before its handler.
 */
export interface TabApiFeature {
  path: string;
  router: Router;
}

/**
 * The tab HTTP API: every route requires a valid SSO token mapped to a person of the area;
 * content is never returned before that check ("Never show content before the role
 * check"). Mount it after /api/messages and /api/calling, which authenticate differently.
 */
export function createTabApi(deps: {
  verify: TokenVerifier;
  directory: Pick<Directory, 'findPersonByEntraId' | 'getArea' | 'getAgency' | 'getPerson'>;
  features: TabApiFeature[];
  scope: AreaScope;
  onRefusedSignIn?: (tenantId: string, objectId: string) => Promise<void>;
}): Router {
  const api = Router();
  api.use(requireUser(deps.verify, deps.directory, deps.onRefusedSignIn));
  api.use(provideAreaScope(deps.scope));
  const me = policyRouter('');
  me.get('/me', async (_req, res) => {
    const principal = principalOf(res);
    const [person, area, agency] = await Promise.all([
      deps.directory.getPerson(principal.personId),
      deps.directory.getArea(principal.areaId),
      principal.agencyId ? deps.directory.getAgency(principal.agencyId) : null,
    ]);
    if (!person || !area) throw new DomainError('NOT_A_MEMBER');
    res.json({
      person: { id: person.id, displayName: person.displayName, email: person.email },
      roles: person.roles,
      agency: agency ? { id: agency.id, name: agency.name, isCore: agency.isCore } : null,
      area: { id: area.id, name: area.name, timeZone: area.timeZone },
    });
  });
  api.use(me.router);
  for (const feature of deps.features) api.use(feature.path, feature.router);
  return api;
}
