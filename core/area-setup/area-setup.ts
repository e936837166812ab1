import { AreaPolicySchema, type AreaPolicy, policyProblems, policyRule } from '../area-policy.js';
import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import { canReceiveMaracInformation, type Agency } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { DirectoryReader } from '../scheduling/meeting-repository.js';
import type { AgencyInput, AreaSetupRepository, PersonInput } from './area-setup-repository.js';

export interface AreaSetupRepos {
  setup: AreaSetupRepository;
  directory: DirectoryReader;
  audit: AuditLog;
}

export interface AreaSetupDeps {
  clock: Clock;
  uow: UnitOfWork<AreaSetupRepos>;
  /** After agencies, people or nominations change: upcoming meetings re-invite (FR-107, FR-108). */
  onDirectoryChanged(areaId: string): Promise<void>;
  /** After the policy changes: circulation due days follow the new lead time (FR-031). */
  onPolicyChanged(areaId: string): Promise<void>;
}

export interface Actor {
  personId: string;
  areaId: string;
}

/** What is missing from an agency's signatory record (FR-107, IS-20), for the set-up screen. */
export function signatoryGaps(agency: Pick<Agency, 'membershipStatus' | 'signatory'>): string[] {
  const s = agency.signatory;
  const gaps: string[] = [];
  if (agency.membershipStatus !== 'approved') gaps.push('membership not approved');
  if (!s.signatoryName?.trim()) gaps.push('signatory name');
  if (!s.authorityConfirmed) gaps.push('authority confirmation');
  if (!s.signedOn) gaps.push('date signed');
  if (!s.dpoName?.trim()) gaps.push('DPO name');
  if (!s.dpoEmail?.trim()) gaps.push('DPO contact');
  return gaps;
}

export function agencyView(agency: Agency) {
  return {
    ...agency,
    canReceiveMaracInformation: canReceiveMaracInformation(agency),
    signatoryGaps: signatoryGaps(agency),
  };
}

export async function createAgency(deps: AreaSetupDeps, actor: Actor, input: AgencyInput) {
  const now = deps.clock.now();
  checkAgencyInput(input);
  const id = await deps.uow.run(async (r) => {
    if (await r.setup.agencyNameTaken(actor.areaId, input.name))
      invalid('name', 'An agency with this name already exists in the area.');
    const agencyId = await r.setup.insertAgency(actor.areaId, input, now);
    await audit(r, actor, now, 'agency.create', 'agency', agencyId, Object.keys(input));
    return agencyId;
  });
  await deps.onDirectoryChanged(actor.areaId);
  return id;
}

export async function updateAgency(
  deps: AreaSetupDeps,
  actor: Actor,
  agencyId: string,
  input: Partial<AgencyInput>,
): Promise<void> {
  const now = deps.clock.now();
  checkAgencyInput(input);
  await deps.uow.run(async (r) => {
    const existing = await agencyOfArea(r, actor, agencyId);
    if (input.signatorySignedOn === undefined && input.signatoryReviewDueOn)
      checkAgencyInput({ ...input, signatorySignedOn: existing.signatory.signedOn });
    if (input.name && (await r.setup.agencyNameTaken(actor.areaId, input.name, agencyId)))
      invalid('name', 'An agency with this name already exists in the area.');
    await r.setup.updateAgency(agencyId, input, now);
    await audit(r, actor, now, 'agency.update', 'agency', agencyId, Object.keys(input));
  });
  await deps.onDirectoryChanged(actor.areaId);
}

/** Withdrawal has its own step (it records what happened to the information); dates in order. */
function checkAgencyInput(input: Partial<AgencyInput>): void {
  if (input.membershipStatus === 'withdrawn')
    invalid(
      'membershipStatus',
      'Use “Withdraw” to withdraw an agency: it records whether its MARAC information was destroyed or returned.',
    );
  if (
    input.signatorySignedOn &&
    input.signatoryReviewDueOn &&
    input.signatoryReviewDueOn <= input.signatorySignedOn
  )
    invalid('signatoryReviewDueOn', 'The review date must be after the date it was signed.');
}

/** one nominated representative and at most one deputy per agency, both its own staff. */
export async function nominate(
  deps: AreaSetupDeps,
  actor: Actor,
  agencyId: string,
  input: { representativeId: string; deputyId: string | null },
): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await agencyOfArea(r, actor, agencyId);
    for (const [field, id] of [
      ['representativeId', input.representativeId],
      ['deputyId', input.deputyId],
    ] as const) {
      if (!id) continue;
      const person = await r.directory.getPerson(id);
      if (!person || person.agencyId !== agencyId)
        invalid(field, 'Nominate someone who works for this agency (add them under People first).');
    }
    if (input.deputyId === input.representativeId)
      invalid('deputyId', 'The deputy must be a different person from the representative.');
    const before = await r.setup.nominationsOf(agencyId);
    await r.setup.setNominations(agencyId, input.representativeId, input.deputyId, now);
    await audit(
      r,
      actor,
      now,
      'agency.nominate',
      'agency',
      agencyId,
      ['representative', 'deputy'],
      {
        before: { representativeId: before.representativeId, deputyIds: before.deputyIds },
        after: {
          representativeId: input.representativeId,
          deputyIds: input.deputyId ? [input.deputyId] : [],
        },
      },
    );
  });
  await deps.onDirectoryChanged(actor.areaId);
}

