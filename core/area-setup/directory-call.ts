import { DomainError } from '../errors.js';

/**
 * A call to the tenant's directory (Entra through Graph). A failure (Microsoft 365 down, the
 * app's permission missing) becomes a plain 502 the coordinator can act on, never a crash.
 */
export async function directoryCall<T>(
  call: () => Promise<T>,
  reads: 'users' | 'groups' = 'users',
): Promise<T> {
  try {
    return await call();
  } catch {
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Your organisation’s directory could not be reached just now. Try again in a few minutes; if it keeps failing, ask IT to check the app’s permission to read ${reads}.`,
    );
  }
}

/** Directory people in the order a coordinator scans a list: by surname, then full name. */
export function bySurname(a: { displayName: string | null }, b: { displayName: string | null }) {
  return surnameKey(a.displayName).localeCompare(surnameKey(b.displayName));
}

function surnameKey(name: string | null): string {
  const words = (name ?? '').trim().toLowerCase().split(/\s+/);
  return `${words.at(-1) ?? ''} ${words.join(' ')}`;
}
