import { describe, expect, it } from 'vitest';
import { GraphAttendanceReports } from '../../graph/graph-attendance-reports.js';
import { GraphFileShare } from '../../graph/graph-file-share.js';
import { GraphMailer } from '../../graph/graph-mailer.js';
import { DEMO_DRIVE_ID } from '../../graph/simulator/simulated-tenant.js';
import { emailOf, MAILBOX, MAILBOX_ID, userId } from './support/contract-tenant.js';
import {
  GUEST,
  graphContract,
  type Loose,
  MAILBOX_USER,
  RENEWED,
} from './support/graph-contract.js';
import { example, shapeMismatches } from './support/microsoft-examples.js';

/**
 * The simulated Graph against Microsoft's published examples: its answers have the published
 * members, casing and nulls; it accepts the published requests verbatim and refuses what Graph
 * refuses, so it can disagree with the product.
 */
const c = graphContract();
const logged = (call: string) => c.logged(call);
const meeting = () => c.meeting();
/** onlineMeeting members the simulator sends that Microsoft's samples leave out (all documented). */
const MEETING_EXTRAS = [
  'chatInfo',
  'joinUrl',
  'allowMeetingChat',
  'allowRecording',
  'allowTranscription',
  'recordAutomatically',
  'allowAttendeeToEnableCamera',
  'allowAttendeeToEnableMic',
  'allowTeamworkReactions',
];

describe('the simulated Graph, against Microsoft’s published examples', () => {
  const send = (call: string, params: Record<string, string>, extra: object = {}) =>
    c.t.graph.send<Loose>({ call, params, ...extra }).catch((e: unknown) => e as Loose);

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
        $filter: `JoinWebUrl eq '${c.t.tenant.store.state.onlineMeetings[ref.onlineMeetingId]?.joinWebUrl}'`,
      },
    };
    const { body } = await send('GET /users/{id}/onlineMeetings', { id: MAILBOX_ID }, filter);
    expect(
      shapeMismatches(body, example('onlinemeeting-list-by-joinweburl.response.json'), [
        ...MEETING_EXTRAS.map((m) => `value[].${m}`),
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
    expect(
      shapeMismatches(
        patched.body,
        example('onlinemeeting-update-lobbybypasssettings.response.json'),
        MEETING_EXTRAS,
      ),
    ).toEqual([]);
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
    const file = await new GraphFileShare({ graph: c.t.graph, driveId: DEMO_DRIVE_ID }).upload(
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
    const e = c.t.tenant.engine;
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
    c.clock.set(new Date('2026-12-02T10:30:00Z'));
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
    const reports = new GraphAttendanceReports({ graph: c.t.graph, organizer: MAILBOX });
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
    const reports = new GraphAttendanceReports({ graph: c.t.graph, organizer: MAILBOX });
    expect(await reports.list(ref.onlineMeetingId)).toEqual([]);
    c.t.tenant.directory.remove(MAILBOX_ID);
    c.t.tenant.directory.add({ ...MAILBOX_USER, id: RENEWED });
    c.t.tenant.store.state.onlineMeetings[ref.onlineMeetingId]!.organizerId = RENEWED;
    expect(await reports.list(ref.onlineMeetingId)).toEqual([]);
    const paths = c.t.tenant.requests.filter((r) => r.call?.endsWith('/attendanceReports'));
    expect(paths.map((r) => [r.status, r.path.split('/')[2]])).toEqual([
      [200, MAILBOX_ID],
      [404, MAILBOX_ID],
      [200, RENEWED],
    ]);
    // The scheduler's lookup, the reader's first, and the reader's fresh one after the 404.
    expect(logged('GET /users/{id}')).toHaveLength(3);
  });

  it('answers the Inbox with the published message members, uniqueBody only when selected and as text when preferred', async () => {
    await new GraphMailer({ graph: c.t.graph, mailbox: MAILBOX }).send({
      idempotencyKey: 'inbox-shape',
      to: [{ email: emailOf('police-rep') }],
      subject: 'Northfield MARAC: 1 action due for your update',
      bodyHtml: '<p>A-0001 is due.</p>',
    });
    const sent = c.t.tenant.outbox.at(-1)!;
    c.t.tenant.reply({
      to: sent.id,
      from: { address: emailOf('police-rep'), name: 'Police representative' },
      text: 'Done on Monday.',
    });
    const all = await send('GET /users/{id}/mailFolders/inbox/messages', { id: MAILBOX });
    expect(all.body.value).toHaveLength(1);
    expect(shapeMismatches(all.body.value, [example('message-get.response.json')])).toEqual([]);
    expect(all.body.value[0].conversationId).toBe(sent.conversationId);
    expect(all.body.value[0].uniqueBody).toBeUndefined();
    expect(all.body.value[0].body.contentType).toBe('html');

    const text = await send(
      'GET /users/{id}/mailFolders/inbox/messages',
      { id: MAILBOX },
      {
        query: { $select: 'id,subject,body,bodyPreview,uniqueBody' },
        headers: { Prefer: 'outlook.body-content-type="text"' },
      },
    );
    expect(shapeMismatches(text.body.value, [example('message-get-text.response.json')])).toEqual(
      [],
    );
    expect(text.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
    expect(text.body.value[0].uniqueBody).toEqual({
      contentType: 'text',
      content: 'Done on Monday.\r\n',
    });
    expect(text.body.value[0].body.content).toContain('A-0001 is due.');
    // Graph's OData filter on the Inbox: a later instant leaves the reply out.
    const later = await send(
      'GET /users/{id}/mailFolders/inbox/messages',
      { id: MAILBOX },
      { query: { $filter: 'receivedDateTime ge 2999-01-01T00:00:00Z' } },
    );
    expect(later.body.value).toEqual([]);
  });
});
