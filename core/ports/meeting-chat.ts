/**
 * Posts into a meeting chat through the bot (proactive messages, PLATFORM.md §9) and sends
 * targeted in-meeting notifications (§2). Cards carry references only (FR-049).
 */
export interface ConversationRef {
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
  /** The stored botbuilder ConversationReference, opaque to core. */
  raw: unknown;
}

export interface MeetingChat {
  /** Posts an Adaptive Card (plain JSON) and returns the activity id for later updates. */
  postCard(ref: ConversationRef, card: Record<string, unknown>): Promise<{ activityId: string }>;
  updateCard(
    ref: ConversationRef,
    activityId: string,
    card: Record<string, unknown>,
  ): Promise<void>;
  /** `recipients` are Teams user MRIs (`29:...`); an empty list is not sent. */
  notifyParticipants(
    ref: ConversationRef,
    teamsMeetingId: string,
    recipients: string[],
    notification: { title: string; url: string },
  ): Promise<void>;
}
