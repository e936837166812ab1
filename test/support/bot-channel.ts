import {
  type Activity,
  type ChannelContext,
  type Conversation,
  invoke,
  type MeetingDetails,
  meetingEvent,
  message,
  participantsEvent,
  type TeamsUser,
} from '../../graph/simulator/bot-connector/activities.js';
import {
  type ChannelResponse,
  ChannelClient,
} from '../../graph/simulator/bot-connector/channel-client.js';
import { teamsMeetingId } from '../../graph/simulator/bot-connector/teams-ids.js';
import type { SimulatedTenant } from '../../graph/simulator/simulated-tenant.js';
import { DEMO_PEOPLE } from '../../store/seed/demo-directory.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import type { TestApp } from './test-app.js';

export interface TestMeeting extends MeetingDetails {
  onlineMeetingId: string;
}

/**
 * Drives the bot as Teams would (uses it for whole meetings): Microsoft-shaped
 * activities POSTed to `/api/messages` with `serviceUrl` pointing at the simulated Bot
 * Connector, each with a channel token signed by the simulated tenant's Bot Framework key when
 * bot authentication is on (`startTestApp({ env: { MARAC_BOT_AUTH: 'on' } })`). What the bot
 * sends back is read from the connector with `posted(conversationId)`.
 *
 *   const channel = botChannel(app);
 *   const meeting = await channel.meeting();
 *   await channel.meetingStart(meeting);
 *   await channel.join(meeting, ['chair', 'police-rep']);
 *   const res = await channel.message('chair', 'help', meeting);
 *   channel.posted(meeting.chatThreadId) // the bot's activities, latest version of each
 */
export class BotChannel {
  readonly ctx: ChannelContext;
  readonly client: ChannelClient;

  constructor(
    readonly app: TestApp,
    readonly simulator: SimulatedTenant,
  ) {
    const appId = app.config.microsoft.appId as string;
    this.ctx = { serviceUrl: simulator.serviceUrl, appId, tenantId: simulator.tenantId };
    this.client = new ChannelClient({
      endpoint: `${app.url}/api/messages`,
      appId,
      issuer: app.config.bot.authEnabled ? simulator.channel : null,
    });
  }

  /** A seeded demo person (key from store/seed/demo-directory.ts) as a Teams user. */
  user(personKey: string): TeamsUser {
    const person = DEMO_PEOPLE.find((p) => p.key === personKey);
    if (!person) throw new Error(`No demo person ${personKey}`);
    return { aadObjectId: demoUuid(`entra:${personKey}`), name: person.displayName };
  }

  /** A Teams meeting made through the product's own scheduler adapter, with its chat. */
  async meeting(
    title = 'Northfield MARAC',
    start = new Date(Date.now() + 3600_000),
  ): Promise<TestMeeting> {
    const scheduler = this.app.composition.microsoft.meetings;
    const { joinUrl } = await scheduler.createEvent({
      subject: title,
      start,
      end: new Date(start.getTime() + 3.5 * 3600_000),
      timeZone: 'Europe/London',
      attendees: [],
      bodyHtml: '<p>Northfield MARAC</p>',
    });
    const ref = await scheduler.findOnlineMeeting(joinUrl);
    await scheduler.installApp(ref.chatThreadId);
    return {
      meetingId: teamsMeetingId(ref.chatThreadId),
      chatThreadId: ref.chatThreadId,
      joinUrl,
      title,
      onlineMeetingId: ref.onlineMeetingId,
    };
  }

  conversation(meeting: Pick<MeetingDetails, 'chatThreadId' | 'meetingId'>): Conversation {
    return { id: meeting.chatThreadId, meetingId: meeting.meetingId };
  }

  send(
    activity: Activity | string,
    options: { token?: string | null } = {},
  ): Promise<ChannelResponse> {
    return this.client.send(activity, options);
  }

  message(
    personKey: string,
    text: string,
    meeting: Pick<MeetingDetails, 'chatThreadId' | 'meetingId'>,
  ) {
    return this.send(message(this.ctx, this.user(personKey), this.conversation(meeting), text));
  }

  meetingStart(
    meeting: MeetingDetails,
    options: { organizer?: string; at?: Date; casing?: 'pascal' | 'camel' } = {},
  ) {
    return this.send(
      meetingEvent(
        this.ctx,
        'start',
        this.user(options.organizer ?? 'coordinator'),
        meeting,
        options,
      ),
    );
  }

  meetingEnd(
    meeting: MeetingDetails,
    options: { organizer?: string; at?: Date; casing?: 'pascal' | 'camel' } = {},
  ) {
    return this.send(
      meetingEvent(
        this.ctx,
        'end',
        this.user(options.organizer ?? 'coordinator'),
        meeting,
        options,
      ),
    );
  }

  join(meeting: MeetingDetails, personKeys: string[], options: { at?: Date } = {}) {
    return this.send(
      participantsEvent(
        this.ctx,
        'join',
        meeting,
        personKeys.map((k) => ({ user: this.user(k) })),
        options,
      ),
    );
  }

  leave(meeting: MeetingDetails, personKeys: string[], options: { at?: Date } = {}) {
    return this.send(
      participantsEvent(
        this.ctx,
        'leave',
        meeting,
        personKeys.map((k) => ({ user: this.user(k) })),
        options,
      ),
    );
  }

  invoke(
    personKey: string,
    meeting: Pick<MeetingDetails, 'chatThreadId' | 'meetingId'>,
    name: string,
    value: unknown,
  ) {
    return this.send(
      invoke(this.ctx, this.user(personKey), this.conversation(meeting), name, value),
    );
  }

  /** What the bot has posted in a conversation (latest version of each activity). */
  posted(conversationId: string): Record<string, unknown>[] {
    return this.simulator.connector.current(conversationId);
  }
}

export function botChannel(app: TestApp): BotChannel {
  const simulator = app.composition.microsoft.simulator;
  if (!simulator) throw new Error('The bot channel needs the demo-mode simulated tenant.');
  return new BotChannel(app, simulator);
}
