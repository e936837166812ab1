import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainWordProblems } from '../../test/support/plain-words.js';
import { plainIssue } from './plain-issue.js';

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a refusal');
  return result.error.issues.map((i) => [i.path.join('.'), plainIssue(i)]);
};

describe('schema refusals in plain words', () => {
  const form = z
    .object({
      minutesPerCase: z.number().int().min(1).max(120),
      title: z.string().min(1).max(5),
      email: z.email(),
      id: z.uuid(),
      kind: z.enum(['regular', 'extraordinary']),
      agencies: z.array(z.string()).min(1),
      note: z.string().refine((s) => s !== 'x', 'Say a little more than “x”.'),
    })
    .strict();

  it('says what to do, never the schema wording, and names the field by its path', () => {
    const got = messages(form, {
      minutesPerCase: 0,
      title: 'too long',
      email: 'nope',
      id: 'abc',
      kind: 'closed',
      agencies: [],
      note: 'x',
      extra: 1,
    });
    expect(got).toEqual([
      ['minutesPerCase', 'Enter a number of 1 or more.'],
      ['title', 'Use at most 5 characters.'],
      ['email', 'Enter an email address.'],
      ['id', 'Enter a reference from this service.'],
      ['kind', 'Choose one of the options offered.'],
      ['agencies', 'Choose at least one.'],
      ['note', 'Say a little more than “x”.'],
      ['', 'This form has no field called extra.'],
    ]);
    for (const [, message] of got) expect(plainWordProblems(message as string)).toEqual([]);
  });

  it('says a missing field is required and a wrong kind what kind it wants', () => {
    expect(
      messages(form.pick({ title: true, minutesPerCase: true }), { minutesPerCase: 'ten' }),
    ).toEqual([
      ['title', 'This is required.'],
      ['minutesPerCase', 'Enter a number.'],
    ]);
    expect(messages(z.object({ n: z.number().max(10) }), { n: 11 })).toEqual([
      ['n', 'Enter a number no more than 10.'],
    ]);
    expect(messages(z.object({ t: z.string().min(1) }), { t: '' })).toEqual([
      ['t', 'Enter a value.'],
    ]);
    expect(
      messages(z.object({ from: z.iso.datetime({ offset: true }) }), { from: '2031-13-45' }),
    ).toEqual([['from', 'Enter a date and time.']]);
  });
});
