/** Plain words for the values the area set-up screens show (never the API's slugs). */
import { ApiError } from '../../../api/client.js';

export const ROLE_LABELS: Record<string, string> = {
  coordinator: 'Coordinator',
  chair: 'Chair',
  'deputy-chair': 'Deputy chair',
  representative: 'Agency representative',
  deputy: 'Deputy representative',
  idva: 'IDVA',
  observer: 'Observer',
  steering: 'Steering group',
  referrer: 'Referrer',
  keyworker: 'Keyworker',
};
export const ROLES = Object.keys(ROLE_LABELS);

export function roleList(roles: readonly string[]): string {
  return roles.map((r) => ROLE_LABELS[r] ?? r).join(', ') || 'No role';
}

/** What the service said is wrong with one field of a form (shown under that field). */
export function fieldMessage(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problems.find((p) => p.path === path || p.field === path)?.message;
}

/** Props for a Fluent `Field` showing the service's message for `path`, if any. */
export function fieldState(error: unknown, path: string) {
  const message = fieldMessage(error, path);
  return message ? { validationState: 'error' as const, validationMessage: message } : {};
}

/** The service's messages for a field (and anything under it, such as one line of a list). */
export function messagesFor(error: unknown, path: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.problems
    .filter((p) => p.path === path || (p.path ?? '').startsWith(`${path}.`))
    .map((p) => p.message);
}
