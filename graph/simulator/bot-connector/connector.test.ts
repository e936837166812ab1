import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ID,
  APP_SECRET,
  type ContractTenant,
  MAILBOX,
  startContractTenant,
  userId,
} from '../../../test/contract/support/contract-tenant.js';
import { MsalTokenProvider } from '../../auth/msal-token-provider.js';
import { GraphMeetingScheduler } from '../../graph-meeting-scheduler.js';
import { BOT_CONNECTOR_SCOPE } from '../simulated-tenant.js';
import { teamsMeetingId, teamsUserId } from './teams-ids.js';

let t: ContractTenant;
let token: string;
let meetingId: string;
let thread: string;
let onlineMeetingId: string;

beforeAll(async () => {
  t = await startContractTenant();
  token = await new MsalTokenProvider({
    authorityHost: t.tenant.authorityHost,
    tenantId: t.tenant.tenantId,
    clientId: APP_ID,
    credential: { kind: 'secret', secret: APP_SECRET },
  }).appToken(BOT_CONNECTOR_SCOPE);
  const scheduler = new GraphMeetingScheduler({
    graph: t.graph,
    organizer: MAILBOX,
    teamsAppId: 'x',
    graphBaseUrl: t.tenant.graphBaseUrl,
  });
  const { joinUrl } = await scheduler.createEvent({
    subject: 'Northfield MARAC',
    start: new Date('2026-12-02T09:30:00Z'),
    end: new Date('2026-12-02T13:00:00Z'),
    timeZone: 'Europe/London',
    attendees: [],
    bodyHtml: '',
  });
  const ref = await scheduler.findOnlineMeeting(joinUrl);
  await scheduler.applyOptions(ref.onlineMeetingId, {
    presenters: [userId('chair')],
    attendees: [],
    allowRecording: false,
    allowTranscription: false,
    isEntryExitAnnounced: true,
  });
  thread = ref.chatThreadId;
  onlineMeetingId = ref.onlineMeetingId;
  meetingId = teamsMeetingId(thread);
});
afterAll(() => t.close());

