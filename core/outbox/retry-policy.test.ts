import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, decideRetry, isLate } from './retry-policy.js';

const first = new Date('2026-11-04T10:00:00Z');
const at = (ms: number) => new Date(first.getTime() + ms);

describe('outbox retry policy (by time, not by count)', () => {
  it('keeps retrying a throttled mail long after ten attempts, honouring Retry-After', () => {
    const decision = decideRetry(
      { status: 429, retryAfterSeconds: 30 },
      { attempts: 40, firstAttemptAt: first },
      at(20 * 60_000),
    );
    expect(decision).toEqual({ kind: 'retry', notBefore: at(20 * 60_000 + 30_000) });
  });

  it('backs off exponentially without Retry-After, up to an hour', () => {
    const wait = (attempts: number) => {
      const d = decideRetry({ status: 503 }, { attempts, firstAttemptAt: first }, at(0));
      return d.kind === 'retry' ? d.notBefore.getTime() - first.getTime() : -1;
    };
    expect([1, 2, 3].map(wait)).toEqual([15_000, 30_000, 60_000]);
    expect(wait(50)).toBe(3600_000);
  });

  it('gives up after 24 hours, with one last try at the deadline', () => {
    const day = DEFAULT_RETRY_POLICY.retryForMs;
    expect(
      decideRetry(
        { status: 429, retryAfterSeconds: 3600 },
        { attempts: 3, firstAttemptAt: first },
        at(day - 60_000),
      ),
    ).toEqual({ kind: 'retry', notBefore: at(day) });
    expect(decideRetry({ status: 429 }, { attempts: 99, firstAttemptAt: first }, at(day))).toEqual({
      kind: 'fail',
      reason: 'expired',
    });
  });

  it('fails at once a mail Graph refuses for good, but not a timeout or throttling', () => {
    const mail = { attempts: 1, firstAttemptAt: first };
    expect(decideRetry({ status: 400 }, mail, first)).toEqual({ kind: 'fail', reason: 'refused' });
    expect(decideRetry({ status: 408 }, mail, first).kind).toBe('retry');
    expect(decideRetry({}, mail, first).kind).toBe('retry');
  });

  it('calls a mail late fifteen minutes after its first attempt', () => {
    expect(isLate(first, at(14 * 60_000))).toBe(false);
    expect(isLate(first, at(15 * 60_000))).toBe(true);
    expect(isLate(null, at(60 * 60_000))).toBe(false);
  });
});
