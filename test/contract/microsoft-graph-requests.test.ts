import { describe, expect, it } from 'vitest';
import { GraphCallingBot } from '../../graph/graph-calling-bot.js';
import { GraphFileShare } from '../../graph/graph-file-share.js';
import { GraphMailer } from '../../graph/graph-mailer.js';
import { DEMO_DRIVE_ID } from '../../graph/simulator/simulated-tenant.js';
import { emailOf, MAILBOX, MAILBOX_ID } from './support/contract-tenant.js';
import { DAYS, GUEST, graphContract, type Loose, series } from './support/graph-contract.js';
import { example, shapeMismatches } from './support/microsoft-examples.js';

/**
 * What the product sends, as the simulated Graph logged it, compared member by member with the
 * requests Microsoft publishes (names, casing, JSON types, enum values, path, API version,
 * headers). The simulator's own answers are checked in microsoft-graph-simulator.test.ts.
 */
const c = graphContract();
const logged = (call: string) => c.logged(call);
const meeting = () => c.meeting();

describe('the product’s Graph requests, against Microsoft’s published requests', () => {
  it('creates the series as the published recurring-event request does (members, types, enums)', async () => {
    await c.scheduler.createEvent(series);
    const [request] = logged('POST /users/{id}/events');
    expect(request).toMatchObject({
      version: 'v1.0',
      path: `/users/${encodeURIComponent(MAILBOX)}/events`,
    });
    const body = request?.body as Record<string, Loose>;
    expect(
      shapeMismatches(body, example('user-post-events-recurring.request.json'), [
        'isOnlineMeeting',
        'onlineMeetingProvider',
        'transactionId',
        'recurrence.pattern.firstDayOfWeek',
        'recurrence.range.numberOfOccurrences',
        'recurrence.range.recurrenceTimeZone',
      ]),
    ).toEqual([]);
    expect(body.attendees.every((a: { type: string }) => a.type === 'required')).toBe(true);
    expect(body.body.contentType).toMatch(/^(text|html)$/i);
    expect(body.recurrence.pattern.daysOfWeek.every((d: string) => DAYS.includes(d))).toBe(true);
    expect(body.onlineMeetingProvider).toBe('teamsForBusiness');
  });

  it('cancels with the published cancel request’s member, spelt Comment', async () => {
    const { eventId } = await c.scheduler.createEvent({ ...series, recurrence: undefined });
    await c.scheduler.cancelEvent(eventId, 'Moved because of a bank holiday.');
    const [cancel] = logged('POST /users/{id}/events/{eventId}/cancel');
    expect(shapeMismatches(cancel?.body, example('event-cancel.request.json'))).toEqual([]);
    expect(Object.keys(cancel?.body as object)).toEqual(['Comment']);
  });

  it('finds and sets up the online meeting by the organiser’s object id, never the mailbox address', async () => {
    const ref = await meeting();
    await c.scheduler.applyOptions(ref.onlineMeetingId, {
      presenters: [emailOf('chair')],
      attendees: [emailOf('police-rep')],
      allowRecording: false,
      allowTranscription: false,
      isEntryExitAnnounced: true,
    });
    const lookups = logged('GET /users/{id}');
    expect(lookups.map((r) => [r.path, r.query])).toEqual([
      [`/users/${encodeURIComponent(MAILBOX)}`, '$select=id'], // once: the id is cached
    ]);
    for (const r of [
      ...logged('GET /users/{id}/onlineMeetings'),
      ...logged('PATCH /users/{id}/onlineMeetings/{meetingId}'),
    ])
      expect(r.path.split('/')[2]).toBe(MAILBOX_ID);
    const [patch] = logged('PATCH /users/{id}/onlineMeetings/{meetingId}');
    const body = patch?.body as Record<string, Loose>;
    const published = example('onlinemeeting-update-lobbybypasssettings.response.json');
    expect(
      shapeMismatches(body, published, [
        'allowRecording',
        'allowTranscription',
        'allowMeetingChat',
      ]),
    ).toEqual([]);
    for (const attendee of body.participants.attendees)
      expect(shapeMismatches(attendee, published.participants.organizer)).toEqual([]);
    expect([
      'organizer',
      'organization',
      'organizationAndFederated',
      'everyone',
      'invited',
      'organizationExcludingGuests',
    ]).toContain(body.lobbyBypassSettings.scope);
    expect(body.participants.attendees.map((a: { role: string }) => a.role)).toEqual([
      'presenter',
      'attendee',
    ]);
    expect(patch?.prefer).toBe('include-unknown-enum-members');
  });

  it('names a B2B guest by their object id in this tenant and their real UPN, not their e-mail', async () => {
    const ref = await meeting();
    await c.scheduler.applyOptions(ref.onlineMeetingId, {
      presenters: [emailOf('chair')],
      attendees: [GUEST.mail],
      allowRecording: false,
      allowTranscription: false,
      isEntryExitAnnounced: true,
    });
    const stored = c.t.tenant.store.state.onlineMeetings[ref.onlineMeetingId]?.options;
    expect((stored?.participants as { attendees: unknown[] }).attendees).toContainEqual({
      identity: { user: { id: GUEST.id } },
      upn: GUEST.userPrincipalName,
      role: 'attendee',
    });
  });

  it('installs the app with the published installedApps members and permissionType casing', async () => {
    const ref = await meeting();
    await c.scheduler.installApp(ref.chatThreadId);
    const [install] = logged('POST /chats/{chatId}/installedApps');
    const published = example('chat-post-installedapps-rsc.request.json');
    expect(shapeMismatches(install?.body, published)).toEqual([]);
    const types = (
      install?.body as typeof published
    ).consentedPermissionSet.resourceSpecificPermissions.map(
      (p: { permissionType: string }) => p.permissionType,
    );
    expect(types.every((p: string) => ['Application', 'Delegated'].includes(p))).toBe(true);
  });

  it('sends mail with the published sendMail members', async () => {
    await new GraphMailer({ graph: c.t.graph, mailbox: MAILBOX }).send({
      to: [{ email: emailOf('police-rep') }],
      subject: 'MARAC 2 December: actions',
      bodyHtml: '<p>Open the Virtual MARAC tab.</p>',
      idempotencyKey: 'mail-1',
    });
    const [sent] = logged('POST /users/{id}/sendMail');
    // The sample sends saveToSentItems as the string "false"; its parameter table says Boolean.
    const published = { ...example('user-sendmail.request.json'), saveToSentItems: false };
    expect(
      shapeMismatches(sent?.body, published, [
        'message.internetMessageHeaders',
        'message.singleValueExtendedProperties',
      ]),
    ).toEqual([]);
  });

  it('shares a file with the published createLink members and enum values', async () => {
    const files = new GraphFileShare({ graph: c.t.graph, driveId: DEMO_DRIVE_ID });
    const file = await files.upload(
      'export.xlsx',
      new Uint8Array([1, 2]),
      'application/octet-stream',
    );
    await files.shareWithPeople(file, [emailOf('police-rep')], {
      type: 'blocksDownload',
      expiresAt: new Date('2026-12-09T00:00:00Z'),
    });
    const [link] = logged('POST /drives/{driveId}/items/{itemId}/createLink');
    const body = link?.body as Record<string, string>;
    expect(
      shapeMismatches(body, example('driveitem-createlink.request.json'), [
        'recipients',
        'expirationDateTime',
        'sendNotification',
      ]),
    ).toEqual([]);
    expect(['anonymous', 'organization', 'users']).toContain(body.scope);
    expect(['view', 'edit', 'embed', 'blocksDownload', 'review']).toContain(body.type);
  });

  it('joins the meeting with the published join request’s members', async () => {
    const ref = await meeting();
    const bot = new GraphCallingBot({
      graph: c.t.graph,
      callbackUri: 'http://127.0.0.1:9/api/calling', // notifications are not followed here
    });
    await bot.join({
      joinUrl: ref.joinWebUrl,
      chatThreadId: ref.chatThreadId,
      tenantId: c.t.tenant.tenantId,
    });
    const [join] = logged('POST /communications/calls');
    const published = example('application-post-calls-join-meeting.request.json');
    expect(shapeMismatches(join?.body, published, ['tenantId'])).toEqual([]);
    const body = join?.body as Loose;
    expect(body.meetingInfo.organizer.user.id).toBe(MAILBOX_ID);
    expect(body.mediaConfig['@odata.type']).toBe(published.mediaConfig['@odata.type']);
  });

  it('every request goes to v1.0 with a client-request-id', () => {
    expect(c.t.tenant.requests.every((r) => r.version === 'v1.0' && r.clientRequestId)).toBe(true);
  });
});
