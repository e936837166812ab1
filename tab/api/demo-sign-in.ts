import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { Directory } from '../../core/ports/directory.js';

/**
 * Demo mode only: the sign-in page lists the seeded (fictional) people, and signing in as one
 * issues a token from the simulated tenant's key, which the tab API validates with the same
 * code as an Entra token. Never mounted in production mode.
 */
export function demoSignInRoutes(deps: {
  /** The simulated tenant's Entra (graph/simulator/entra-issuer.ts), signing a user's token. */
  issuer: {
    issueUserToken(claims: {
      tenantId: string;
      objectId: string;
      name: string;
      preferredUsername: string;
      audience: string;
    }): Promise<string>;
  };
  directory: Pick<Directory, 'listPeople' | 'listAgencies' | 'getPerson'>;
  areaId: () => Promise<string>;
  audience: string;
}): Router {
  const router = Router();
  router.get('/people', async (_req, res) => {
    const areaId = await deps.areaId();
    const [people, agencies] = await Promise.all([
      deps.directory.listPeople(areaId),
      deps.directory.listAgencies(areaId),
    ]);
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    res.json({
      people: people.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        roles: p.roles,
        agency: p.agencyId ? (agencyName.get(p.agencyId) ?? null) : null,
      })),
    });
  });
  router.post('/sign-in', async (req, res) => {
    const { personId } = z.object({ personId: z.uuid() }).parse(req.body);
    const person = await deps.directory.getPerson(personId);
    if (!person?.entraObjectId || !person.entraTenantId)
      throw new DomainError('NOT_FOUND', 'No such demo person.');
    const token = await deps.issuer.issueUserToken({
      tenantId: person.entraTenantId,
      objectId: person.entraObjectId,
      name: person.displayName,
      preferredUsername: person.email,
      audience: deps.audience,
    });
    res.json({ token, expiresInSeconds: 3600 });
  });
  return router;
}
