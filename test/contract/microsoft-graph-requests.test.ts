import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphAttendanceReports } from '../../graph/graph-attendance-reports.js';
import { GraphCallingBot } from '../../graph/graph-calling-bot.js';
import { GraphFileShare } from '../../graph/graph-file-share.js';
import { GraphMailer } from '../../graph/graph-mailer.js';
import { GraphMeetingScheduler } from '../../graph/graph-meeting-scheduler.js';
import type { SimUser } from '../../graph/simulator/directory.js';
import { DEMO_DRIVE_ID } from '../../graph/simulator/simulated-tenant.js';
import {
  type ContractTenant,
  emailOf,
  MAILBOX,
  MAILBOX_ID,
  startContractTenant,
  userId,
  USERS,
} from './support/contract-tenant.js';
import { FakeClock } from '../support/fake-clock.js';
import { example, shapeMismatches } from './support/microsoft-examples.js';

/**
 * What the product sends, as the simulated Graph logged it, compared member by member with the
 * requests Microsoft publishes (names, casing, JSON types, enum values, path, API version,
 * headers); then the simulator's own answers against the published responses.
 */
const GUEST: SimUser = {
  // A B2B guest: their UPN in our tenant is not their e-mail address.
  id: '3f1c6a52-7d0e-4b8e-9a41-2c5d8e7f6a10',
  userPrincipalName: 'sam.lee_partner-agency.example#EXT#@northfieldcouncil.onmicrosoft.com',
  mail: 'sam.lee@partner-agency.example',
  displayName: 'Partner agency representative',
  userType: 'Guest',
};
// The mailbox is added at run time, so a test can delete and recreate it with a new object id.
const MAILBOX_USER = USERS.find((u) => u.id === MAILBOX_ID) as SimUser;
const users: SimUser[] = [...USERS.filter((u) => u !== MAILBOX_USER), GUEST];
const clock = new FakeClock('2026-12-02T09:00:00Z');
let t: ContractTenant;
let scheduler: GraphMeetingScheduler;
const logged = (call: string) => t.tenant.requests.filter((r) => r.call === call);

beforeAll(async () => {
  t = await startContractTenant({ clock, users, reportDelayMs: 0 });
});
beforeEach(() => {
  t.reset();
  t.tenant.directory.remove(RENEWED);
  t.tenant.directory.add(MAILBOX_USER);
  scheduler = new GraphMeetingScheduler({
    graph: t.graph,
    organizer: MAILBOX,
    teamsAppId: '00000000-0000-4000-8000-00000000a99a',
    graphBaseUrl: t.tenant.graphBaseUrl,
  });
});
afterAll(() => t.close());

