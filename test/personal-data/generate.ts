import type { SubjectRecord } from '../../core/personal-data/index.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same subjects every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Zoë',
  'Siobhán',
  'José',
  'Anne-Marie',
  'Björn',
  'Łucja',
  'Chloé',
  'Nuala',
  'Oluwaseun',
  'Grzegorz',
  'Aoife',
  'Jean-Luc',
  'Dmitri',
  'Renée',
  'Thandiwe',
  'Eilidh',
];
const COMMON_FIRST = ['Will', 'Mark', 'May', 'Hope', 'Grace', 'Rose', 'Faith', 'Bill'];
const SURNAMES = [
  "O'Brien",
  'MacDonald',
  'McAllister',
  'Smith-Jones',
  'Müller',
  "D'Arcy",
  'Fitz-Simmons',
  'Østergård',
  'Nakamura-Lee',
  'Abernethy',
  'Kowalczyk',
  'Featherstonehaugh',
  'Ó Súilleabháin',
  'Van der Berg',
];
const COMMON_SURNAMES = ['Green', 'Hope', 'May', 'Brown', 'King', 'White', 'Banks'];
const STREET_NAMES = [
  'Larkspur',
  'Quillfeather',
  'Brambleton',
  'Ashcombe',
  'Windermere',
  'Heathfield',
  'Copperbeech',
  'Marigold',
  'Thistledown',
  'Kingfisher',
];
const STREET_TYPES = ['Road', 'Street', 'Avenue', 'Lane', 'Close', 'Drive', 'Crescent', 'Gardens'];
const TOWNS = ['Northfield', 'Southford', 'Eastbury'];

export interface FuzzSubject extends SubjectRecord {
  /** The street without number or town, and the postcode, as generated. */
  street: string;
  postcode: string;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T =>
  list[Math.floor(rnd() * list.length)] as T;

/**
 * Victims, perpetrators and children of `cases` cases with tricky names (accents, hyphens,
 * apostrophes, Mac/O', particles, single letters, ordinary words as names), addresses and dates.
 */
export function generateSubjects(seed: number, cases: number): FuzzSubject[] {
  const rnd = random(seed);
  const out: FuzzSubject[] = [];
  for (let c = 0; c < cases; c += 1) {
    const kinds = ['victim', 'perpetrator', ...(rnd() < 0.7 ? ['child'] : [])];
    for (const kind of kinds) {
      const common = rnd() < 0.3;
      const first = common ? pick(rnd, COMMON_FIRST) : pick(rnd, FIRST);
      const surname = rnd() < 0.25 ? pick(rnd, COMMON_SURNAMES) : pick(rnd, SURNAMES);
      const middle = rnd() < 0.15 ? ' J' : '';
      const street = `${pick(rnd, STREET_NAMES)} ${pick(rnd, STREET_TYPES)}`;
      const postcode = `${pick(rnd, ['NF', 'SF', 'E'])}${1 + Math.floor(rnd() * 9)} ${1 + Math.floor(rnd() * 9)}${pick(rnd, ['AB', 'XY', 'QT', 'LN'])}`;
      const year = kind === 'child' ? 2012 + Math.floor(rnd() * 10) : 1960 + Math.floor(rnd() * 40);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      out.push({
        caseId: `case-${c}`,
        kind,
        fullName: `${first}${middle} ${surname}`,
        dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        address: `${rnd() < 0.3 ? 'Flat 2, ' : ''}${1 + Math.floor(rnd() * 120)} ${street}, ${pick(rnd, TOWNS)}, ${postcode}`,
        street,
        postcode,
      });
    }
  }
  return out;
}

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ' };
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Ways a word gets written: case, accents added or removed, hyphens, invisible characters. */
export function wordVariants(word: string, rnd: () => number): string[] {
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  const mid = Math.max(1, Math.floor(word.length / 2));
  const accented = [...plain].map((ch) => (rnd() < 0.5 ? (ACCENTS[ch] ?? ch) : ch)).join('');
  return [
    word,
    word.toUpperCase(),
    word.toLowerCase(),
    plain,
    accented,
    `${word.slice(0, mid)}-${word.slice(mid)}`,
    `${word.slice(0, mid)}\u200B${word.slice(mid)}`,
    `${word.slice(0, 1)}\u00AD${word.slice(1)}`,
    `${word.slice(0, mid)}\u2060${word.slice(mid)}`,
    [...word]
      .map((ch) => (/[!-~]/.test(ch) ? String.fromCodePoint(ch.charCodeAt(0) + 0xfee0) : ch))
      .join(''),
  ].filter((v) => !/[^\p{L}\p{M}\u200B\u00AD\u2060\-'\uFF01-\uFF5E]/u.test(v));
}

/** A date of birth in every common UK way of writing it. */
export function dateVariants(iso: string): string[] {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const dd = Number(d);
  const mm = Number(m);
  const month = MONTHS[mm - 1] as string;
  const th =
    dd % 10 === 1 && dd !== 11
      ? 'st'
      : dd % 10 === 2 && dd !== 12
        ? 'nd'
        : dd % 10 === 3 && dd !== 13
          ? 'rd'
          : 'th';
  return [
    iso,
    `${d}.${m}.${y}`,
    `${d}/${m}/${y}`,
    `${dd}/${mm}/${y}`,
    `${d}/${m}/${y.slice(2)}`,
    `${dd}-${mm}-${y}`,
    `${dd} ${month} ${y}`,
    `${dd}${th} ${month} ${y}`,
    `${dd}${th} of ${month}, ${y}`,
    `${month} ${dd}, ${y}`,
    `${dd} ${month.slice(0, 3)} ${y}`,
    `${y}/${m}/${d}`,
  ];
}

/** The street written without its number, abbreviated, hyphenated, in capitals, with a postcode. */
export function addressVariants(s: FuzzSubject): string[] {
  const abbreviations: Record<string, string> = {
    Road: 'Rd',
    Street: 'St',
    Avenue: 'Ave',
    Lane: 'Ln',
    Close: 'Cl',
    Drive: 'Dr',
    Crescent: 'Cres',
    Gardens: 'Gdns',
  };
  const [name, type] = s.street.split(' ') as [string, string];
  return [
    s.street,
    s.street.toLowerCase(),
    s.street.toUpperCase(),
    `${name} ${abbreviations[type] ?? type}`,
    `${name}-${type}`,
    `${name} ${type}, ${s.postcode}`,
    s.postcode,
    s.postcode.replace(' ', '').toLowerCase(),
  ];
}
