import type { Request, RequestHandler, Response } from 'express';
import { DomainError } from '../../../core/errors.js';
import type { Person } from '../../../core/model.js';
import { hasAnyRole, type Role } from '../../../core/roles.js';
import type { TokenVerifier } from './token-verifier.js';

/** The signed-in person behind a tab API request, with the roles the directory gives them. */
export interface Principal {
  personId: string;
  areaId: string;
  agencyId: string | null;
  displayName: string;
  roles: Role[];
}

export interface PrincipalDirectory {
  findPersonByEntraId(tenantId: string, objectId: string): Promise<Person | null>;
}

/**
 * Authenticates every request (401 for a missing or invalid token) and maps the user to a
 * person of the area by Entra tenant + object id (403 when not registered). Roles come from the
 * directory at each request, never from the token, so a removed role takes effect at once.
 */
export function requireUser(
  verify: TokenVerifier,
  directory: PrincipalDirectory,
  /** A valid token of nobody here: recorded so the coordinator sees who tried (ids only). */
  onRefused: (tenantId: string, objectId: string) => Promise<void> = async () => {},
): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match)
      return next(
        new DomainError('UNAUTHENTICATED', 'Sign in to continue: no bearer token was sent.'),
      );
    try {
      const user = await verify(match[1] as string);
      const person = await directory.findPersonByEntraId(user.tenantId, user.objectId);
      if (!person) {
        // Recording is best effort: the refusal itself must stand even if the write fails.
        await onRefused(user.tenantId, user.objectId).catch(() => undefined);
        throw new DomainError('NOT_A_MEMBER');
      }
      res.locals.principal = {
        personId: person.id,
        areaId: person.areaId,
        agencyId: person.agencyId,
        displayName: person.displayName,
        roles: person.roles,
      } satisfies Principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The principal `requireUser` attached; throws if the route was mounted without it. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new DomainError('UNAUTHENTICATED');
  return principal;
}

/** 403 unless the principal holds one of `roles` (REQUIREMENTS.md §1.2). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req: Request, res, next) => {
    const principal = principalOf(res);
    next(
      hasAnyRole(principal.roles, roles)
        ? undefined
        : new DomainError('FORBIDDEN', `This needs one of these roles: ${roles.join(', ')}.`),
    );
  };
}
