import { z } from 'zod';
import { createOnlineMeeting } from '../online-meetings.js';
import { expand, recurrenceProblem, recurrenceSchema } from '../recurrence.js';
import { emailAddress, exchangeId, parseBody, type SimContext, userOr404 } from '../sim-context.js';
import { badRequest, page, type SimRequest, type SimRoute, SimGraphError } from '../sim-route.js';
import type { SimEvent } from '../tenant-state.js';
import { ianaZone, toInstant, utc } from '../time-zones.js';

/**
 * Calendar events in the organiser's mailbox (PLATFORM.md §1): create with a Teams meeting and
 * recurrence, update, cancel (which removes it and sends cancellations), and list a series'
 * occurrences in a window. `transactionId` makes a retried create return the first event.
 */
const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const attendee = z.object({
  emailAddress,
  type: z.enum(['required', 'optional', 'resource']).default('required'),
});
const eventFields = {
  subject: z.string().max(255),
  body: z.object({ contentType: z.string().regex(/^(text|html)$/i), content: z.string() }),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  attendees: z.array(attendee).max(500),
  recurrence: recurrenceSchema.nullable(),
  isOnlineMeeting: z.boolean(),
  onlineMeetingProvider: z.enum([
    'teamsForBusiness',
    'skypeForBusiness',
    'skypeForConsumer',
    'unknown',
  ]),
  allowNewTimeProposals: z.boolean(),
  responseRequested: z.boolean(),
};
const createEvent = z
  .object({
    ...eventFields,
    subject: eventFields.subject.default(''),
    body: eventFields.body.default({ contentType: 'text', content: '' }),
    attendees: eventFields.attendees.default([]),
    recurrence: eventFields.recurrence.default(null),
    isOnlineMeeting: eventFields.isOnlineMeeting.default(false),
    transactionId: z.string().max(255).optional(),
  })
  .partial({ onlineMeetingProvider: true, allowNewTimeProposals: true, responseRequested: true });
const updateEvent = z.object(eventFields).partial().strict();

export function calendarRoutes(ctx: SimContext): SimRoute[] {
  const permissions = ['Calendars.ReadWrite'];
  return [
    {
      call: 'POST /users/{id}/events',
      permissions,
      mailbox: 'id',
      handle: (req) => create(ctx, req),
    },
    {
      call: 'GET /users/{id}/events/{eventId}',
      permissions: ['Calendars.Read', ...permissions],
      mailbox: 'id',
      handle: async (req) => ({ status: 200, body: toGraphEvent(ctx, await ownEvent(ctx, req)) }),
    },
    {
      call: 'PATCH /users/{id}/events/{eventId}',
      permissions,
      mailbox: 'id',
      handle: (req) => update(ctx, req),
    },
    {
      call: 'POST /users/{id}/events/{eventId}/cancel',
      permissions,
      mailbox: 'id',
      handle: async (req) => {
        const event = await ownEvent(ctx, req);
        const { Comment } = parseBody(
          z.object({ Comment: z.string().max(10_000).optional() }),
          req.body ?? {},
        );
        event.isCancelled = true;
        notify(
          ctx,
          event,
          'meeting-cancellation',
          `Canceled: ${event.subject}`,
          Comment ?? '',
          req.now,
        );
        return { status: 202 };
      },
    },
    {
      call: 'GET /users/{id}/events/{eventId}/instances',
      permissions: ['Calendars.Read', ...permissions],
      mailbox: 'id',
      handle: (req) => instances(ctx, req),
    },
  ];
}

