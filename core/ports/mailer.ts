/**
 * Sends mail from the area's configured mailbox through Microsoft Graph (PLATFORM.md §6).
 * Outbound content never names a victim, perpetrator or child, nor carries an address or date
 * of birth (IS-07, FR-033, FR-074): references, dates and a link into the tab only.
 */
export interface MailRecipient {
  email: string;
  /** A professional's display name; optional. */
  name?: string;
}

export interface OutboundMail {
  /** Our key, sent as an `x-` internet message header so a retry after a crash can be detected. */
  idempotencyKey: string;
  to: MailRecipient[];
  cc?: MailRecipient[];
  subject: string;
  bodyHtml: string;
}

export interface Mailer {
  /** Sends one message (Graph answers 202 Accepted). Throws on failure after retries. */
  send(mail: OutboundMail): Promise<void>;
  /** True when Sent Items already holds a message carrying this idempotency key. */
  wasSent(idempotencyKey: string): Promise<boolean>;
}
