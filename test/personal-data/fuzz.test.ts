import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  refusalMessage,
  SubjectIndex,
  type SubjectRecord,
} from '../../core/personal-data/index.js';
import { expectNoPersonalDataOf } from '../support/personal-data.js';
import {
  addressVariants,
  dateVariants,
  generateSubjects,
  random,
  wordVariants,
  type FuzzSubject,
} from './generate.js';
import { ORDINARY_SENTENCES } from './ordinary-sentences.js';

/**
 * The guard on free text that leaves the service, fuzzed: generated subjects with tricky names,
 * addresses and dates; each written in many ways inside ordinary sentences; every variant must
 * be refused, the refusal must not repeat it, and ordinary MARAC sentences must pass even when
 * subjects are called Will, Mark, May, Green or Hope. Deterministic (fixed seed).
 */
const SEED = 20261207;
const COMMON = new Set(
  'will mark may hope grace rose faith bill green brown king white banks van der'.split(' '),
);
const NAMED_LIKE_WORDS: SubjectRecord[] = [
  { kind: 'victim', fullName: 'Will Green', dateOfBirth: '1988-02-29', address: null },
  { kind: 'perpetrator', fullName: 'Mark May', dateOfBirth: null, address: null },
  { kind: 'child', fullName: 'Hope Banks', dateOfBirth: null, address: null },
  { kind: 'child', fullName: 'May Hope', dateOfBirth: null, address: null },
];
const subjects: FuzzSubject[] = generateSubjects(SEED, 12);
const index = new SubjectIndex([...subjects, ...NAMED_LIKE_WORDS]);
const rnd = random(SEED + 1);
const TEMPLATES = [
  (x: string) => `Police to visit ${x} on Friday.`,
  (x: string) => `IDVA to call ${x} weekly`,
  (x: string) => `${x} to be referred to housing`,
  (x: string) => `Re: ${x}`,
];
const template = () => TEMPLATES[Math.floor(rnd() * TEMPLATES.length)] as (x: string) => string;

function expectRefused(text: string, variant: string, subject: SubjectRecord) {
  const found = findPersonalData(text, index);
  expect(found, `${JSON.stringify(text)} should be refused`).not.toBeNull();
  const message = refusalMessage(found!, { field: 'description', caseId: 'case-0', advice: '' });
  expect(message).not.toContain(variant);
  expectNoPersonalDataOf(message, [subject], 'the refusal');
}

describe('personal-data fuzz: every variant of a subject’s data is refused', () => {
  const distinctive = subjects.flatMap((s) =>
    s.fullName
      .split(' ')
      .filter((w) => w.length > 1 && !COMMON.has(w.toLowerCase()))
      .map((w) => ({ s, w })),
  );

  it(`refuses ${distinctive.length} distinctive name parts in every spelling`, () => {
    expect(distinctive.length).toBeGreaterThan(30);
    for (const { s, w } of distinctive)
      for (const v of wordVariants(w, rnd)) expectRefused(template()(v), v, s);
  });

  it('refuses full names and names split or joined differently', () => {
    for (const s of subjects) {
      const words = s.fullName.split(' ');
      for (const v of [
        s.fullName,
        s.fullName.toUpperCase(),
        s.fullName.toLowerCase(),
        words.join('-'),
        words.join(''),
        words.join('\u200B'),
      ])
        expectRefused(template()(v), v, s);
    }
  });

  it('refuses a name that is also an ordinary word where it reads as a name', () => {
    for (const text of [
      'Police will visit Will Green',
      'Police will visit will green',
      'Police will visit WILL-GREEN',
      'Contact Mrs Green about the tenancy',
      'Speak to Will at school',
      'Mark May to attend',
      'Check on Hope at school',
      'Hope Banks to be seen by the school nurse',
      'Refer Green, Will to the perpetrator programme',
    ])
      expect(findPersonalData(text, index), text).not.toBeNull();
  });

  it('refuses dates of birth in every common UK format', () => {
    for (const s of subjects)
      for (const v of dateVariants(s.dateOfBirth as string))
        expectRefused(`Born ${v}, records to be checked`, v, s);
  });

  it('refuses streets without their house number, abbreviated, with or without postcode', () => {
    for (const s of subjects)
      for (const v of addressVariants(s)) expectRefused(`Patrol to pass ${v} twice daily`, v, s);
  });
});

describe('personal-data fuzz: ordinary MARAC sentences pass', () => {
  it(`accepts all ${ORDINARY_SENTENCES.length} ordinary sentences`, () => {
    expect(ORDINARY_SENTENCES.length).toBeGreaterThanOrEqual(40);
    const refused = ORDINARY_SENTENCES.filter((s) => findPersonalData(s, index) !== null);
    expect(refused).toEqual([]);
  });
});
