/**
 * When a mail the mailbox did not take is tried again. Retrying is bounded by time, not by a
 * count: a throttling storm of any length within the window is ridden out (about seven minutes
 * of 429s used to exhaust ten attempts and lose every notice). Retry-After is honoured when
 * Graph sends it; otherwise the wait doubles from `baseDelayMs` up to `maxDelayMs`. A mail is
 * given up only when Graph refuses it for good (a 4xx other than 408/429) or the window has
 * passed; then it waits, failed, for the coordinator to resend it.
 */
export interface RetryPolicy {
  /** How long after its first attempt a mail is still retried (24 hours). */
  retryForMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A mail not sent this long after its first attempt is late: the coordinator is told. */
  lateAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retryForMs: 24 * 3600_000,
  baseDelayMs: 15_000,
  maxDelayMs: 3600_000,
  lateAfterMs: 15 * 60_000,
};

export interface SendFailure {
  status?: number;
  retryAfterSeconds?: number | null;
}

export type RetryDecision =
  { kind: 'retry'; notBefore: Date } | { kind: 'fail'; reason: 'refused' | 'expired' };

export function isPermanentRefusal(failure: SendFailure): boolean {
  const s = failure.status;
  return s !== undefined && s >= 400 && s < 500 && s !== 408 && s !== 429;
}

export function decideRetry(
  failure: SendFailure,
  mail: { attempts: number; firstAttemptAt: Date },
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (isPermanentRefusal(failure)) return { kind: 'fail', reason: 'refused' };
  const deadline = mail.firstAttemptAt.getTime() + policy.retryForMs;
  if (now.getTime() >= deadline) return { kind: 'fail', reason: 'expired' };
  const backoff = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** Math.min(30, Math.max(0, mail.attempts - 1)),
  );
  const waitMs =
    failure.retryAfterSeconds != null && failure.retryAfterSeconds >= 0
      ? failure.retryAfterSeconds * 1000
      : backoff;
  // One last try at the deadline rather than none after it.
  return { kind: 'retry', notBefore: new Date(Math.min(now.getTime() + waitMs, deadline)) };
}

/** Whether an unsent mail is late (first tried more than `lateAfterMs` ago). */
export function isLate(
  firstAttemptAt: Date | null,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): boolean {
  return firstAttemptAt !== null && now.getTime() - firstAttemptAt.getTime() >= policy.lateAfterMs;
}
