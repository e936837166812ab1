import type { Response } from 'express';
import { principalOf } from '../auth/principal.js';

/** The signed-in person as the use cases' actor. */
export function actorOf(res: Response) {
  const p = principalOf(res);
  return { personId: p.personId, areaId: p.areaId, agencyId: p.agencyId, roles: p.roles };
}

/** Express 5 route params are strings; this narrows one that must be present. */
export function param(
  req: { params: Record<string, string | string[] | undefined> },
  name: string,
): string {
  const value = req.params[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
