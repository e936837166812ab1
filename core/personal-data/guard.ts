import { DomainError } from '../errors.js';
import { datesIn } from './dates.js';
import { fold, prepare, tokenise, type Token } from './normalise.js';
import {
  addressStream,
  postcodesIn,
  type SubjectIndex,
  type SubjectRecord,
} from './subject-index.js';
import { HONORIFICS, MONTH_CUES, MONTH_NAMES, NAMED_SCHEMES } from './words.js';

const MONTHS = new Set([
  ...'january february march april may june july august september october november december'.split(
    ' ',
  ),
]);

export { SubjectIndex, type SubjectRecord } from './subject-index.js';

export interface Finding {
  what: 'name' | 'date of birth' | 'address' | 'postcode';
  /** For a name: which part (first name, surname...). */
  role?: string;
  /** Why an ordinary word was read as a name, in plain English. */
  why?: string;
  /** 1-based number of the word where it starts (the refusal points at it without echoing it). */
  wordNumber: number;
  subject: SubjectRecord;
}

/**
 * Looks for a subject's name, date of birth, street or postcode in free text that will leave the
 * tab (card text posted in the meeting chat, meeting titles in invitations, reasons in mail).
 *
 * - Text and names are normalised alike: NFKC, invisible characters removed, accents stripped,
 *   case folded, hyphens and apostrophes joined ("Fic-tion­wood", "FICTIONWOÓD" → fictionwood);
 *   two neighbouring words are also tried joined ("Fiction wood", "O Brien").
 * - A distinctive name part (not an ordinary word) is refused wherever it stands.
 * - A name part that is also an ordinary word (Will, May, Green, Hope) is refused only as part
 *   of the full name, next to another of the subject's names, after a title (Mrs Green), or
 *   with a capital letter in the middle of a sentence; a month name is a date after "in", "by",
 *   "end of" or next to a number.
 * - Dates in any common UK format (13.04.1987, 13/04/87, 13 April 1987, 13th of April 1987,
 *   April 13, 1987, 1987-04-13) are compared with dates of birth as calendar days.
 * - A street name matches with or without its house number, flat and postcode, abbreviated or
 *   not (Imaginary Rd); a full postcode matches on its own.
 */
export function findPersonalData(text: string, index: SubjectIndex): Finding | null {
  if (!text.trim() || index.subjects.length === 0) return null;
  const prepared = prepare(text);
  const tokens = tokenise(prepared);
  const found: Finding[] = [];
  const at = (subject: number) => index.subjects[subject] as SubjectRecord;
  const name = findName(prepared, tokens, index);
  if (name) found.push(name);
  const lower = fold(prepared);
  for (const d of datesIn(lower)) {
    const subject = index.birthDays.get(d.day)?.[0];
    if (subject !== undefined)
      found.push({ what: 'date of birth', wordNumber: wordAt(tokens, d.at), subject: at(subject) });
  }
  for (const p of postcodesIn(lower)) {
    const subject = index.postcodes.get(p.code)?.[0];
    if (subject !== undefined)
      found.push({ what: 'postcode', wordNumber: wordAt(tokens, p.at), subject: at(subject) });
  }
  const street = findStreet(tokens, index);
  if (street) found.push(street);
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.wordNumber < a.wordNumber ? b : a));
}

function findName(prepared: string, tokens: Token[], index: SubjectIndex): Finding | null {
  const shouting = !/\p{Ll}/u.test(prepared);
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next && NAMED_SCHEMES.has(t.key + next.key)) {
      i += 1;
      continue;
    }
    const joined =
      next && /^[\s-]*$/.test(prepared.slice(t.end, next.start)) ? t.key + next.key : null;
    for (const key of [t.key, ...t.parts, ...(joined ? [joined] : [])]) {
      for (const entry of index.names.get(key) ?? []) {
        const subject = index.subjects[entry.subject] as SubjectRecord;
        const hit = (why?: string): Finding => ({
          what: 'name',
          role: entry.role,
          wordNumber: i + 1,
          subject,
          ...(why ? { why } : {}),
        });
        if (!entry.common) return hit();
        if (key === joined) continue;
        const why = commonWordContext(prepared, tokens, i, index, entry.subject, shouting);
        if (why) return hit(why);
      }
    }
  }
  return null;
}

