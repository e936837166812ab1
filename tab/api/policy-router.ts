import { Router, type Request, type RequestHandler, type Response } from 'express';
import { DomainError } from '../../core/errors.js';
import { hasAnyRole } from '../../core/roles.js';
import type { AreaScope } from '../../core/ports/area-scope.js';
import { ACCESS_POLICY, type PolicyKey, type RoutePolicy } from './access-policy.js';
import { principalOf } from './auth/principal.js';
import { param } from './routes/route-helpers.js';

export type { AreaScope };

/** The gate's mark on a route, read by the route test to prove every route has a policy. */
export interface GatedHandler extends RequestHandler {
  accessPolicy: PolicyKey;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mounted by the tab API after sign-in, so every gate can reach the store. */
export function provideAreaScope(scope: AreaScope): RequestHandler {
  return (_req, res, next) => {
    res.locals.areaScope = scope;
    next();
  };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A router whose routes can only be registered with their row of ACCESS_POLICY, looked up by
 * method and full path (`mount` is where compose mounts the router under /api). A route
 * without a row throws here, so the service refuses to start rather than serve it unguarded.
 */
export function policyRouter(mount: string) {
  const router = Router();
  const add =
    (method: Method) =>
    (path: string, ...handlers: RequestHandler[]) => {
      const key = `${method.toUpperCase()} /api${mount}${path === '/' ? '' : path}`;
      const policy = (ACCESS_POLICY as Record<string, RoutePolicy>)[key];
      if (!policy)
        throw new Error(`No access policy for ${key}: add its row to tab/api/access-policy.ts.`);
      router[method](path, gate(key as PolicyKey, policy), ...handlers);
    };
  return {
    router,
    get: add('get'),
    post: add('post'),
    put: add('put'),
    patch: add('patch'),
    delete: add('delete'),
  };
}

/**
 * Before the handler parses anything: the role (or, where the policy says so, being the
 * meeting's named lead), then every record named in the path must be in the caller's area.
 * Wrong role is 403; another area's record is 404, the same as one that does not exist.
 */
function gate(key: PolicyKey, policy: RoutePolicy): GatedHandler {
  const handler = async (req: Request, res: Response, next: (e?: unknown) => void) => {
    try {
      const principal = principalOf(res);
      const scope = res.locals.areaScope as AreaScope | undefined;
      if (!scope) throw new Error('The access gate runs only inside the tab API.');
      let allowed = hasAnyRole(principal.roles, policy.roles);
      if (!allowed && policy.leadOf) {
        const meetingId = param(req, policy.leadOf);
        allowed =
          UUID.test(meetingId) &&
          (await scope.meetingLeads(meetingId.toLowerCase())).includes(principal.personId);
      }
      if (!allowed)
        throw new DomainError(
          'FORBIDDEN',
          policy.refusal ?? 'Your role in this MARAC does not allow this.',
        );
      for (const [name, kind] of Object.entries(policy.scope ?? {})) {
        const id = param(req, name);
        // A malformed id is left to the handler, which answers it with a 400 that says so.
        if (!UUID.test(id)) continue;
        if ((await scope.areaOf(kind, id.toLowerCase())) !== principal.areaId)
          throw new DomainError('NOT_FOUND');
      }
      next();
    } catch (error) {
      next(error);
    }
  };
  return Object.assign(handler, { accessPolicy: key });
}
