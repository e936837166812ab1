import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingEventInput } from '../../core/ports/meeting-scheduler.js';
import { GraphMeetingScheduler, MEETING_APP_RSC } from '../../graph/graph-meeting-scheduler.js';
import {
  type ContractTenant,
  emailOf,
  MAILBOX,
  MAILBOX_ID,
  startContractTenant,
  userId,
} from './support/contract-tenant.js';

const TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a99a';
let t: ContractTenant;
let scheduler: GraphMeetingScheduler;
beforeAll(async () => {
  t = await startContractTenant({ pageSize: 2 });
  scheduler = new GraphMeetingScheduler({
    graph: t.graph,
    organizer: MAILBOX,
    teamsAppId: TEAMS_APP_ID,
    graphBaseUrl: t.tenant.graphBaseUrl,
  });
});
beforeEach(() => t.reset());
afterAll(() => t.close());

// Wednesday 2 December 2026, 09:30-13:00 London (GMT), fortnightly, six meetings.
const series: MeetingEventInput = {
  subject: 'Northfield MARAC',
  start: new Date('2026-12-02T09:30:00Z'),
  end: new Date('2026-12-02T13:00:00Z'),
  timeZone: 'Europe/London',
  attendees: [
    { email: emailOf('police-rep'), name: 'Police representative' },
    { email: emailOf('chair') },
  ],
  bodyHtml: '<p>Northfield MARAC. Case list in the Virtual MARAC tab.</p>',
  recurrence: {
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
    startDay: '2026-12-02',
    numberOfOccurrences: 6,
  },
  transactionId: 'meeting-series-1',
};
const state = () => t.tenant.store.state;