async function create(ctx: SimContext, req: SimRequest) {
  const organizer = await userOr404(ctx, req.params.id as string, 'exchange');
  const input = parseBody(createEvent, req.body, 'ErrorInvalidRequest');
  const existing = input.transactionId
    ? Object.values(ctx.store.state.events).find(
        (e) => e.organizerId === organizer.id && e.transactionId === input.transactionId,
      )
    : undefined;
  if (existing) return { status: 201, body: toGraphEvent(ctx, existing) };
  const start = toInstant(input.start, 'start');
  const end = toInstant(input.end, 'end');
  if (end <= start)
    throw badRequest(
      'The end time of the event must be after its start time.',
      'ErrorInvalidRequest',
    );
  const problem = input.recurrence && recurrenceProblem(input.recurrence);
  if (problem) throw badRequest(problem, 'ErrorPropertyValidationFailure');
  const online =
    input.isOnlineMeeting &&
    (input.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';
  const event: SimEvent = {
    id: exchangeId(),
    organizerId: organizer.id,
    organizerAddress: organizer.mail,
    subject: input.subject,
    body: input.body,
    start: input.start,
    end: input.end,
    attendees: input.attendees,
    recurrence: input.recurrence,
    onlineMeetingId: online
      ? createOnlineMeeting(ctx, { organizerId: organizer.id, subject: input.subject, start, end })
          .id
      : null,
    transactionId: input.transactionId ?? null,
    isCancelled: false,
    createdDateTime: req.now.toISOString(),
    lastModifiedDateTime: req.now.toISOString(),
  };
  ctx.store.state.events[event.id] = event;
  notify(ctx, event, 'meeting-request', event.subject, event.body.content, req.now);
  return { status: 201, body: toGraphEvent(ctx, event) };
}

async function update(ctx: SimContext, req: SimRequest) {
  const event = await ownEvent(ctx, req);
  const changes = parseBody(updateEvent, req.body, 'ErrorInvalidRequest');
  const next = { ...event, ...changes } as SimEvent;
  if (toInstant(next.end, 'end') <= toInstant(next.start, 'start'))
    throw badRequest(
      'The end time of the event must be after its start time.',
      'ErrorInvalidRequest',
    );
  Object.assign(event, changes, { lastModifiedDateTime: req.now.toISOString() });
  const meeting = event.onlineMeetingId
    ? ctx.store.state.onlineMeetings[event.onlineMeetingId]
    : undefined;
  if (meeting) {
    meeting.subject = event.subject;
    meeting.startDateTime = toInstant(event.start, 'start').toISOString();
    meeting.endDateTime = toInstant(event.end, 'end').toISOString();
  }
  notify(ctx, event, 'meeting-update', `Updated: ${event.subject}`, event.body.content, req.now);
  return { status: 200, body: toGraphEvent(ctx, event) };
}

async function instances(ctx: SimContext, req: SimRequest) {
  const event = await ownEvent(ctx, req);
  const from = req.query.get('startDateTime') ?? req.query.get('startdatetime');
  const to = req.query.get('endDateTime') ?? req.query.get('enddatetime');
  if (!from || !to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)))
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  const start = toInstant(event.start, 'start');
  const duration = toInstant(event.end, 'end').getTime() - start.getTime();
  const occurrences = event.recurrence
    ? expand(
        event.recurrence as never,
        start,
        duration,
        ianaZone(event.start.timeZone),
        new Date(from),
        new Date(to),
      )
    : [];
  const joinUrl = event.onlineMeetingId
    ? ctx.store.state.onlineMeetings[event.onlineMeetingId]?.joinWebUrl
    : undefined;
  const value = occurrences.map((o) => ({
    id: `${event.id}_${o.start.toISOString().slice(0, 10).replace(/-/g, '')}`,
    seriesMasterId: event.id,
    type: 'occurrence',
    subject: event.subject,
    start: utc(o.start),
    end: utc(o.end),
    isOnlineMeeting: Boolean(joinUrl),
    onlineMeeting: joinUrl ? { joinUrl } : null,
  }));
  const path = `/users/${encodeURIComponent(req.params.id as string)}/events/${encodeURIComponent(event.id)}/instances`;
  return {
    status: 200,
    body: page(value, req, path, ctx.pageSize),
    headers: { 'Preference-Applied': 'outlook.timezone="UTC"' },
  };
}

async function ownEvent(ctx: SimContext, req: SimRequest): Promise<SimEvent> {
  const organizer = await userOr404(ctx, req.params.id as string, 'exchange');
  const event = ctx.store.state.events[req.params.eventId as string];
  if (!event || event.organizerId !== organizer.id || event.isCancelled)
    throw new SimGraphError(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
    );
  return event;
}

/** Exchange sends invitations, updates and cancellations to attendees from the organiser. */
function notify(
  ctx: SimContext,
  event: SimEvent,
  kind: 'meeting-request' | 'meeting-update' | 'meeting-cancellation',
  subject: string,
  body: string,
  now: Date,
) {
  if (event.attendees.length > 0)
    ctx.store.state.messages.push({
      id: exchangeId(),
      mailboxId: event.organizerId,
      from: event.organizerAddress,
      kind,
      to: event.attendees.map((a) => a.emailAddress),
      cc: [],
      subject,
      bodyContentType: 'html',
      body,
      internetMessageHeaders: [],
      singleValueExtendedProperties: [],
      sentAt: now.toISOString(),
      savedToSentItems: true,
    });
  ctx.store.changed();
}

function toGraphEvent(ctx: SimContext, e: SimEvent) {
  const meeting = e.onlineMeetingId ? ctx.store.state.onlineMeetings[e.onlineMeetingId] : undefined;
  return {
    id: e.id,
    iCalUId: `040000008200E00074C5B7101A82E008${Buffer.from(e.id).toString('hex').slice(0, 32).toUpperCase()}`,
    type: e.recurrence ? 'seriesMaster' : 'singleInstance',
    subject: e.subject,
    body: e.body,
    start: utc(toInstant(e.start, 'start')),
    end: utc(toInstant(e.end, 'end')),
    originalStartTimeZone: e.start.timeZone,
    originalEndTimeZone: e.end.timeZone,
    recurrence: e.recurrence,
    attendees: e.attendees.map((a) => ({
      ...a,
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
    })),
    organizer: { emailAddress: { address: e.organizerAddress } },
    isOnlineMeeting: Boolean(meeting),
    onlineMeetingProvider: meeting ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: meeting
      ? { joinUrl: meeting.joinWebUrl, conferenceId: null, tollNumber: null }
      : null,
    isCancelled: e.isCancelled,
    createdDateTime: e.createdDateTime,
    lastModifiedDateTime: e.lastModifiedDateTime,
    ...(e.transactionId ? { transactionId: e.transactionId } : {}),
  };
}
