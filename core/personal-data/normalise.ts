/**
 * Text normalisation for the personal-data guard. Someone who wants a name through (or who just
 * types it oddly) can change its case, add or drop accents, insert hyphens, zero-width or other
 * invisible characters, or use full-width letters; all of these fold to the same key here.
 */

/**
 * Invisible format characters (zero-width space/joiners, soft hyphen, bidi marks, BOM...) and
 * Hangul fillers. Invisible marks (variation selectors, grapheme joiner) are marks, which
 * `fold` strips.
 */
const INVISIBLE = /\p{Cf}|\u115F|\u1160|\u3164|\uFFA0/gu;
const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u00AD]/g;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\uFF07]/g;
const COMBINING = /\p{M}/gu;
/** Letters that NFD does not split into a base letter and a mark. */
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[ßæœøłđðþı]/g;

/**
 * NFKC (full-width and compatibility forms become plain letters), invisible characters removed,
 * dash and apostrophe look-alikes unified to "-" and "'". Case and accents are kept, because the
 * guard reads capitals as a signal; `fold` removes them.
 */
export function prepare(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(HYPHENS, '-')
    .replace(APOSTROPHES, "'");
}

/** Case-folded, accents stripped: "Zoë" → "zoe", "ØSTERGÅRD" → "ostergard". */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c);
}

export interface Token {
  /** The word as written (after `prepare`), for the capital-letter signal. */
  raw: string;
  /** Folded, with hyphens and apostrophes joined: "Smith-Jones" → "smithjones". */
  key: string;
  /** Folded parts when the word was hyphenated or had an apostrophe: ["smith", "jones"]. */
  parts: string[];
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+)*'?/gu;

/** Words of prepared text; hyphenated and apostrophe words stay one token with their parts. */
export function tokenise(prepared: string): Token[] {
  const tokens: Token[] = [];
  for (const m of prepared.matchAll(WORD)) {
    const raw = m[0];
    const folded = fold(raw);
    const split = folded.split(/[-']/).filter(Boolean);
    tokens.push({
      raw,
      key: split.join(''),
      parts: split.length > 1 ? split : [],
      start: m.index,
      end: m.index + raw.length,
    });
  }
  return tokens;
}
