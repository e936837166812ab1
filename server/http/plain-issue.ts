/**
 * A schema refusal in plain words (STYLE.md: no raw schema messages reach people). The
 * service's own refinements already speak English and are kept; zod's built-in messages
 * ("Too small: expected number to be >=1", "Invalid input: expected string, received
 * undefined") are replaced by what a person can act on. The field itself is named by `path`,
 * which the tab shows next to that field.
 */
import type { core } from 'zod';

type Issue = core.$ZodIssue;

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
};

const FORMAT: Record<string, string> = {
  email: 'an email address',
  uuid: 'a reference from this service',
  guid: 'a reference from this service',
  date: 'a date (year-month-day)',
  datetime: 'a date and time',
  time: 'a time (hours:minutes)',
  url: 'a web address',
  regex: 'in the expected format',
};

function bound(issue: { origin?: string; inclusive?: boolean }, value: unknown, more: boolean) {
  const n = Number(value);
  const inclusive = issue.inclusive !== false;
  const limit = inclusive ? n : more ? n + 1 : n - 1;
  switch (issue.origin) {
    case 'string':
      if (more && limit === 1) return 'Enter a value.';
      return `Use ${more ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'}.`;
    case 'array':
    case 'set':
      if (more && limit === 1) return 'Choose at least one.';
      return `Choose ${more ? 'at least' : 'at most'} ${limit}.`;
    case 'date':
      return `Choose a date ${more ? 'on or after' : 'on or before'} the one allowed.`;
    default:
      return `Enter a number ${more ? 'of' : 'no more than'} ${limit}${more ? ' or more' : ''}.`;
  }
}

/** zod's own wording for built-in checks: replaced. Anything else was written for people. */
const BUILT_IN =
  /^(Too (small|big)|Invalid (input|option|string|format|type|enum|key|element|union|value|date|email|UUID|uuid|url|number|ISO)|Expected |Required$|Unrecognized key|Number must|String must|Array must)/;

export function plainIssue(issue: Issue): string {
  if (!BUILT_IN.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined|Required/.test(issue.message)) return 'This is required.';
      return `Enter ${KIND[issue.expected] ?? 'a value of the right kind'}.`;
    case 'too_small':
      return bound(issue, issue.minimum, true);
    case 'too_big':
      return bound(issue, issue.maximum, false);
    case 'invalid_format':
      return `Enter ${FORMAT[issue.format] ?? 'a value in the expected format'}.`;
    case 'invalid_value':
      return 'Choose one of the options offered.';
    case 'unrecognized_keys':
      return `This form has no field called ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return `Enter a multiple of ${String(issue.divisor)}.`;
    default:
      return 'This value is not accepted.';
  }
}