const series = {
  subject: 'Northfield MARAC',
  start: new Date('2026-12-02T09:30:00Z'),
  end: new Date('2026-12-02T13:00:00Z'),
  timeZone: 'Europe/London',
  attendees: [{ email: emailOf('police-rep') }, { email: GUEST.mail }],
  bodyHtml: '<p>MARAC</p>',
  recurrence: {
    pattern: { type: 'weekly' as const, interval: 2, daysOfWeek: ['wednesday'] },
    startDay: '2026-12-02',
    numberOfOccurrences: 6,
  },
};
const RENEWED = '0d7c1f3e-5a2b-4c8d-9e6f-7a8b9c0d1e2f';
/** JSON read back from logs and answers, inspected member by member. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

async function meeting() {
  const { joinUrl } = await scheduler.createEvent(series);
  return scheduler.findOnlineMeeting(joinUrl);
}

describe('the product’s Graph requests, against Microsoft’s published requests', () => {
  it('creates the series as the published recurring-event request does (members, types, enums)', async () => {
    await scheduler.createEvent(series);
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

  it('finds and sets up the online meeting by the organiser’s object id, never the mailbox address', async () => {
    const ref = await meeting();
    await scheduler.applyOptions(ref.onlineMeetingId, {
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
    await scheduler.applyOptions(ref.onlineMeetingId, {
      presenters: [emailOf('chair')],
      attendees: [GUEST.mail],
      allowRecording: false,
      allowTranscription: false,
      isEntryExitAnnounced: true,
    });
    const stored = t.tenant.store.state.onlineMeetings[ref.onlineMeetingId]?.options;
    expect((stored?.participants as { attendees: unknown[] }).attendees).toContainEqual({
      identity: { user: { id: GUEST.id } },
      upn: GUEST.userPrincipalName,
      role: 'attendee',
    });
  });

  it('installs the app with the published installedApps members and permissionType casing', async () => {
    const ref = await meeting();
    await scheduler.installApp(ref.chatThreadId);
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
    await new GraphMailer({ graph: t.graph, mailbox: MAILBOX }).send({
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
    const files = new GraphFileShare({ graph: t.graph, driveId: DEMO_DRIVE_ID });
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
      graph: t.graph,
      callbackUri: 'http://127.0.0.1:9/api/calling', // notifications are not followed here
    });
    await bot.join({
      joinUrl: ref.joinWebUrl,
      chatThreadId: ref.chatThreadId,
      tenantId: t.tenant.tenantId,
    });
    const [join] = logged('POST /communications/calls');
    const published = example('application-post-calls-join-meeting.request.json');
    expect(shapeMismatches(join?.body, published, ['tenantId'])).toEqual([]);
    const body = join?.body as Loose;
    expect(body.meetingInfo.organizer.user.id).toBe(MAILBOX_ID);
    expect(body.mediaConfig['@odata.type']).toBe(published.mediaConfig['@odata.type']);
  });

  it('every request goes to v1.0 with a client-request-id', () => {
    expect(t.tenant.requests.every((r) => r.version === 'v1.0' && r.clientRequestId)).toBe(true);
  });
});

describe('the simulated Graph, against Microsoft’s published examples', () => {
  const send = (call: string, params: Record<string, string>, extra: object = {}) =>
    t.graph.send<Loose>({ call, params, ...extra }).catch((e: unknown) => e as Loose);

  it('answers GET /users/{upn} with the published user’s members, and 404 for an e-mail that is not a UPN', async () => {
    const { body } = await send('GET /users/{id}', { id: MAILBOX });
    expect(shapeMismatches(body, example('user-get.response.json'))).toEqual([]);
    expect(await send('GET /users/{id}', { id: GUEST.mail })).toMatchObject({
      status: 404,
      graphCode: 'Request_ResourceNotFound',
    });
  });

  it('answers online meeting lookups in the published shape, and 404 for a UPN where Graph requires the object id', async () => {
    const ref = await meeting();
    const filter = {
      query: {
        $filter: `JoinWebUrl eq '${t.tenant.store.state.onlineMeetings[ref.onlineMeetingId]?.joinWebUrl}'`,
      },
    };
    const { body } = await send('GET /users/{id}/onlineMeetings', { id: MAILBOX_ID }, filter);
    expect(
      shapeMismatches(body, example('onlinemeeting-list-by-joinweburl.response.json'), [
        'value[].chatInfo',
        'value[].joinUrl',
        'value[].allowMeetingChat',
        'value[].allowRecording',
        'value[].allowTranscription',
        'value[].recordAutomatically',
        'value[].allowAttendeeToEnableCamera',
        'value[].allowAttendeeToEnableMic',
        'value[].allowTeamworkReactions',
      ]),
    ).toEqual([]);
    for (const id of [MAILBOX, emailOf('chair')])
      expect(await send('GET /users/{id}/onlineMeetings', { id }, filter)).toMatchObject({
        status: 404,
      });
    const reports = 'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports';
    expect(await send(reports, { id: MAILBOX, meetingId: ref.onlineMeetingId })).toMatchObject({
      status: 404,
    });
  });

  it('accepts the published requests verbatim: a recurring event with "Monday", lobby settings without scope, RSC install', async () => {
    const created = await send(
      'POST /users/{id}/events',
      { id: MAILBOX },
      { body: example('user-post-events-recurring.request.json') },
    );
    expect(created).toMatchObject({ status: 201 });
    expect(created.body.recurrence.pattern.daysOfWeek).toEqual(['monday']);
    const ref = await meeting();
    const patched = await send(
      'PATCH /users/{id}/onlineMeetings/{meetingId}',
      { id: MAILBOX_ID, meetingId: ref.onlineMeetingId },
      { body: example('onlinemeeting-update-lobbybypasssettings.request.json') },
    );
    expect(patched.body.lobbyBypassSettings).toEqual({
      scope: 'organization',
      isDialInBypassEnabled: true,
    });
    const install = await send(
      'POST /chats/{chatId}/installedApps',
      { chatId: ref.chatThreadId },
      { body: example('chat-post-installedapps-rsc.request.json') },
    );
    expect(install).toMatchObject({ status: 201 });
    // The join sample, pointed at this tenant's meeting and a local callback (nothing else changed).
    const join = example('application-post-calls-join-meeting.request.json');
    join.callbackUri = 'http://127.0.0.1:9/api/calling';
    join.chatInfo.threadId = ref.chatThreadId;
    join.meetingInfo.organizer.user.id = MAILBOX_ID;
    expect(await send('POST /communications/calls', {}, { body: join })).toMatchObject({
      status: 201,
    });
  });

  it('refuses what Graph refuses: unknown enum members, missing required members, a participant named by e-mail', async () => {
    const ref = await meeting();
    const patch = (body: object) =>
      send(
        'PATCH /users/{id}/onlineMeetings/{meetingId}',
        { id: MAILBOX_ID, meetingId: ref.onlineMeetingId },
        { body },
      );
    expect(await patch({ lobbyBypassSettings: { scope: 'anyone' } })).toMatchObject({
      status: 400,
    });
    expect(await patch({ allowedPresenters: 'Everyone' })).toMatchObject({ status: 400 });
    expect(
      await patch({ participants: { attendees: [{ upn: GUEST.mail, role: 'attendee' }] } }),
    ).toMatchObject({ status: 400 });
    const bad = { ...example('user-post-events-recurring.request.json') };
    bad.recurrence = {
      ...bad.recurrence,
      pattern: { ...bad.recurrence.pattern, daysOfWeek: ['Funday'] },
    };
    expect(await send('POST /users/{id}/events', { id: MAILBOX }, { body: bad })).toMatchObject({
      status: 400,
    });
    const file = await new GraphFileShare({ graph: t.graph, driveId: DEMO_DRIVE_ID }).upload(
      'a.xlsx',
      new Uint8Array([1]),
      'application/octet-stream',
    );
    const { type: _type, ...noType } = example('driveitem-createlink.request.json');
    expect(
      await send(
        'POST /drives/{driveId}/items/{itemId}/createLink',
        { driveId: DEMO_DRIVE_ID, itemId: file.itemId },
        { body: noType },
      ),
    ).toMatchObject({ status: 400 });
  });

  it('answers call-record sessions with associatedIdentity as Microsoft’s sample does, and attendance records in the published shape', async () => {
    const ref = await meeting();
    const e = t.tenant.engine;
    await e.join(
      ref.onlineMeetingId,
      {
        userId: userId('chair'),
        displayName: 'Chair',
        email: emailOf('chair'),
        role: 'Organizer',
        camera: true,
      },
      new Date('2026-12-02T09:30:00Z'),
    );
    const session = await e.end(ref.onlineMeetingId, new Date('2026-12-02T10:00:00Z'));
    clock.set(new Date('2026-12-02T10:30:00Z'));
    const record = await send(
      'GET /communications/callRecords/{callRecordId}',
      { callRecordId: session.id },
      { query: { $expand: 'sessions($expand=segments)' } },
    );
    const published = example('callrecord-get-sessions-segments.response.json');
    const caller = record.body.sessions[0].caller;
    expect(shapeMismatches(caller, published.sessions[0].caller)).toEqual([]);
    expect(caller.associatedIdentity.id).toBe(userId('chair'));
    expect(caller.identity).toBeUndefined();
    const reports = new GraphAttendanceReports({ graph: t.graph, organizer: MAILBOX });
    const [report] = await reports.list(ref.onlineMeetingId);
    const records = await send(
      'GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports/{reportId}/attendanceRecords',
      { id: MAILBOX_ID, meetingId: ref.onlineMeetingId, reportId: report!.id },
    );
    expect(
      shapeMismatches(records.body, example('attendancerecord-list.response.json'), ['value[].id']),
    ).toEqual([]);
    expect(records.body.value[0].role).toBe('Organizer');
  });

  it('looks the organiser up again when the cached object id answers 404 (a recreated mailbox)', async () => {
    const ref = await meeting();
    const reports = new GraphAttendanceReports({ graph: t.graph, organizer: MAILBOX });
    expect(await reports.list(ref.onlineMeetingId)).toEqual([]);
    t.tenant.directory.remove(MAILBOX_ID);
    t.tenant.directory.add({ ...MAILBOX_USER, id: RENEWED });
    t.tenant.store.state.onlineMeetings[ref.onlineMeetingId]!.organizerId = RENEWED;
    expect(await reports.list(ref.onlineMeetingId)).toEqual([]);
    const paths = t.tenant.requests.filter((r) => r.call?.endsWith('/attendanceReports'));
    expect(paths.map((r) => [r.status, r.path.split('/')[2]])).toEqual([
      [200, MAILBOX_ID],
      [404, MAILBOX_ID],
      [200, RENEWED],
    ]);
    // The scheduler's lookup, the reader's first, and the reader's fresh one after the 404.
    expect(logged('GET /users/{id}')).toHaveLength(3);
  });
});
