/**
 * Creates and maintains the Teams meetings of a MARAC (PLATFORM.md §1): a calendar event with
 * a Teams meeting in the organiser mailbox, the online meeting's safe options, and the app
 * installed in the meeting chat so the bot can post there.
 */
export interface Invitee {
  email: string;
  name?: string;
}

export interface Recurrence {
  /** Only what a MARAC series needs: every N weeks on given days, or monthly on a weekday. */
  pattern:
    | { type: 'weekly'; interval: number; daysOfWeek: string[] }
    | {
        type: 'relativeMonthly';
        interval: number;
        daysOfWeek: string[];
        index: 'first' | 'second' | 'third' | 'fourth' | 'last';
      };
  startDay: string;
  endDay?: string;
  numberOfOccurrences?: number;
}

export interface MeetingEventInput {
  subject: string;
  /** Wall-clock start and end on `startDay` in `timeZone` (Graph dateTimeTimeZone). */
  start: Date;
  end: Date;
  timeZone: string;
  attendees: Invitee[];
  bodyHtml: string;
  recurrence?: Recurrence;
  /**
   * Graph's event `transactionId`: a create retried after a lost response returns the event
   * already created instead of making a second one. Use a stable key (e.g. the meeting id).
   */
  transactionId?: string;
}

export interface CreatedMeetingEvent {
  eventId: string;
  joinUrl: string;
}

export interface OnlineMeetingRef {
  onlineMeetingId: string;
  joinWebUrl: string;
  chatThreadId: string;
}

/** Safe options for a MARAC meeting (FR-006, FR-008, IS-22). */
export interface MeetingOptions {
  /** Emails (or Entra object ids) of presenters: chair, deputy chair, coordinator. */
  presenters: string[];
  /** Everyone else invited is an attendee (needed with roleIsPresenter). */
  attendees: string[];
  allowRecording: boolean;
  allowTranscription: boolean;
  isEntryExitAnnounced: boolean;
}

export interface EventOccurrence {
  eventId: string;
  start: Date;
  end: Date;
  joinUrl: string | null;
}

export interface MeetingScheduler {
  /** Throws DomainError MEETING_NOT_READY when Teams has not provisioned the meeting yet. */
  createEvent(input: MeetingEventInput): Promise<CreatedMeetingEvent>;
  /** Occurrences of a recurring series in [from, to). */
  listOccurrences(seriesEventId: string, from: Date, to: Date): Promise<EventOccurrence[]>;
  /** Throws DomainError MEETING_NOT_READY when no online meeting has that join URL (yet). */
  findOnlineMeeting(joinUrl: string): Promise<OnlineMeetingRef>;
  applyOptions(onlineMeetingId: string, options: MeetingOptions): Promise<void>;
  /** Installing again is not an error (the app is already there). */
  installApp(chatThreadId: string): Promise<void>;
  updateEvent(
    eventId: string,
    changes: Partial<
      Pick<MeetingEventInput, 'start' | 'end' | 'timeZone' | 'attendees' | 'subject' | 'bodyHtml'>
    >,
  ): Promise<void>;
  /** Cancels and sends the cancellation to attendees with `comment`. */
  cancelEvent(eventId: string, comment: string): Promise<void>;
}
