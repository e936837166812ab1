/**
 * What people read must be plain English (STYLE.md): no requirement ids, no enum slugs, no
 * raw schema messages. `plainWordProblems` lists what breaks that in a piece of text; the
 * plain-words test runs it over every card and mail template, the browser tests over the
 * visible text of every surface.
 */

/** Requirement ids as docs/requirements.md writes them (an action reference A-0001 is fine). */
const REQUIREMENT_ID = /\b(?:FR|IS|AC|KPI)-\d+\b|\bA-\d{1,3}\b/g;

/** Raw zod / JSON-schema messages. */
const SCHEMA_MESSAGE =
  /Too (?:small|big): expected|Invalid input|Invalid (?:enum value|option|string|type)|Expected (?:string|number|boolean|object|array), received|Required\b(?=[,.]|$)|must NOT have|Unrecognized key/g;

/** snake_case tokens: never English. */
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/** kebab-case tokens: English has some (sign-in, follow-up); anything else is a slug. */
const KEBAB = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g;

/** camelCase field names (minutesPerCase) and dotted codes (agency.withdraw). */
const CAMEL = /\b[a-z]+[A-Z][a-zA-Z]*\b/g;
const DOTTED = /\b[a-z]{3,}(?:\.[a-z][a-z_-]{2,})+\b/g;

/** Hyphenated English words people do read. Add a word only if it is English, not a code. */
export const HYPHENATED_ENGLISH = new Set([
  'sign-in',
  'sign-out',
  'set-up',
  'follow-up',
  'up-to-date',
  'e-mail',
  'non-core',
  'co-ordinator',
  'high-risk',
  'in-app',
  'one-off',
  'case-list',
  'ex-partner',
  'self-referral',
  'cross-border',
  'multi-agency',
  'well-being',
  'two-click',
  'so-called',
  'day-to-day',
  'first-hand',
  'full-screen',
  'drop-down',
  'year-to-date',
  'to-do',
]);

/** Addresses, mail addresses and file names carry hyphens and underscores legitimately. */
function withoutAddresses(text: string): string {
  return text
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ')
    .replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/(?:^|\s)\/[\w/?=&.%-]*/g, ' ')
    .replace(/\b[\w-]+\.(?:docx|xlsx|csv|pdf|zip|png|json)\b/gi, ' ');
}

export function plainWordProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(REQUIREMENT_ID)) problems.push(`requirement id "${m[0]}"`);
  for (const m of text.matchAll(SCHEMA_MESSAGE)) problems.push(`schema message "${m[0]}"`);
  const plain = withoutAddresses(text);
  for (const m of plain.matchAll(SNAKE)) problems.push(`code value "${m[0]}"`);
  for (const m of plain.matchAll(CAMEL)) problems.push(`field name "${m[0]}"`);
  for (const m of plain.matchAll(DOTTED)) problems.push(`code value "${m[0]}"`);
  for (const m of plain.matchAll(KEBAB))
    if (!HYPHENATED_ENGLISH.has(m[0].toLowerCase())) problems.push(`code value "${m[0]}"`);
  return [...new Set(problems)];
}