/** Why an ordinary word that is also this subject's name reads as the name here, or null. */
function commonWordContext(
  prepared: string,
  tokens: Token[],
  i: number,
  index: SubjectIndex,
  subject: number,
  shouting: boolean,
): string | null {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  for (const full of index.fullNames.get(t.key) ?? [])
    if (full.subject === subject && full.keys.every((k, j) => tokens[i + j]?.key === k))
      return 'it starts their full name';
  const own = index.nameKeys[subject];
  if (
    (prev && own?.has(prev.key) && prev.key !== t.key) ||
    (next && own?.has(next.key) && next.key !== t.key)
  )
    return 'it stands next to another of their names';
  if (prev && HONORIFICS.has(prev.key)) return 'it follows a title such as Mr or Mrs';
  if (shouting || !/^\p{Lu}/u.test(t.raw) || startsSentence(prepared, tokens, i)) return null;
  if (MONTH_NAMES.has(t.key)) {
    const number = (x: Token | undefined) => Boolean(x && /^\d/.test(x.key));
    // "from April to May": "to" is a date cue only after another month.
    const range = prev?.key === 'to' && tokens.slice(0, i - 1).some((x) => MONTHS.has(x.key));
    if ((prev && MONTH_CUES.has(prev.key)) || range || number(prev) || number(next)) return null;
  }
  return 'it has a capital letter in the middle of a sentence';
}

function startsSentence(prepared: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return true;
  const gap = prepared.slice(prev.end, (tokens[i] as Token).start);
  return /[.!?:;\n\r•*"“([]|(^|\s)[-–]\s/.test(gap);
}

function findStreet(tokens: Token[], index: SubjectIndex): Finding | null {
  const stream = addressStream(tokens);
  for (let i = 0; i < stream.length; i += 1) {
    const x = stream[i] as { key: string; token: number };
    for (const street of index.streets.get(x.key) ?? [])
      if (street.keys.every((k, j) => stream[i + j]?.key === k))
        return streetHit(x.token, index, street.subject);
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const subject = index.joinedStreets.get((tokens[i] as Token).key)?.[0];
    if (subject !== undefined) return streetHit(i, index, subject);
  }
  return null;
}

const streetHit = (token: number, index: SubjectIndex, subject: number): Finding => ({
  what: 'address',
  wordNumber: token + 1,
  subject: index.subjects[subject] as SubjectRecord,
});

function wordAt(tokens: Token[], at: number): number {
  let n = 0;
  while (n < tokens.length && (tokens[n] as Token).start <= at) n += 1;
  return Math.max(n, 1);
}

const KIND_LABELS: Record<string, string> = {
  victim: 'the victim',
  perpetrator: 'the perpetrator',
  child: 'a child',
  'other-at-risk': 'another person at risk',
};

/** 1st, 2nd, 3rd, 11th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export interface GuardOptions {
  /** What the text is, in the person's words: "description", "reason", "meeting title". */
  field: string;
  /** The case the text is about, if any: "this case" versus "another case on this agenda". */
  caseId?: string;
  /** Where the text goes and what to write instead (one plain sentence). */
  advice: string;
}

/**
 * The refusal in plain English: which word (by position: the message may itself be shown in
 * the meeting chat, so it never repeats what was typed), what it looks like, whose, and why.
 */
export function refusalMessage(f: Finding, opts: GuardOptions): string {
  const whose = KIND_LABELS[f.subject.kind] ?? 'someone';
  const where =
    opts.caseId === undefined
      ? 'in one of this MARAC’s cases'
      : f.subject.caseId === undefined || f.subject.caseId === opts.caseId
        ? 'in this case'
        : 'in another case on this meeting’s agenda';
  const what =
    f.what === 'name'
      ? `the ${f.role ?? 'name'}`
      : f.what === 'address'
        ? 'the street address'
        : `the ${f.what}`;
  const word = f.what === 'date of birth' ? 'The date at the' : 'The';
  const why = f.why ? ` (${f.why})` : '';
  return `${word} ${ordinal(f.wordNumber)} word of the ${opts.field} looks like ${what} of ${whose} ${where}${why}. ${opts.advice}`;
}

/** Refuses text carrying a subject's personal data with a plain VALIDATION_FAILED. */
export function guardFreeText(
  text: string | null | undefined,
  index: SubjectIndex,
  opts: GuardOptions & { fieldKey?: string },
): void {
  if (!text) return;
  const found = findPersonalData(text, index);
  if (found)
    throw new DomainError('VALIDATION_FAILED', refusalMessage(found, opts), {
      field: opts.fieldKey ?? opts.field,
      wordNumber: found.wordNumber,
    });
}
