import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { findPersonalData, guardFreeText, refusalMessage } from './guard.js';
import { SubjectIndex, type SubjectRecord } from './subject-index.js';

const AVA: SubjectRecord = {
  kind: 'victim',
  fullName: 'Ava Fictionwood',
  dateOfBirth: '1987-04-13',
  address: '14 Imaginary Road, Northfield, NF3 2AB',
  caseId: 'case-1',
};
const WILL: SubjectRecord = {
  kind: 'perpetrator',
  fullName: 'Will Green',
  dateOfBirth: '1990-07-02',
  address: 'Flat 2, 3 Nowhere Close, Northfield NF1 4ZZ',
  caseId: 'case-1',
};
const CHILDREN: SubjectRecord[] = [
  {
    kind: 'child',
    fullName: 'May Hope',
    dateOfBirth: '2017-09-23',
    address: null,
    caseId: 'case-1',
  },
  { kind: 'child', fullName: 'Mark', dateOfBirth: null, address: null, caseId: 'case-1' },
];
const OTHER_CASE: SubjectRecord = {
  kind: 'victim',
  fullName: 'Chloé Smith-Jones',
  dateOfBirth: '2003-06-05',
  address: '51 Fable Lane, Southford',
  caseId: 'case-2',
};
const index = new SubjectIndex([AVA, WILL, ...CHILDREN, OTHER_CASE]);
const find = (text: string) => findPersonalData(text, index);

describe('findPersonalData', () => {
  it.each([
    'Speak to Ava today',
    'speak to ava today',
    'FICTIONWOOD to be contacted',
    'Fic-tion-wood to be contacted',
    'Fic\u200Btion\u200Dwood to be contacted',
    'Fictionwóod to be contacted',
    'Ｆｉｃｔｉｏｎｗｏｏｄ to be contacted',
    'Fiction wood to be contacted',
    "Ava's school to be told",
    'Refer Smith to housing',
    'Refer smithjones to housing',
    'Refer Smith Jones to housing',
    'Contact Chloe',
    'Contact CHLOÉ',
  ])('finds a name in %j', (text) => {
    expect(find(text)?.what).toBe('name');
  });

  it.each([
    '13.04.1987',
    '13 April 1987',
    '13/04/87',
    '13-4-1987',
    '1987-04-13',
    '13th April 1987',
    '13th of April, 1987',
    'April 13, 1987',
    '13 Apr 87',
    '13041987',
    '13 / 04 / 1987',
    '5 June 2003',
    '05.06.03',
  ])('finds the date of birth %j', (date) => {
    expect(find(`Born ${date}, check records`)?.what).toBe('date of birth');
  });

  it.each([
    'Visit Imaginary Road',
    'visit imaginary road tomorrow',
    'Visit Imaginary Rd.',
    'Visit Imaginary-Road',
    'Visit 14 Imaginary Road',
    'Visit Nowhere Close',
    'visit fable lane',
  ])('finds a street in %j', (text) => {
    expect(find(text)?.what).toBe('address');
  });

  it('finds a postcode with or without its space', () => {
    expect(find('Patrol near NF3 2AB')?.what).toBe('postcode');
    expect(find('Patrol near nf32ab')?.what).toBe('postcode');
  });

  it('checks the subjects of every case it was given', () => {
    expect(find('Chloe to be referred')?.subject.caseId).toBe('case-2');
  });

  it.each([
    ['Police Will visit the address', 'capital letter'],
    ['Police will visit Will Green', 'full name'],
    ['Contact Mrs Green', 'title'],
    ['Speak to Will at school', 'capital letter'],
    ['Ask Hope about school', 'capital letter'],
    ['Speak to Mark tomorrow', 'capital letter'],
    ['Speak to May today', 'capital letter'],
    ['Green, Will to attend', 'next to another'],
  ])('reads a common word as a name in context: %j', (text, why) => {
    const f = find(text);
    expect(f?.what).toBe('name');
    expect(refusalMessage(f!, { field: 'description', caseId: 'case-1', advice: '' })).toContain(
      why,
    );
  });

  it.each([
    'Police will visit the address on file',
    'May review in May',
    'Review in May 2027',
    'Green light given by housing',
    'We hope the victim engages',
    'Mark the referral as complete',
    'Police will mark the file and give the green light by 3 May',
    'Will the IDVA attend? Hope so.',
    'POLICE WILL VISIT',
    'Housing to review the tenancy by the end of May',
    'Review on 13 April',
    'Child 1 to be seen by the school nurse',
    'Northfield MARAC',
  ])('accepts the ordinary sentence %j', (text) => {
    expect(find(text)).toBeNull();
  });
});

describe('guardFreeText', () => {
  it('refuses with the word position, the part, whose and why, never the value', () => {
    const error = (() => {
      try {
        guardFreeText('IDVA to call Fictionwood', index, {
          field: 'description',
          caseId: 'case-1',
          advice: 'Use roles.',
        });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.message).toBe(
      'The 4th word of the description looks like the surname of the victim in this case. Use roles.',
    );
    expect(error?.message).not.toMatch(/Fictionwood|FR-\d/i);
  });

  it('says when the name is of another case on the agenda, or of the area', () => {
    const f = find('Chloe to attend')!;
    expect(refusalMessage(f, { field: 'reason', caseId: 'case-1', advice: '' })).toContain(
      'in another case on this meeting’s agenda',
    );
    expect(refusalMessage(f, { field: 'meeting title', advice: '' })).toContain(
      'in one of this MARAC’s cases',
    );
  });

  it('passes clean or empty text', () => {
    expect(() =>
      guardFreeText('IDVA to contact the victim by Friday', index, { field: 'x', advice: '' }),
    ).not.toThrow();
    expect(() => guardFreeText(null, index, { field: 'x', advice: '' })).not.toThrow();
  });
});

describe('month names', () => {
  it('reads "to May" as a date only after another month', () => {
    expect(find('From April to May the school will monitor')).toBeNull();
    expect(find('Speak to May today')?.what).toBe('name');
  });
});

describe('named schemes', () => {
  it('reads “Clare’s Law” as the scheme, and Clare elsewhere as a name', () => {
    const clare = new SubjectIndex([
      { kind: 'victim', fullName: 'Clare Law', dateOfBirth: null, address: null },
    ]);
    expect(findPersonalData('Police to consider a Clare’s Law disclosure', clare)).toBeNull();
    expect(findPersonalData('Police to speak to Clare', clare)?.what).toBe('name');
  });
});

describe('SubjectIndex.of', () => {
  it('reuses the index for the same list or the same content, and rebuilds when it changes', () => {
    const list = [AVA, WILL];
    const first = SubjectIndex.of(list);
    expect(SubjectIndex.of(list)).toBe(first);
    expect(SubjectIndex.of([{ ...AVA }, { ...WILL }])).toBe(first);
    const changed = SubjectIndex.of([AVA, { ...WILL, fullName: 'Will Greenhalgh' }]);
    expect(changed).not.toBe(first);
    expect(findPersonalData('Speak to Greenhalgh', changed)?.what).toBe('name');
  });
});
