/**
 * Reads the MARAC mailbox (PLATFORM.md §6): where a sent mail's conversation is, and what has
 * arrived in the Inbox since an instant. Replies to chasers are matched to the actions they
 * listed by conversation (FR-073, FR-078).
 */
export interface ReceivedMessage {
  /** The mailbox's id for the message (stable while it stays in the Inbox). */
  id: string;
  conversationId: string;
  fromEmail: string;
  fromName: string | null;
  receivedAt: Date;
  /** What this message added to the conversation, as plain text (no quoted thread). */
  text: string;
}

export interface Mailbox {
  /** The conversation of the mail we sent with this idempotency key, once Sent Items has it. */
  sentConversation(idempotencyKey: string): Promise<string | null>;
  /** Inbox messages received at or after `since`, oldest first. */
  receivedSince(since: Date): Promise<ReceivedMessage[]>;
}
