import { z } from 'zod';
import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { hasAnyRole, type Role } from '../roles.js';

/**
 * The local population figures the area enters (FR-119, FR-120, KPI-2, KPI-5): the number of
 * women aged 16 and over, from which the recommended Marac volume is set (SafeLives, "Reviewing
 * your Marac data": an expected level of 40 cases a year per 10,000 of the adult female
 * population, https://safelives.org.uk/resources-for-professionals/marac-resources/reviewing-your-marac-data/),
 * and the percentage of the local population with each characteristic the SafeLives return
 * counts, which the equality profile compares the cases heard with. The coordinator enters
 * them (from the Census or the local needs assessment) with where they come from; every change
 * is audited. A figure not entered is null and its comparison says so.
 */
export const POPULATION_CHARACTERISTICS = [
  'adult-women',
  'minoritised',
  'ethnicity-asian',
  'ethnicity-black',
  'ethnicity-mixed',
  'ethnicity-white',
  'ethnicity-other',
  'lgbtq',
  'disabled',
  'male',
  'age-16-17',
  'age-65-plus',
] as const;
export type PopulationCharacteristic = (typeof POPULATION_CHARACTERISTICS)[number];

/** What the form and the pack call each figure. */
export const POPULATION_LABELS: Record<PopulationCharacteristic, string> = {
  'adult-women': 'Women aged 16 and over (number of people)',
  minoritised: 'Black, Asian or racially minoritised (% of the population)',
  'ethnicity-asian': 'Asian or Asian British (%)',
  'ethnicity-black': 'Black, Black British, Caribbean or African (%)',
  'ethnicity-mixed': 'Mixed or multiple ethnic groups (%)',
  'ethnicity-white': 'White (%)',
  'ethnicity-other': 'Other ethnic group (%)',
  lgbtq: 'Lesbian, gay, bisexual or trans (%)',
  disabled: 'Disabled (%)',
  male: 'Male (%)',
  'age-16-17': 'Aged 16 or 17 (%)',
  'age-65-plus': 'Aged 65 or over (%)',
};

/** SafeLives' expected level: 40 cases a year per 10,000 women aged 16 and over. */
export const EXPECTED_CASES_PER_10000_WOMEN = 40;

export interface PopulationFigures {
  figures: Record<PopulationCharacteristic, number | null>;
  /** Where the figures come from (e.g. "Census 2021"), as the coordinator wrote it. */
  source: string | null;
  updatedAt: string | null;
}

export interface PopulationRow {
  characteristic: PopulationCharacteristic;
  value: number;
  source: string | null;
  updatedAt: Date;
}

export interface PopulationRepository {
  population(areaId: string): Promise<PopulationRow[]>;
  /** Replaces the area's figures with `rows` (a figure left out is deleted). */
  replacePopulation(
    areaId: string,
    rows: { characteristic: PopulationCharacteristic; value: number }[],
    source: string | null,
    by: string | null,
    now: Date,
  ): Promise<void>;
}

export interface PopulationDeps {
  repos: { population: PopulationRepository };
  uow: UnitOfWork<{ population: PopulationRepository; audit: AuditLog }>;
  audit: AuditLog;
  clock: Clock;
}

export const POPULATION_EDITORS: readonly Role[] = ['coordinator'];
type Actor = { personId: string; areaId: string; roles: Role[] };

export function toFigures(rows: PopulationRow[]): PopulationFigures {
  const figures = Object.fromEntries(POPULATION_CHARACTERISTICS.map((c) => [c, null])) as Record<
    PopulationCharacteristic,
    number | null
  >;
  for (const r of rows) figures[r.characteristic] = Number(r.value);
  const latest = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  return {
    figures,
    source: latest?.source ?? null,
    updatedAt: latest ? latest.updatedAt.toISOString() : null,
  };
}

function mustEdit(actor: Actor): void {
  if (!hasAnyRole(actor.roles, POPULATION_EDITORS))
    throw new DomainError('FORBIDDEN', 'Only the coordinator enters the local population figures.');
}

export async function getPopulation(
  deps: PopulationDeps,
  actor: Actor,
): Promise<PopulationFigures> {
  mustEdit(actor);
  return toFigures(await deps.repos.population.population(actor.areaId));
}

const figure = (c: PopulationCharacteristic) =>
  c === 'adult-women'
    ? z.number().int().min(1).max(20_000_000).nullable()
    : z.number().min(0).max(100).nullable();

const Body = z
  .object({
    figures: z
      .object(
        Object.fromEntries(POPULATION_CHARACTERISTICS.map((c) => [c, figure(c).optional()])) as {
          [K in PopulationCharacteristic]: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
        },
      )
      .strict(),
    source: z.string().trim().max(200).nullable().optional(),
  })
  .strict();

/** The message next to a figure that is not a number in range. */
function fieldMessage(c: PopulationCharacteristic): string {
  return c === 'adult-women'
    ? 'Enter the number of women aged 16 and over, a whole number, or leave it empty.'
    : 'Enter a percentage from 0 to 100, or leave it empty.';
}

export async function savePopulation(
  deps: PopulationDeps,
  actor: Actor,
  body: unknown,
): Promise<PopulationFigures> {
  mustEdit(actor);
  const parsed = Body.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => {
      const key = i.path[1];
      const known = POPULATION_CHARACTERISTICS.includes(key as PopulationCharacteristic);
      return i.path[0] === 'figures' && known
        ? {
            path: `figures.${String(key)}`,
            message: fieldMessage(key as PopulationCharacteristic),
          }
        : i.path[0] === 'source'
          ? {
              path: 'source',
              message: 'Say where the figures come from in 200 characters or fewer.',
            }
          : { path: 'figures', message: 'Send the population figures, each a number or empty.' };
    });
    throw new DomainError(
      'VALIDATION_FAILED',
      fields[0]?.message ?? 'The population figures are not valid.',
      fields,
    );
  }
  const rows = POPULATION_CHARACTERISTICS.flatMap((c) => {
    const v = parsed.data.figures[c];
    return v === null || v === undefined ? [] : [{ characteristic: c, value: v }];
  });
  const source = parsed.data.source ? parsed.data.source : null;
  const now = deps.clock.now();
  await deps.uow.run(async (r) => {
    await r.population.replacePopulation(actor.areaId, rows, source, actor.personId, now);
    // FR-104: changes are audited (which figures, not their values' sources).
    await r.audit.record({
      at: now,
      areaId: actor.areaId,
      actor: { kind: 'person', personId: actor.personId },
      action: 'area-population.update',
      recordType: 'area_population',
      recordId: actor.areaId,
      detail: { figures: rows.length, entered: rows.map((x) => x.characteristic) },
    });
  });
  return toFigures(await deps.repos.population.population(actor.areaId));
}
