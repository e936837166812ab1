import { describe, expect, it } from 'vitest';
import { DEFAULT_AREA_POLICY } from '../area-policy.js';
import { DomainError } from '../errors.js';
import type { AuditEntry } from '../ports/audit-log.js';
import type { EntraDirectory, EntraUser } from '../ports/entra-directory.js';
import {
  bootstrapArea,
  type BootstrapDeps,
  type BootstrapRepository,
  DEFAULT_CONFIDENTIALITY_STATEMENT,
  type NewArea,
  type NewCoordinator,
} from './bootstrap-area.js';

const NOW = new Date('2026-12-07T10:00:00Z');
const TENANT = '7d1a6c2e-0000-4000-8000-000000000001';
const JO: EntraUser = {
  objectId: 'a1b2c3d4-0000-4000-8000-00000000000a',
  displayName: 'Jo Bloggs',
  mail: 'jo.bloggs@northfield.example',
  userPrincipalName: 'jo.bloggs@northfield.example',
};

/** An in-memory database whose transactions really roll back (a copy is committed on success). */
function world(users: EntraUser[] = [JO]) {
  let committed = {
    areas: [] as NewArea[],
    people: [] as NewCoordinator[],
    audit: [] as AuditEntry[],
  };
  const lookups: string[] = [];
  const entra: EntraDirectory = {
    async findUser(upn) {
      lookups.push(upn);
      return users.find((u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase()) ?? null;
    },
  };
  const deps: BootstrapDeps = {
    clock: { now: () => NOW },
    tenantId: TENANT,
    organiserMailbox: 'marac@northfield.example',
    entra,
    uow: {
      async run(work) {
        const draft = structuredClone(committed);
        const bootstrap: BootstrapRepository = {
          lockAreas: async () => {},
          existingAreaName: async () => draft.areas[0]?.name ?? null,
          insertArea: async (area) => `area-${draft.areas.push(area)}`,
          insertCoordinator: async (_areaId, person) => `person-${draft.people.push(person)}`,
        };
        const result = await work({
          bootstrap,
          audit: { record: async (entry) => void draft.audit.push(entry) },
        });
        committed = draft;
        return result;
      },
    },
  };
  return { deps, lookups, state: () => committed };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('bootstrapArea', () => {
  it('creates the area with the default policy and statement, and the coordinator found in Entra', async () => {
    const w = world();
    const result = await bootstrapArea(w.deps, {
      areaName: '  Northfield MARAC ',
      coordinator: 'JO.BLOGGS@northfield.example',
      nation: 'scotland',
      timeZone: 'Europe/London',
    });
    expect(result).toEqual({ areaId: 'area-1', coordinatorPersonId: 'person-1', tenantId: TENANT });
    expect(w.state().areas).toEqual([
      {
        name: 'Northfield MARAC',
        nation: 'scotland',
        timeZone: 'Europe/London',
        policy: DEFAULT_AREA_POLICY,
        confidentialityStatement: DEFAULT_CONFIDENTIALITY_STATEMENT,
        organiserMailbox: 'marac@northfield.example',
      },
    ]);
    expect(w.state().people).toEqual([
      {
        displayName: 'Jo Bloggs',
        email: 'jo.bloggs@northfield.example',
        entraObjectId: JO.objectId,
        entraTenantId: TENANT,
      },
    ]);
    expect(w.state().audit).toEqual([
      expect.objectContaining({
        action: 'area.bootstrap',
        areaId: 'area-1',
        actor: { kind: 'system' },
        detail: { nation: 'scotland', timeZone: 'Europe/London', coordinatorPersonId: 'person-1' },
      }),
    ]);
  });

  it('defaults to England and Wales and Europe/London, and falls back to the sign-in name for a user with no mail', async () => {
    const guest = {
      ...JO,
      mail: null,
      displayName: null,
      userPrincipalName: 'sam_agency.example#EXT#@northfield.example',
    };
    const w = world([guest]);
    await bootstrapArea(w.deps, {
      areaName: 'Northfield MARAC',
      coordinator: guest.userPrincipalName,
    });
    expect(w.state().areas[0]).toMatchObject({
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    expect(w.state().people[0]).toMatchObject({
      displayName: guest.userPrincipalName,
      email: guest.userPrincipalName,
    });
  });

  it('refuses a second run without asking Entra or changing anything', async () => {
    const w = world();
    await bootstrapArea(w.deps, {
      areaName: 'Northfield MARAC',
      coordinator: JO.userPrincipalName,
    });
    const before = structuredClone(w.state());
    const error = await refusal(
      bootstrapArea(w.deps, { areaName: 'Southfield MARAC', coordinator: JO.userPrincipalName }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('already has a MARAC area ("Northfield MARAC")');
    expect(w.lookups).toHaveLength(1);
    expect(w.state()).toEqual(before);
  });

  it('creates nothing for a user Entra does not know', async () => {
    const w = world();
    const error = await refusal(
      bootstrapArea(w.deps, {
        areaName: 'Northfield MARAC',
        coordinator: 'nobody@northfield.example',
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ field: 'coordinator' });
    expect(error.message).toMatch(
      /^Nobody with the sign-in name nobody@northfield\.example was found/,
    );
    expect(w.state()).toEqual({ areas: [], people: [], audit: [] });
  });

  it.each([
    [{ coordinator: JO.userPrincipalName }, 'areaName', /--area/],
    [{ areaName: ' ', coordinator: JO.userPrincipalName }, 'areaName', /--area/],
    [{ areaName: 'N' }, 'coordinator', /--coordinator/],
    [{ areaName: 'N', coordinator: 'jo bloggs' }, 'coordinator', /sign-in name/],
    [
      { areaName: 'N', coordinator: JO.userPrincipalName, nation: 'wales' },
      'nation',
      /bank holidays/,
    ],
    [
      { areaName: 'N', coordinator: JO.userPrincipalName, timeZone: 'Europe/Northfield' },
      'timeZone',
      /time zone/,
    ],
  ])('refuses bad input %j in plain words, before asking Entra', async (input, field, message) => {
    const w = world();
    const error = await refusal(bootstrapArea(w.deps, input));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ field });
    expect(error.message).toMatch(message);
    expect(w.lookups).toEqual([]);
  });
});
