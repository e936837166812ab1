import type {
  CreatedMeetingEvent,
  EventOccurrence,
  MeetingEventInput,
  MeetingOptions,
  MeetingScheduler,
  OnlineMeetingRef,
} from '../../core/ports/meeting-scheduler.js';

export type SchedulerCall =
  | { op: 'createEvent'; input: MeetingEventInput }
  | { op: 'listOccurrences'; seriesEventId: string }
  | { op: 'findOnlineMeeting'; joinUrl: string }
  | { op: 'applyOptions'; onlineMeetingId: string; options: MeetingOptions }
  | { op: 'installApp'; chatThreadId: string }
  | { op: 'updateEvent'; eventId: string; changes: Partial<MeetingEventInput> }
  | { op: 'cancelEvent'; eventId: string; comment: string };

type Op = SchedulerCall['op'];

/**
 * An in-memory MeetingScheduler that records every call, expands recurring events into
 * occurrences, and can be told to fail an operation (as the adapter would after its own
 * 429/503 retries gave up). For tests that need no simulated tenant.
 */
export class FakeMeetingScheduler implements MeetingScheduler {
  readonly calls: SchedulerCall[] = [];
  private readonly failures = new Map<Op, Error[]>();
  private readonly events = new Map<string, { input: MeetingEventInput; cancelled: boolean }>();
  private next = 1;

  /** The next `times` calls of `op` throw `error`. */
  failNext(op: Op, error: Error, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array(times).fill(error)]);
  }

  callsOf<K extends Op>(op: K): Extract<SchedulerCall, { op: K }>[] {
    return this.calls.filter((c): c is Extract<SchedulerCall, { op: K }> => c.op === op);
  }

  private enter(call: SchedulerCall): void {
    this.calls.push(call);
    const error = this.failures.get(call.op)?.shift();
    if (error) throw error;
  }

  async createEvent(input: MeetingEventInput): Promise<CreatedMeetingEvent> {
    this.enter({ op: 'createEvent', input });
    const eventId = `evt-${this.next++}`;
    this.events.set(eventId, { input, cancelled: false });
    return { eventId, joinUrl: `https://teams.example/l/meetup-join/${eventId}` };
  }

  async listOccurrences(seriesEventId: string, from: Date, to: Date): Promise<EventOccurrence[]> {
    this.enter({ op: 'listOccurrences', seriesEventId });
    const event = this.events.get(seriesEventId);
    if (!event?.input.recurrence) return [];
    const { input } = event;
    const { pattern, startDay, endDay } = input.recurrence as NonNullable<
      MeetingEventInput['recurrence']
    >;
    const duration = input.end.getTime() - input.start.getTime();
    const occurrences: EventOccurrence[] = [];
    const stepDays = pattern.type === 'weekly' ? 7 * pattern.interval : 0;
    for (let i = 0; i < 100; i += 1) {
      // Wall-clock time is kept across clock changes, as Exchange does.
      const start = shiftKeepingWallClock(input.start, stepDays * i, input.timeZone);
      if (pattern.type !== 'weekly' && i > 0) break;
      const day = start.toISOString().slice(0, 10);
      if (endDay && day > endDay) break;
      if (day < startDay || start < from || start >= to) continue;
      occurrences.push({
        eventId: `${seriesEventId}-occ-${i}`,
        start,
        end: new Date(start.getTime() + duration),
        joinUrl: null,
      });
    }
    return occurrences;
  }

  async findOnlineMeeting(joinUrl: string): Promise<OnlineMeetingRef> {
    this.enter({ op: 'findOnlineMeeting', joinUrl });
    const id = joinUrl.split('/').pop() as string;
    return {
      onlineMeetingId: `om-${id}`,
      joinWebUrl: joinUrl,
      chatThreadId: `19:meeting_${id}@thread.v2`,
    };
  }

  async applyOptions(onlineMeetingId: string, options: MeetingOptions): Promise<void> {
    this.enter({ op: 'applyOptions', onlineMeetingId, options });
  }

  async installApp(chatThreadId: string): Promise<void> {
    this.enter({ op: 'installApp', chatThreadId });
  }

  async updateEvent(eventId: string, changes: Partial<MeetingEventInput>): Promise<void> {
    this.enter({ op: 'updateEvent', eventId, changes });
  }

  async cancelEvent(eventId: string, comment: string): Promise<void> {
    this.enter({ op: 'cancelEvent', eventId, comment });
    const event = this.events.get(eventId);
    if (event) event.cancelled = true;
  }
}

function shiftKeepingWallClock(start: Date, days: number, timeZone: string): Date {
  const shifted = new Date(start.getTime() + days * 86_400_000);
  const offset = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-]\d+)?/.exec(parts ?? '');
    return Number(match?.[1] ?? 0) * 3_600_000;
  };
  return new Date(shifted.getTime() - (offset(shifted) - offset(start)));
}
