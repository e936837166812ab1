import { z } from 'zod';
import { DEFAULT_AREA_POLICY, type AreaPolicy } from '../area-policy.js';
import { NATIONS, type Nation } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { EntraDirectory } from '../ports/entra-directory.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

/**
 * The first run in a real tenant: creates the one MARAC area with the default policy and
 * confidentiality statement, and its first coordinator, looked up in Entra so that their
 * object id is recorded (sign-in matches on it, not on an e-mail address). Runs once: with an
 * area already there it changes nothing. Everything after this is done in the app.
 */

/** Said at the start of every meeting until the coordinator words their own (FR-046). */
export const DEFAULT_CONFIDENTIALITY_STATEMENT =
  'This meeting is confidential. Information shared here is shared only for the purpose of ' +
  'keeping people safe, under the information-sharing agreement your agency has signed. Do not ' +
  'discuss it outside the meeting or pass it on except as the agreed actions require. Minutes ' +
  'are kept securely and are not copied or shared without the agreement of the agencies ' +
  'concerned. Everyone discussed is treated fairly and with respect.';

export interface NewArea {
  name: string;
  nation: Nation;
  timeZone: string;
  policy: AreaPolicy;
  confidentialityStatement: string;
  organiserMailbox: string | null;
}

export interface NewCoordinator {
  displayName: string;
  email: string;
  entraObjectId: string;
  entraTenantId: string;
}

/** The writes of the first run (store/bootstrap-store.ts). */
export interface BootstrapRepository {
  /** Holds off a second set-up running at the same moment until this one commits. */
  lockAreas(): Promise<void>;
  /** The name of an area already in the database, if there is one. */
  existingAreaName(): Promise<string | null>;
  insertArea(area: NewArea, now: Date): Promise<string>;
  insertCoordinator(areaId: string, person: NewCoordinator, now: Date): Promise<string>;
}

export interface BootstrapRepos {
  bootstrap: BootstrapRepository;
  audit: AuditLog;
}

export interface BootstrapDeps {
  clock: Clock;
  uow: UnitOfWork<BootstrapRepos>;
  entra: EntraDirectory;
  /** The tenant the directory belongs to, recorded with the object id (sign-in checks both). */
  tenantId: string;
  /** The MARAC mailbox that organises meetings (config). */
  organiserMailbox: string | null;
}

export interface BootstrapResult {
  areaId: string;
  coordinatorPersonId: string;
  tenantId: string;
}

const input = z.object({
  areaName: z
    .string({ error: 'Give the area a name with --area, e.g. --area "Northfield MARAC".' })
    .trim()
    .min(1, 'Give the area a name with --area, e.g. --area "Northfield MARAC".')
    .max(120, 'The area name is too long: keep it under 120 characters.'),
  coordinator: z
    .string({ error: 'Name the first coordinator with --coordinator and their sign-in name.' })
    .trim()
    .regex(
      /^[^\s@]+@[^\s@]+$/,
      'The coordinator is given by their Microsoft 365 sign-in name, e.g. --coordinator jo.bloggs@northfield.gov.uk.',
    ),
  nation: z
    .enum(NATIONS as [Nation, ...Nation[]], {
      error: `The nation must be one of ${NATIONS.join(', ')} (it decides the bank holidays).`,
    })
    .default('england-and-wales'),
  timeZone: z
    .string()
    .refine(isTimeZone, {
      error: 'That time zone is not known; use an IANA name such as Europe/London.',
    })
    .default('Europe/London'),
});

/** As typed by the operator: every field is checked here, with a plain message. */
export interface BootstrapInput {
  areaName?: string;
  coordinator?: string;
  nation?: string;
  timeZone?: string;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function alreadySetUp(name: string): DomainError {
  return new DomainError(
    'CONFLICT',
    `This database already has a MARAC area ("${name}"). Set-up runs only once, and nothing was changed; the coordinator changes the area in the app.`,
  );
}

export async function bootstrapArea(
  deps: BootstrapDeps,
  raw: BootstrapInput,
): Promise<BootstrapResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('VALIDATION_FAILED', issue?.message, { field: issue?.path.join('.') });
  }
  const args = parsed.data;

  // Checked before asking the directory, so a second run fails fast and asks Entra nothing.
  const existing = await deps.uow.run((r) => r.bootstrap.existingAreaName());
  if (existing !== null) throw alreadySetUp(existing);

  const user = await deps.entra.findUser(args.coordinator);
  if (!user)
    throw new DomainError(
      'VALIDATION_FAILED',
      `Nobody with the sign-in name ${args.coordinator} was found in your organisation's directory (Microsoft Entra ID). Check the spelling; nothing was created.`,
      { field: 'coordinator' },
    );

  const now = deps.clock.now();
  return deps.uow.run(async (r) => {
    await r.bootstrap.lockAreas();
    const raced = await r.bootstrap.existingAreaName();
    if (raced !== null) throw alreadySetUp(raced);
    const areaId = await r.bootstrap.insertArea(
      {
        name: args.areaName,
        nation: args.nation,
        timeZone: args.timeZone,
        policy: DEFAULT_AREA_POLICY,
        confidentialityStatement: DEFAULT_CONFIDENTIALITY_STATEMENT,
        organiserMailbox: deps.organiserMailbox,
      },
      now,
    );
    const coordinatorPersonId = await r.bootstrap.insertCoordinator(
      areaId,
      {
        displayName: user.displayName?.trim() || user.userPrincipalName,
        email: user.mail ?? user.userPrincipalName,
        entraObjectId: user.objectId,
        entraTenantId: deps.tenantId,
      },
      now,
    );
    await r.audit.record({
      at: now,
      areaId,
      actor: { kind: 'system' },
      action: 'area.bootstrap',
      recordType: 'area',
      recordId: areaId,
      detail: { nation: args.nation, timeZone: args.timeZone, coordinatorPersonId },
    });
    return { areaId, coordinatorPersonId, tenantId: deps.tenantId };
  });
}
