import { expect } from 'vitest';
import {
  findPersonalData,
  fold,
  prepare,
  SubjectIndex,
  type SubjectRecord,
} from '../../core/personal-data/index.js';
import { DEMO_CASES } from '../../store/seed/demo-cases.js';

/**
 * Every piece of seeded case personal data (names, dates of birth, addresses of victims,
 * perpetrators and children), in the forms a careless template might print them. Tests pass
 * any outbound text (mail, card JSON, chat, notification, log) through `expectNoPersonalData`.
 */
export function seededPersonalData(): string[] {
  const values = new Set<string>();
  for (const c of DEMO_CASES) {
    for (const s of c.subjects) {
      values.add(s.fullName);
      for (const part of s.fullName.split(' ')) if (part.length > 3) values.add(part);
      values.add(s.address);
      values.add(s.address.split(',')[0] as string);
      const [y, m, d] = s.dateOfBirth.split('-');
      values.add(s.dateOfBirth);
      values.add(`${d}/${m}/${y}`);
      values.add(`${Number(d)}/${Number(m)}/${y}`);
    }
    values.add(c.summary);
  }
  return [...values];
}

const DATA = seededPersonalData();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Each value as a case-insensitive whole-word pattern: "Omar" is caught in "Dear Omar," but not
 * inside a random Graph message id such as "AAMkOmArZ..." (which made a month-long mail test
 * flaky before).
 */
const PATTERNS = DATA.map((value) => ({
  value,
  pattern: new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(value)}(?![A-Za-z0-9])`, 'i'),
}));

/**
 * The text as someone hiding a name would write it, undone: invisible characters removed,
 * full-width letters and accents folded, letters joined across inserted hyphens.
 */
function unmasked(text: string): string {
  return fold(prepare(text)).replace(/(?<=\p{L})-(?=\p{L})/gu, '');
}

/**
 * Fails naming the leaked value if `text` contains any seeded personal data (IS-07, FR-049),
 * as written or disguised (case, accents, zero-width characters, hyphens inside a word).
 */
export function expectNoPersonalData(text: string, where = 'outbound content'): void {
  const plain = unmasked(text);
  const leaked = PATTERNS.filter(
    ({ value, pattern }) => pattern.test(text) || unmaskedPattern(value).test(plain),
  ).map(({ value }) => value);
  expect(leaked, `${where} contains personal data`).toEqual([]);
}

const UNMASKED = new Map<string, RegExp>();
function unmaskedPattern(value: string): RegExp {
  let pattern = UNMASKED.get(value);
  if (!pattern) {
    pattern = new RegExp(`(?<![a-z0-9])${escapeRegExp(unmasked(value))}(?![a-z0-9])`);
    UNMASKED.set(value, pattern);
  }
  return pattern;
}

/**
 * The product's own guard as a test oracle over any subjects (generated ones in the fuzz test):
 * names in any spelling, dates of birth in any UK format, streets and postcodes.
 */
export function expectNoPersonalDataOf(
  text: string,
  subjects: readonly SubjectRecord[],
  where = 'outbound content',
): void {
  const found = findPersonalData(text, SubjectIndex.of(subjects));
  expect(
    found && { what: found.what, word: found.wordNumber, of: found.subject.fullName },
    `${where} contains personal data`,
  ).toBeNull();
}
