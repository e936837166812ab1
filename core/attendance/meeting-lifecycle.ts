/**
 * What other features hear about a meeting's life: the card features rewrite their
 * cards to references only when a meeting ends (FR-049), the reconciliation is scheduled, and
 * so on. Listeners run after the meeting end is stored; one failing does not stop the others.
 */
export interface MeetingEndedEvent {
  meetingId: string;
  endedAt: Date;
}

export type MeetingEndedListener = (event: MeetingEndedEvent) => Promise<void>;

export class MeetingLifecycle {
  private readonly ended: MeetingEndedListener[] = [];

  constructor(private readonly log?: { warn(details: object, message: string): void }) {}

  /** Registers a listener for meeting end; returns a function that removes it. */
  onMeetingEnded(listener: MeetingEndedListener): () => void {
    this.ended.push(listener);
    return () => {
      const i = this.ended.indexOf(listener);
      if (i >= 0) this.ended.splice(i, 1);
    };
  }

  async meetingEnded(event: MeetingEndedEvent): Promise<void> {
    for (const listener of [...this.ended]) {
      try {
        await listener(event);
      } catch (error) {
        this.log?.warn(
          { err: error, meetingId: event.meetingId },
          'a meeting-ended listener failed',
        );
      }
    }
  }
}