describe('MeetingScheduler over Graph events and online meetings (contract)', () => {
  it('creates a recurring Teams meeting once, even when the create is retried, and invites the attendees', async () => {
    const created = await scheduler.createEvent(series);
    expect(created.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3Ameeting_/,
    );
    expect(await scheduler.createEvent(series)).toEqual(created);
    expect(Object.keys(state().events)).toEqual([created.eventId]);
    expect(state().events[created.eventId]).toMatchObject({
      start: { dateTime: '2026-12-02T09:30:00', timeZone: 'Europe/London' },
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
        range: { type: 'numbered', startDate: '2026-12-02', numberOfOccurrences: 6 },
      },
    });
    const invitations = t.tenant.outbox.filter((m) => m.kind === 'meeting-request');
    expect(invitations).toHaveLength(1);
    expect(invitations[0]?.to.map((r) => r.address)).toEqual([
      emailOf('police-rep'),
      emailOf('chair'),
    ]);
  });

  it('lists the occurrences in a window, following every page, at 09:30 London across the months', async () => {
    const { eventId, joinUrl } = await scheduler.createEvent(series);
    const occurrences = await scheduler.listOccurrences(
      eventId,
      new Date('2026-12-01T00:00:00Z'),
      new Date('2027-02-01T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-12-02T09:30:00.000Z',
      '2026-12-16T09:30:00.000Z',
      '2026-12-30T09:30:00.000Z',
      '2027-01-13T09:30:00.000Z',
      '2027-01-27T09:30:00.000Z',
    ]);
    expect(
      occurrences.every(
        (o) => o.joinUrl === joinUrl && o.end.getTime() - o.start.getTime() === 3.5 * 3600_000,
      ),
    ).toBe(true);
    // Page size 2: three pages, each a call.
    expect(t.calls.filter((c) => c.call.endsWith('/instances'))).toHaveLength(3);
  });

  it('finds the online meeting by join URL and applies the safe options with the Prefer header', async () => {
    const { joinUrl } = await scheduler.createEvent(series);
    const ref = await scheduler.findOnlineMeeting(joinUrl);
    expect(ref.chatThreadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    await scheduler.applyOptions(ref.onlineMeetingId, {
      presenters: [userId('chair'), emailOf('coordinator')],
      attendees: [emailOf('police-rep')],
      allowRecording: false,
      allowTranscription: false,
      isEntryExitAnnounced: true,
    });
    expect(state().onlineMeetings[ref.onlineMeetingId]?.options).toMatchObject({
      lobbyBypassSettings: { scope: 'invited', isDialInBypassEnabled: false },
      allowedPresenters: 'roleIsPresenter',
      allowRecording: false,
      allowTranscription: false,
      isEntryExitAnnounced: true,
      allowMeetingChat: 'enabled',
      participants: {
        attendees: [
          { identity: { user: { id: userId('chair') } }, role: 'presenter' },
          {
            identity: { user: { id: userId('coordinator') } },
            upn: emailOf('coordinator'),
            role: 'presenter',
          },
          {
            identity: { user: { id: userId('police-rep') } },
            upn: emailOf('police-rep'),
            role: 'attendee',
          },
        ],
      },
    });
    const patch = t.tenant.requests.find((r) => r.method === 'PATCH');
    expect(patch?.prefer).toBe('include-unknown-enum-members');
  });

  it('is refused "invited" without Prefer: include-unknown-enum-members (the simulator checks it)', async () => {
    const { joinUrl } = await scheduler.createEvent(series);
    const ref = await scheduler.findOnlineMeeting(joinUrl);
    const error = await t.graph
      .send({
        call: 'PATCH /users/{id}/onlineMeetings/{meetingId}',
        params: { id: MAILBOX_ID, meetingId: ref.onlineMeetingId },
        body: { lobbyBypassSettings: { scope: 'invited' } },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, graphCode: 'BadRequest' });
  });

  it('installs the app into the meeting chat with its resource-specific consent, and a second install is harmless', async () => {
    const ref = await scheduler.findOnlineMeeting((await scheduler.createEvent(series)).joinUrl);
    await scheduler.installApp(ref.chatThreadId);
    await scheduler.installApp(ref.chatThreadId);
    expect(state().chats[ref.chatThreadId]?.installedApps).toEqual([
      { id: expect.any(String), teamsAppId: TEAMS_APP_ID, consentedPermissions: MEETING_APP_RSC },
    ]);
    const statuses = t.tenant.requests
      .filter((r) => r.call === 'POST /chats/{chatId}/installedApps')
      .map((r) => r.status);
    expect(statuses).toEqual([201, 409]);
  });

  it('reschedules and cancels, sending the update and the cancellation with its comment', async () => {
    const { eventId } = await scheduler.createEvent({
      ...series,
      recurrence: undefined,
      transactionId: 'single-1',
    });
    await scheduler.updateEvent(eventId, {
      start: new Date('2026-12-09T10:00:00Z'),
      end: new Date('2026-12-09T13:00:00Z'),
      timeZone: 'Europe/London',
    });
    expect(state().events[eventId]?.start).toEqual({
      dateTime: '2026-12-09T10:00:00',
      timeZone: 'Europe/London',
    });
    await scheduler.cancelEvent(eventId, 'Moved because of a bank holiday.');
    expect(t.tenant.outbox.map((m) => m.kind)).toEqual([
      'meeting-request',
      'meeting-update',
      'meeting-cancellation',
    ]);
    expect(t.tenant.outbox.at(-1)?.body).toBe('Moved because of a bank holiday.');
    const gone = await scheduler.updateEvent(eventId, { subject: 'x' }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ status: 404, graphCode: 'ErrorItemNotFound' });
  });

  it('retries a 503 on create and still makes one event', async () => {
    t.tenant.faults.add({
      call: 'POST /users/{id}/events',
      kind: 'unavailable',
      times: 1,
      retryAfterSeconds: 0.05,
    });
    await scheduler.createEvent(series);
    expect(Object.keys(state().events)).toHaveLength(1);
    expect(
      t.tenant.requests.filter((r) => r.call === 'POST /users/{id}/events').map((r) => r.status),
    ).toEqual([503, 201]);
  });

  it('surfaces a malformed event as Graph’s 400 with its code', async () => {
    const error = await scheduler
      .createEvent({ ...series, end: new Date('2026-12-02T08:00:00Z'), transactionId: 'bad' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      graphCode: 'ErrorInvalidRequest',
      requestId: expect.any(String),
    });
    expect(state().events).toEqual({});
  });
});
