/**
 * Roles a person holds in a MARAC area (REQUIREMENTS.md §1.1, R1-R10). A person may hold
 * several (a deputy chair is usually also an agency representative).
 */
export const ROLES = [
  'coordinator',
  'chair',
  'deputy-chair',
  'representative',
  'deputy',
  'idva',
  'observer',
  'steering',
  'referrer',
  'keyworker',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that run the meeting: assign, confirm, edit and reject actions (R2). */
export const CHAIR_ROLES: readonly Role[] = ['chair', 'deputy-chair'];

/** Roles that speak for an agency: volunteer actions, close their agency's actions (R3, R4). */
export const AGENCY_VOICE_ROLES: readonly Role[] = ['representative', 'deputy', 'idva'];

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return held.some((role) => wanted.includes(role));
}
