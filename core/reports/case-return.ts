import { z } from 'zod';

/**
 * What the SafeLives per-meeting data return needs about each case heard (FR-118, KPI-3,
 * KPI-5, KPI-12; REQUIREMENTS.md §3.12), captured once: from the case-list import or the
 * coordinator's edit form, never typed again for the return. Every field is nullable, and null
 * means "not collected", which the return leaves blank; a recorded "no" or 0 counts as zero.
 *
 * Source of the categories: SafeLives, "Marac data" (safelives.org.uk/research-policy/
 * practitioner-datasets/marac-data) and "Latest Marac National Dataset" (safelives.org.uk/
 * practice-support/resources-marac-meetings/latest-marac-data): Maracs return, per meeting,
 * the number of cases, cases referred by each kind of agency, repeats, children, and victims
 * who are Black, Asian or racially minoritised, LGBT+, disabled, male, aged 16-17, and the
 * number aged 17 or below perpetrating abuse. SafeLives does not publish the data form itself
 * where we could read it; the fourteen referral sources below are the agency groups of its
 * Marac data form as best published (police, IDVA, other specialist domestic abuse service,
 * children's social care, primary care, secondary care, mental health, drug and alcohol
 * services, housing, probation, education, adult social care, other statutory, other
 * voluntary). Check them against the form SafeLives sends the Marac before the first return.
 */
export const REFERRAL_SOURCES = [
  'police',
  'idva',
  'other-specialist-da',
  'childrens-social-care',
  'primary-care',
  'secondary-care',
  'mental-health',
  'substance-misuse',
  'housing',
  'probation',
  'education',
  'adult-social-care',
  'other-statutory',
  'other-voluntary',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_SOURCE_LABELS: Record<ReferralSource, string> = {
  police: 'Police',
  idva: 'IDVA service',
  'other-specialist-da': 'Other specialist domestic abuse service',
  'childrens-social-care': 'Children’s social care',
  'primary-care': 'Primary care (GP)',
  'secondary-care': 'Secondary care (hospital)',
  'mental-health': 'Mental health',
  'substance-misuse': 'Drug and alcohol services',
  housing: 'Housing',
  probation: 'Probation',
  education: 'Education',
  'adult-social-care': 'Adult social care',
  'other-statutory': 'Other statutory agency',
  'other-voluntary': 'Other voluntary sector agency',
};

/** The ONS five high-level ethnic groups, which SafeLives' diversity figures aggregate. */
export const ETHNICITY_GROUPS = ['asian', 'black', 'mixed', 'white', 'other'] as const;
export type EthnicityGroup = (typeof ETHNICITY_GROUPS)[number];
export const ETHNICITY_LABELS: Record<EthnicityGroup, string> = {
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  mixed: 'Mixed or multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
};

export const AGE_BANDS = ['16-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export interface CaseReturnData {
  referralSource: ReferralSource | null;
  victimMinoritised: boolean | null;
  victimEthnicity: EthnicityGroup | null;
  victimLgbtq: boolean | null;
  victimDisabled: boolean | null;
  victimSex: Sex | null;
  victimAgeBand: AgeBand | null;
  harmerUnder18: boolean | null;
  childrenInHousehold: number | null;
}

export const EMPTY_RETURN_DATA: CaseReturnData = {
  referralSource: null,
  victimMinoritised: null,
  victimEthnicity: null,
  victimLgbtq: null,
  victimDisabled: null,
  victimSex: null,
  victimAgeBand: null,
  harmerUnder18: null,
  childrenInHousehold: null,
};

/** The edit form's body: every field present, null for "not collected". */
export const caseReturnSchema = z
  .object({
    referralSource: z.enum(REFERRAL_SOURCES).nullable(),
    victimMinoritised: z.boolean().nullable(),
    victimEthnicity: z.enum(ETHNICITY_GROUPS).nullable(),
    victimLgbtq: z.boolean().nullable(),
    victimDisabled: z.boolean().nullable(),
    victimSex: z.enum(SEXES).nullable(),
    victimAgeBand: z.enum(AGE_BANDS).nullable(),
    harmerUnder18: z.boolean().nullable(),
    childrenInHousehold: z.number().int().min(0).max(30).nullable(),
    /** Repeat status lives on the agenda item (core/agenda): known for every case. */
    repeat: z.boolean(),
  })
  .strict();
export type CaseReturnInput = z.infer<typeof caseReturnSchema>;

/** The fields a case still lacks for the return, in words (the check list before submitting). */
export function missingReturnFields(d: CaseReturnData): string[] {
  const missing: string[] = [];
  if (d.referralSource === null) missing.push('referral source');
  if (d.victimMinoritised === null) missing.push('whether the victim is racially minoritised');
  if (d.victimEthnicity === null) missing.push('ethnic group');
  if (d.victimLgbtq === null) missing.push('whether the victim is LGBTQ+');
  if (d.victimDisabled === null) missing.push('disability');
  if (d.victimSex === null) missing.push('sex');
  if (d.victimAgeBand === null) missing.push('age band');
  if (d.harmerUnder18 === null) missing.push('whether the person harming is under 18');
  if (d.childrenInHousehold === null) missing.push('children in the household');
  return missing;
}
