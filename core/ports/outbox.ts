import type { MailRecipient } from './mailer.js';

/**
 * The transactional outbox: a use case enqueues mail in the same transaction as the change that
 * causes it; a worker sends it through the Mailer exactly once (issue 6). Enqueueing the same
 * idempotency key twice is a no-op, so a retried use case never doubles a mail.
 */
export interface QueuedMail {
  /** Stable for "the same mail": e.g. `chaser:<actionId>:<step>:<recipient>`. */
  idempotencyKey: string;
  /** What the mail is for (circulation, addendum, chaser, escalation, new-actions, ...). */
  purpose: string;
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
