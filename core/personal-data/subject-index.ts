import { prepare, tokenise, type Token } from './normalise.js';
import {
  COMMON_NAME_WORDS,
  DWELLING_PREFIXES,
  HOUSE_NAME_ENDINGS,
  STREET_ABBREVIATIONS,
  STREET_TYPES,
} from './words.js';

/** A victim, perpetrator, child or other person at risk, as the case list holds them. */
export interface SubjectRecord {
  kind: string;
  fullName: string;
  dateOfBirth: string | null;
  address: string | null;
  /** Other names the subject is known by (comma, semicolon or slash separated). */
  aliases?: string | null;
  /** The subject's case, so a refusal can say "this case" or "another case on this agenda". */
  caseId?: string;
}

export type NameRole = 'first name' | 'middle name' | 'surname' | 'name' | 'full name';

export interface NameEntry {
  subject: number;
  role: NameRole;
  /** An ordinary word too (Will, May, Green): counts only in a name-like context. */
  common: boolean;
}

export interface StreetEntry {
  subject: number;
  keys: string[];
}

/**
 * Everything the guard matches, computed once per call from the subjects' records: folded name
 * keys, the full-name sequences, dates of birth, street names and postcodes. Matching a text is
 * then a walk over its words with map look-ups (no regular expression per name).
 */
export class SubjectIndex {
  readonly subjects: readonly SubjectRecord[];
  readonly names = new Map<string, NameEntry[]>();
  /** Full names of two or more words, by their first key. */
  readonly fullNames = new Map<string, { subject: number; keys: string[] }[]>();
  /** Every name key of each subject, for the "next to another of their names" signal. */
  readonly nameKeys: Set<string>[] = [];
  readonly birthDays = new Map<string, number[]>();
  readonly streets = new Map<string, StreetEntry[]>();
  /** A street written as one word ("ImaginaryRoad"). */
  readonly joinedStreets = new Map<string, number[]>();
  readonly postcodes = new Map<string, number[]>();

  /**
   * The index of a list, built once per list and reused while the same subjects come back:
   * by identity (the meeting run's store shares one list between the clicks of the same
   * second), then by content (a re-read of an unchanged agenda), so a card click costs one
   * walk over its text rather than a rebuild.
   */
  static of(subjects: readonly SubjectRecord[]): SubjectIndex {
    let index = BY_LIST.get(subjects);
    if (index) return index;
    const key = subjects
      .map((s) =>
        [s.caseId, s.kind, s.fullName, s.aliases, s.dateOfBirth, s.address].join('\u0000'),
      )
      .join('\u0001');
    index = BY_CONTENT.get(key);
    if (!index) {
      index = new SubjectIndex(subjects);
      if (BY_CONTENT.size >= MAX_CACHED)
        BY_CONTENT.delete(BY_CONTENT.keys().next().value as string);
      BY_CONTENT.set(key, index);
    }
    BY_LIST.set(subjects, index);
    return index;
  }

  constructor(subjects: readonly SubjectRecord[]) {
    this.subjects = subjects;
    subjects.forEach((s, i) => {
      this.nameKeys.push(new Set());
      const names = [s.fullName, ...(s.aliases ?? '').split(/[,;/]+/)];
      for (const name of names) this.addName(i, name);
      if (s.dateOfBirth) push(this.birthDays, s.dateOfBirth.slice(0, 10), i);
      if (s.address) this.addAddress(i, s.address);
    });
  }

  private addName(subject: number, name: string) {
    const words = tokenise(prepare(name)).filter((w) => w.key);
    const keys = words.map((w) => w.key);
    const add = (key: string, role: NameRole) => {
      this.nameKeys[subject]?.add(key);
      const common = key.length < 2 || COMMON_NAME_WORDS.has(key) || /^\d+$/.test(key);
      push(this.names, key, { subject, role, common });
    };
    words.forEach((w, i) => {
      const role: NameRole =
        words.length === 1
          ? 'name'
          : i === 0
            ? 'first name'
            : i === words.length - 1
              ? 'surname'
              : 'middle name';
      add(w.key, role);
      for (const part of w.parts) add(part, role);
    });
    if (keys.length > 1) {
      add(keys.join(''), 'full name');
      push(this.fullNames, keys[0] as string, { subject, keys });
    }
  }

  private addAddress(subject: number, address: string) {
    const prepared = prepare(address);
    for (const code of postcodesIn(prepared.toLowerCase()))
      push(this.postcodes, code.code, subject);
    for (const segment of prepared.split(/[,;\n]+/)) {
      const stream = addressStream(tokenise(segment)).map((x) => x.key);
      let start = 0;
      while (
        start < stream.length &&
        (/^\d/.test(stream[start] as string) ||
          DWELLING_PREFIXES.has(stream[start] as string) ||
          (stream[start] as string).length === 1)
      )
        start += 1;
      const hadNumber = stream.slice(0, start).some((k) => /^\d/.test(k));
      const rest = stream.slice(start).filter((k) => !/^\d/.test(k));
      const last = rest[rest.length - 1];
      if (!last || isPostcodePart(rest)) continue;
      const naming = rest.filter((k) => k !== 'the' && !STREET_TYPES.has(k));
      const street =
        (STREET_TYPES.has(last) && rest.length >= 2 && naming.length > 0) ||
        (HOUSE_NAME_ENDINGS.has(last) && rest.length >= 2) ||
        (hadNumber && rest.join('').length >= 5 && naming.length > 0);
      if (!street) continue;
      push(this.streets, rest[0] as string, { subject, keys: rest });
      push(this.joinedStreets, rest.join(''), subject);
    }
  }
}

const BY_LIST = new WeakMap<readonly SubjectRecord[], SubjectIndex>();
/** A few meetings' worth (meetings running at once); the oldest is dropped first. */
const MAX_CACHED = 16;
const BY_CONTENT = new Map<string, SubjectIndex>();

function isPostcodePart(keys: string[]): boolean {
  return keys.length <= 2 && WHOLE_POSTCODE.test(keys.join(' '));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const POSTCODE = /(?<![a-z0-9])([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})(?![a-z0-9])/g;
const WHOLE_POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}$/;

/** UK postcodes in lower-cased text, without their space ("nf32ab"). */
export function postcodesIn(lower: string): { code: string; at: number }[] {
  POSTCODE.lastIndex = 0;
  return [...lower.matchAll(POSTCODE)].map((m) => ({ code: `${m[1]}${m[2]}`, at: m.index }));
}

/**
 * Words as address matching sees them: hyphenated words split into their parts and street
 * abbreviations expanded ("Imaginary-Rd" → imaginary, road), each with its word's index.
 */
export function addressStream(tokens: Token[]): { key: string; token: number }[] {
  const out: { key: string; token: number }[] = [];
  tokens.forEach((t, i) => {
    for (const k of t.parts.length ? t.parts : [t.key])
      out.push({ key: STREET_ABBREVIATIONS[k] ?? k, token: i });
  });
  return out;
}
