import { DomainError } from './errors.js';

/**
 * Every use case that loads a record by id passes it through here before reading or writing
 * anything else: a record of another MARAC area is answered exactly like one that does not
 * exist, so nobody learns that it does, and nothing is stored or audited against it.
 */
export function inArea<T extends { areaId: string }>(
  record: T | null | undefined,
  actor: { areaId: string },
  message?: string,
): T {
  if (!record || record.areaId !== actor.areaId) throw new DomainError('NOT_FOUND', message);
  return record;
}
