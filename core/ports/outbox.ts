import type { MailRecipient } from './mailer.js';

/**
 * The transactional outbox: a use case enqueues mail in the same transaction as the change that
 * causes it; a worker sends it through the Mailer exactly once. Enqueueing the same
 * idempotency key twice is a no-op, so a retried use case never doubles a mail.
 */
export interface QueuedMail {
  /** Stable for "the same mail": e.g. `chaser:<actionId>:<step>:<recipient>`. */
  idempotencyKey: string;
  /** What the mail is for (circulation, addendum, chaser, escalation, new-actions, ...). */
  purpose: string;
  /** The area whose coordinator sees the mail if it is late or fails (and can resend it). */
  areaId?: string;
  to: MailRecipient[];
  cc?: MailRecipient[];
  subject: string;
  bodyHtml: string;
  /** Not sent before this instant (chasers wait for working hours). */
  notBefore?: Date;
}

export interface Outbox {
  enqueue(mail: QueuedMail, now: Date): Promise<{ id: string; created: boolean }>;
}

/** A mail that has not gone: late (still being retried) or failed. References only. */
export interface UnsentMail {
  id: string;
  purpose: string;
  /** Subjects carry references only (a meeting's date, an action number). */
  subject: string;
  state: 'pending' | 'sending' | 'failed';
  attempts: number;
  recipients: number;
  createdAt: Date;
  firstAttemptAt: Date | null;
}

/** The coordinator's view of mail that needs attention, and the resend of a failed one. */
export interface OutboxAttention {
  needingAttention(areaId: string, lateBefore: Date): Promise<UnsentMail[]>;
  resend(areaId: string, id: string, now: Date): Promise<'queued' | 'not-found' | 'not-failed'>;
}