export async function updatePerson(
  deps: AreaSetupDeps,
  actor: Actor,
  personId: string,
  input: Partial<PersonInput>,
): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    const existing = inArea(await r.directory.getPerson(personId), actor);
    const merged: PersonInput = {
      displayName: input.displayName ?? existing.displayName,
      email: input.email ?? existing.email,
      agencyId: input.agencyId === undefined ? existing.agencyId : input.agencyId,
      roles: input.roles ?? existing.roles,
    };
    if (personId === actor.personId && !merged.roles.includes('coordinator'))
      invalid('roles', 'You cannot remove your own coordinator role; ask another coordinator.');
    await checkPerson(r, actor, merged, personId);
    await r.setup.updatePerson(personId, input, now);
    await audit(r, actor, now, 'person.update', 'person', personId, Object.keys(input), {
      before: { roles: existing.roles, agencyId: existing.agencyId },
      after: { roles: merged.roles, agencyId: merged.agencyId },
    });
  });
  await deps.onDirectoryChanged(actor.areaId);
}

/**
 * The area's rules (REQUIREMENTS.md §10), validated as a whole: unknown keys and bad values
 * are refused with every field named; missing values keep their defaults.
 */
export async function updatePolicy(
  deps: AreaSetupDeps,
  actor: Actor,
  changes: Record<string, unknown>,
): Promise<AreaPolicy> {
  const now = deps.clock.now();
  const policy = await deps.uow.run(async (r) => {
    const area = await r.directory.getArea(actor.areaId);
    if (!area) throw new DomainError('NOT_A_MEMBER');
    const parsed = AreaPolicySchema.strict().safeParse({ ...area.policy, ...changes });
    const problems = parsed.success
      ? policyProblems(parsed.data)
      : parsed.error.issues.map((i) => {
          const path = i.path.join('.');
          const unknown = i.code === 'unrecognized_keys' ? i.keys.join(', ') : null;
          return {
            path,
            message: unknown
              ? `The area has no setting called ${unknown}.`
              : (policyRule(path) ?? 'Check this value.'),
          };
        });
    if (!parsed.success || problems.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        'The policy was not changed: fix the values marked.',
        problems,
      );
    const changed = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(area.policy[k as keyof AreaPolicy]) !==
        JSON.stringify(parsed.data[k as keyof AreaPolicy]),
    );
    await r.setup.updatePolicy(actor.areaId, parsed.data, now);
    await audit(r, actor, now, 'area.policy-update', 'area', actor.areaId, changed, {
      before: Object.fromEntries(changed.map((k) => [k, area.policy[k as keyof AreaPolicy]])),
      after: Object.fromEntries(changed.map((k) => [k, parsed.data[k as keyof AreaPolicy]])),
    });
    return parsed.data;
  });
  await deps.onPolicyChanged(actor.areaId);
  return policy;
}

/** The statement read out at the start of every meeting and shown with the declaration. */
export async function updateConfidentialityStatement(
  deps: AreaSetupDeps,
  actor: Actor,
  text: string,
): Promise<void> {
  const now = deps.clock.now();
  const statement = text.trim();
  if (statement.length < 40)
    invalid('confidentialityStatement', 'Write the full statement (at least a sentence or two).');
  if (statement.length > 4000)
    invalid('confidentialityStatement', 'Keep the statement under 4,000 characters.');
  await deps.uow.run(async (r) => {
    const area = await r.directory.getArea(actor.areaId);
    if (!area) throw new DomainError('NOT_A_MEMBER');
    await r.setup.updateConfidentialityStatement(actor.areaId, statement, now);
    // Lengths only: the audit log keeps ids and values, not free text.
    await audit(
      r,
      actor,
      now,
      'area.statement-update',
      'area',
      actor.areaId,
      ['confidentialityStatement'],
      {
        before: { characters: area.confidentialityStatement.length },
        after: { characters: statement.length },
      },
    );
  });
}

export async function checkPerson(
  r: AreaSetupRepos,
  actor: Actor,
  input: PersonInput,
  personId?: string,
) {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email))
    invalid('email', 'Enter a valid e-mail address.');
  if (await r.setup.emailTaken(actor.areaId, input.email, personId))
    invalid('email', 'Someone in this area already has this e-mail address.');
  if (input.agencyId) await agencyOfArea(r, actor, input.agencyId);
  const needsAgency = input.roles.filter((role) =>
    ['representative', 'deputy', 'idva'].includes(role),
  );
  if (needsAgency.length > 0 && !input.agencyId)
    invalid('agencyId', `The ${needsAgency.join(' and ')} role needs the person's agency.`);
}

export async function agencyOfArea(
  r: AreaSetupRepos,
  actor: Actor,
  agencyId: string,
): Promise<Agency> {
  const agency = (await r.directory.listAgencies(actor.areaId)).find((a) => a.id === agencyId);
  if (!agency) invalid('agencyId', 'No agency with this id in your area.');
  return agency;
}

export async function audit(
  r: AreaSetupRepos,
  actor: Actor,
  at: Date,
  action: string,
  recordType: string,
  recordId: string,
  fields: string[],
  change?: { before: Record<string, unknown>; after: Record<string, unknown> },
) {
  await r.audit.record({
    at,
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action,
    recordType,
    recordId,
    detail: change
      ? { fields, ...flatten('before', change.before), ...flatten('after', change.after) }
      : { fields },
  });
}

type AuditValue = string | number | boolean | string[] | null;

/**
 * Before/after values as the audit log's flat detail (`before.capacity.maxCases`): ids, role
 * names and policy values only, never a name or address. A list of records is kept as JSON.
 */
export function flatten(prefix: string, value: unknown): Record<string, AuditValue> {
  if (value === undefined) return {};
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
    return { [prefix]: value as AuditValue };
  if (Array.isArray(value))
    return { [prefix]: value.every((v) => typeof v === 'string') ? value : JSON.stringify(value) };
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      Object.entries(flatten(`${prefix}.${k}`, v)),
    ),
  );
}

export function invalid(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', message, [{ path: field, message }]);
}
