import { DomainError } from '../errors.js';
import { formulaProblem } from '../spreadsheet/formula.js';
import type { NewCase } from './agenda-repository.js';

/**
 * Case text ends up in the case-list spreadsheet export, so a case added by hand passes the same
 * formula guard as an imported one: nothing that a spreadsheet would run is stored.
 */
export function refuseFormulaText(input: NewCase): void {
  const fields: [string, string | null][] = [
    ['caseNumber', input.caseNumber],
    ['summary', input.summary],
    ...input.subjects.flatMap((s, i): [string, string | null][] => [
      [`subjects.${i}.fullName`, s.fullName],
      [`subjects.${i}.address`, s.address],
    ]),
  ];
  const problems = fields.flatMap(([path, text]) => {
    const message = formulaProblem(text);
    return message ? [{ path, message }] : [];
  });
  if (problems.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      'Some text would run as a formula when the case list is opened in a spreadsheet: remove the leading = + - or @.',
      problems,
    );
}
