import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: 'debug' }, stream), text: () => lines.join('') };
}

// A fictional victim from the demo seed, planted where a careless log call would put it.
const VICTIM = 'Ava Fictionwood';
const DOB = '1994-03-11';
const ADDRESS = '14 Imaginary Road';

describe('the logger (never log personal data)', () => {
  it('redacts a victim name, date of birth and address planted in log calls at any depth', () => {
    const { log, text } = capture();
    log.info({ caseId: 'c-1', victimName: VICTIM }, 'case opened');
    log.info(
      { subject: { fullName: VICTIM, dateOfBirth: DOB, address: ADDRESS } },
      'subject loaded',
    );
    log.warn({ case: { subjects: [{ kind: 'victim', full_name: VICTIM }] }, count: 1 }, 'nested');
    log.debug({ action: { id: 'a-1', description: `Visit ${VICTIM} at ${ADDRESS}` } }, 'action');
    log.error(
      {
        err: Object.assign(new Error('duplicate key'), {
          detail: `Key (full_name)=(${VICTIM}) already exists.`,
        }),
      },
      'db error',
    );
    const out = text();
    expect(out).not.toContain('Fictionwood');
    expect(out).not.toContain(DOB);
    expect(out).not.toContain('Imaginary Road');
    expect(out).toContain('[redacted]');
  });

  it('keeps ids and counts, which is what the logs are for', () => {
    const { log, text } = capture();
    log.info({ meetingId: 'm-42', caseCount: 15, component: 'circulation' }, 'circulated');
    const line = JSON.parse(text()) as Record<string, unknown>;
    expect(line).toMatchObject({
      meetingId: 'm-42',
      caseCount: 15,
      component: 'circulation',
      msg: 'circulated',
    });
  });

  it('hides bearer tokens in request headers', () => {
    const { log, text } = capture();
    log.info({ req: { headers: { authorization: 'Bearer eyJ.secret.sig' } } }, 'request');
    expect(text()).not.toContain('eyJ.secret.sig');
  });

  it("keeps an error's class, code and stack frames so a 500's reference leads to the fault", () => {
    const { log, text } = capture();
    class DatabaseError extends Error {
      override name = 'DatabaseError';
      code = '23505';
      detail = `Key (full_name)=(${VICTIM}) already exists.`;
    }
    const failing = () => new DatabaseError(`duplicate key for ${VICTIM} at ${ADDRESS}`);
    log.error({ err: failing(), correlationId: 'ref-1' }, 'request failed');
    log.error({ err: new TypeError(`cannot read ${DOB}`) }, 'request failed');
    const [first, second] = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { err: Record<string, string> });
    expect(first!.err).toMatchObject({ type: 'DatabaseError', code: '23505' });
    expect(first!.err.stack).toMatch(/^DatabaseError: \[redacted\]\n\s+at /);
    expect(first!.err.stack).toContain('logger.test.ts');
    expect(second!.err.type).toBe('TypeError');
    expect(second!.err.stack).toContain('logger.test.ts');
    const out = text();
    expect(out).not.toContain('Fictionwood');
    expect(out).not.toContain('Imaginary Road');
    expect(out).not.toContain(DOB);
  });
});