const connector = (path: string, init: RequestInit & { auth?: string | null } = {}) =>
  fetch(`${t.tenant.serviceUrl}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.auth === null ? {} : { authorization: `Bearer ${init.auth ?? token}` }),
    },
  });

describe('the simulated Bot Connector', () => {
  it('records what the bot sends, replies and updates, and shows the latest version', async () => {
    const sent = await connector(`v3/conversations/${encodeURIComponent(thread)}/activities`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'card v1' }),
    });
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as { id: string };
    const reply = await connector(
      `v3/conversations/${encodeURIComponent(thread)}/activities/${id}`,
      {
        method: 'POST',
        body: JSON.stringify({ type: 'message', text: 'a reply' }),
      },
    );
    expect(reply.status).toBe(201);
    const updated = await connector(
      `v3/conversations/${encodeURIComponent(thread)}/activities/${id}`,
      {
        method: 'PUT',
        body: JSON.stringify({ type: 'message', text: 'card v2' }),
      },
    );
    expect(updated.status).toBe(201);
    expect(t.tenant.connector.current(thread).map((a) => a.text)).toEqual(['card v2', 'a reply']);
    expect(t.tenant.connector.log(thread).map((a) => a.op)).toEqual(['send', 'reply', 'update']);
  });

  it('refuses an update of an unknown activity, a body without a type, and calls without a valid bot token', async () => {
    const path = `v3/conversations/${encodeURIComponent(thread)}/activities`;
    expect(
      (await connector(`${path}/1:nope`, { method: 'PUT', body: '{"type":"message"}' })).status,
    ).toBe(404);
    expect((await connector(path, { method: 'POST', body: '{"text":"x"}' })).status).toBe(400);
    expect(
      (await connector(path, { method: 'POST', body: '{"type":"message"}', auth: null })).status,
    ).toBe(401);
    expect(
      (await connector(path, { method: 'POST', body: '{"type":"message"}', auth: 'abc.def.ghi' }))
        .status,
    ).toBe(401);
  });

  it('answers meeting details and participant look-ups from the meeting that is running', async () => {
    const info = await (await connector(`v1/meetings/${encodeURIComponent(meetingId)}`)).json();
    expect(info).toMatchObject({
      details: { msGraphResourceId: onlineMeetingId, title: 'Northfield MARAC', type: 'Scheduled' },
      conversation: { id: thread, isGroup: true },
    });
    await t.tenant.engine.join(onlineMeetingId, { userId: userId('chair'), displayName: 'Chair' });
    const chair = await (
      await connector(
        `v1/meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(teamsUserId(userId('chair')))}?tenantId=${t.tenant.tenantId}`,
      )
    ).json();
    expect(chair).toMatchObject({
      user: { aadObjectId: userId('chair') },
      meeting: { role: 'Presenter', inMeeting: true },
    });
    const rep = await (
      await connector(
        `v1/meetings/${encodeURIComponent(meetingId)}/participants/${userId('police-rep')}`,
      )
    ).json();
    expect(rep).toMatchObject({ meeting: { role: 'Attendee', inMeeting: false } });
    expect((await connector('v1/meetings/bm9wZQ==')).status).toBe(404);
  });

  it('takes targeted meeting notifications for 29: recipients only, and never an empty list', async () => {
    const notify = (recipients: string[]) =>
      connector(`v1/meetings/${encodeURIComponent(meetingId)}/notification`, {
        method: 'POST',
        body: JSON.stringify({
          type: 'targetedMeetingNotification',
          value: {
            recipients,
            surfaces: [
              {
                surface: 'meetingStage',
                contentType: 'task',
                content: {
                  value: {
                    height: 300,
                    width: 400,
                    title: 'Your case is next',
                    url: 'https://marac.example/next',
                  },
                },
              },
            ],
          },
        }),
      });
    expect((await notify([teamsUserId(userId('police-rep'))])).status).toBe(202);
    expect((await notify([])).status).toBe(400);
    expect((await notify([userId('police-rep')])).status).toBe(400);
    expect(t.tenant.meetingNotifications).toHaveLength(1);
  });

  it('gives a recurring series one Teams meeting: the same id and chat for every occurrence, type Recurring', async () => {
    const scheduler = new GraphMeetingScheduler({
      graph: t.graph,
      organizer: MAILBOX,
      teamsAppId: 'x',
      graphBaseUrl: t.tenant.graphBaseUrl,
    });
    const { joinUrl } = await scheduler.createEvent({
      subject: 'Northfield MARAC',
      start: new Date('2026-12-02T09:30:00Z'),
      end: new Date('2026-12-02T13:00:00Z'),
      timeZone: 'Europe/London',
      attendees: [],
      bodyHtml: '',
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'] },
        startDay: '2026-12-02',
        endDay: '2027-03-24',
      },
    });
    const ref = await scheduler.findOnlineMeeting(joinUrl);
    const seriesId = teamsMeetingId(ref.chatThreadId);
    const details = (await (
      await connector(`v1/meetings/${encodeURIComponent(seriesId)}`)
    ).json()) as { details: Record<string, unknown>; conversation: { id: string } };
    expect(details.details).toMatchObject({
      id: seriesId,
      type: 'Recurring',
      msGraphResourceId: ref.onlineMeetingId,
    });
    expect(details.conversation.id).toBe(ref.chatThreadId);
    // A single meeting stays Scheduled.
    const single = (await (
      await connector(`v1/meetings/${encodeURIComponent(meetingId)}`)
    ).json()) as { details: { type: string } };
    expect(single.details.type).toBe('Scheduled');
  });

  it('takes Microsoft’s published targeted meeting notification sample (heights as strings, onBehalfOf)', async () => {
    const sample = JSON.parse(
      readFileSync(
        new URL(
          '../../../test/contract/microsoft/teams/targeted-meeting-notification.docs.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as Record<string, unknown>;
    const res = await connector(`v1/meetings/${encodeURIComponent(meetingId)}/notification`, {
      method: 'POST',
      body: JSON.stringify(sample),
    });
    expect(res.status).toBe(202);
  });
});
