/**
 * Formula (CSV) injection, per OWASP: a spreadsheet runs a cell that starts with = + - @, a tab
 * or a carriage return. Spreadsheets skip leading blanks, so " =CMD()" (space, no-break space,
 * ideographic space, zero-width characters) and the full-width "＝" (which NFKC folds to "=")
 * count too.
 */
const LEADING_BLANKS = /^[\s\p{Zs}\p{Cf}\u180E]+/u;
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** The character that would start a formula, or null if the text is safe to store. */
export function formulaLead(text: string): string | null {
  if (/^[\t\r]/.test(text)) return text[0] === '\t' ? 'a tab' : 'a line break';
  const first = text.normalize('NFKC').replace(LEADING_BLANKS, '')[0];
  return first !== undefined && FORMULA_LEAD.test(first) ? `“${first}”` : null;
}

/** Plain-English reason a value was refused, or null. */
export function formulaProblem(text: string | null | undefined): string | null {
  const lead = text ? formulaLead(text) : null;
  return lead
    ? `It starts with ${lead}, which a spreadsheet would run as a formula; remove it or start with a letter or digit.`
    : null;
}

/** A cell for an export: one that would start a formula gets a leading apostrophe (shown as text). */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && formulaLead(value) ? `'${value}` : value;
}
