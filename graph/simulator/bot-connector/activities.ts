import { randomUUID } from 'node:crypto';
import { botId, teamsUserId } from './teams-ids.js';

/**
 * Microsoft-shaped Teams activities, as the Bot Connector delivers them to a bot (captured
 * shapes from PLATFORM.md §2): `channelId: msteams`, `serviceUrl`, `from` with a `29:` id and
 * `aadObjectId`, the bot as `28:{appId}`, `channelData.tenant`, and for meetings the meeting
 * chat as a group conversation with `channelData.meeting.id`. Meeting start and end values use
 * the PascalCase keys Teams really sends (the docs' camelCase sample is available too, and the
 * `JoinUrl: null` of channel meetings). Plain JSON: used by tests and the demo meeting room.
 */
export interface ChannelContext {
  serviceUrl: string;
  appId: string;
  tenantId: string;
  botName?: string;
}

export interface TeamsUser {
  aadObjectId: string;
  name: string;
}

export interface Conversation {
  id: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  /** `channelData.meeting.id` when the conversation is a meeting chat. */
  meetingId?: string;
}

export type Activity = Record<string, unknown> & { type: string };

const account = (u: TeamsUser) => ({
  id: teamsUserId(u.aadObjectId),
  name: u.name,
  aadObjectId: u.aadObjectId,
});

export function activity(
  ctx: ChannelContext,
  input: { type: string; from: TeamsUser; conversation: Conversation; at?: Date } & Record<
    string,
    unknown
  >,
): Activity {
  const { type, from, conversation, at = new Date(), ...rest } = input;
  const group = (conversation.conversationType ?? 'groupChat') !== 'personal';
  return {
    type,
    id: `f:${randomUUID()}`,
    timestamp: at.toISOString(),
    localTimestamp: at.toISOString(),
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    from: account(from),
    conversation: {
      id: conversation.id,
      tenantId: ctx.tenantId,
      conversationType: conversation.conversationType ?? 'groupChat',
      ...(group ? { isGroup: true } : {}),
    },
    recipient: { id: botId(ctx.appId), name: ctx.botName ?? 'Virtual MARAC' },
    entities: [
      {
        type: 'clientInfo',
        locale: 'en-GB',
        country: 'GB',
        platform: 'Web',
        timezone: 'Europe/London',
      },
    ],
    channelData: {
      tenant: { id: ctx.tenantId },
      ...(conversation.meetingId ? { meeting: { id: conversation.meetingId } } : {}),
    },
    locale: 'en-GB',
    localTimezone: 'Europe/London',
    ...rest,
  };
}

export function message(
  ctx: ChannelContext,
  from: TeamsUser,
  conversation: Conversation,
  text: string,
): Activity {
  return activity(ctx, { type: 'message', from, conversation, text, textFormat: 'plain' });
}

export interface MeetingDetails {
  /** The Teams meeting id (`channelData.meeting.id`). */
  meetingId: string;
  chatThreadId: string;
  joinUrl: string | null;
  title: string;
  /** `Scheduled`, `Recurring` (a series: every occurrence has the same id and chat), or `""`. */
  meetingType?: string;
}

/**
 * `application/vnd.microsoft.meetingStart` / `meetingEnd`, PascalCase by default (what Teams
 * sends). As in Microsoft's samples `channelData.source` is null; as in a live capture
 * (teams.ts meeting-events.spec.ts) the end carries `"StartTime": null` beside its EndTime.
 * Every occurrence of a series gets the same `Id` and `channelData.meeting.id`: only the time
 * tells them apart.
 */
export function meetingEvent(
  ctx: ChannelContext,
  kind: 'start' | 'end',
  organizer: TeamsUser,
  meeting: MeetingDetails,
  options: { at?: Date; casing?: 'pascal' | 'camel' } = {},
): Activity {
  const at = options.at ?? new Date();
  const pascal = {
    MeetingType: meeting.meetingType ?? 'Scheduled',
    Title: meeting.title,
    Id: meeting.meetingId,
    JoinUrl: meeting.joinUrl,
    ...(kind === 'start'
      ? { StartTime: at.toISOString() }
      : { StartTime: null, EndTime: at.toISOString() }),
  };
  const value =
    options.casing === 'camel'
      ? Object.fromEntries(
          Object.entries(pascal).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]),
        )
      : pascal;
  const event = activity(ctx, {
    type: 'event',
    name: `application/vnd.microsoft.meeting${kind === 'start' ? 'Start' : 'End'}`,
    from: organizer,
    conversation: { id: meeting.chatThreadId, meetingId: meeting.meetingId },
    at,
    value,
  });
  return { ...event, channelData: { ...(event.channelData as object), source: null } };
}

/** A bot in the meeting (the calling bot, this bot, another app's): Teams lists it with role `bot`. */
export interface MeetingBot {
  botId: string;
  name: string;
}

/**
 * `application/vnd.microsoft.meetingParticipantJoin` / `...Leave` with their members: people with
 * their `29:` id, Entra object id and meeting role; bots (`28:` id) with role `bot`, as in the
 * Teams SDK's fixtures.
 */
export function participantsEvent(
  ctx: ChannelContext,
  kind: 'join' | 'leave',
  meeting: Pick<MeetingDetails, 'meetingId' | 'chatThreadId'>,
  members: ({ user: TeamsUser; role?: 'Organizer' | 'Presenter' | 'Attendee' } | MeetingBot)[],
  options: { at?: Date } = {},
): Activity {
  const firstUser = members.find((m): m is { user: TeamsUser } => 'user' in m)?.user;
  return activity(ctx, {
    type: 'event',
    name: `application/vnd.microsoft.meetingParticipant${kind === 'join' ? 'Join' : 'Leave'}`,
    from: firstUser ?? {
      aadObjectId: '00000000-0000-0000-0000-000000000000',
      name: 'Teams',
    },
    conversation: { id: meeting.chatThreadId, meetingId: meeting.meetingId },
    at: options.at,
    value: {
      members: members.map((m) =>
        'user' in m
          ? {
              user: { ...account(m.user), tenantId: ctx.tenantId, userRole: 'user' },
              meeting: { inMeeting: kind === 'join', role: m.role ?? 'Attendee' },
            }
          : {
              user: { id: m.botId, name: m.name },
              meeting: { inMeeting: kind === 'join', role: 'bot' },
            },
      ),
    },
  });
}

/** An invoke (e.g. `adaptiveCard/action`); the bot's answer is the HTTP response body. */
export function invoke(
  ctx: ChannelContext,
  from: TeamsUser,
  conversation: Conversation,
  name: string,
  value: unknown,
): Activity {
  return activity(ctx, { type: 'invoke', name, from, conversation, value });
}

/** The bot added to a conversation (e.g. installed into a meeting chat). */
export function botAdded(ctx: ChannelContext, by: TeamsUser, conversation: Conversation): Activity {
  return activity(ctx, {
    type: 'conversationUpdate',
    from: by,
    conversation,
    membersAdded: [{ id: botId(ctx.appId) }],
    channelData: {
      tenant: { id: ctx.tenantId },
      eventType: 'membersAdded',
      ...(conversation.meetingId ? { meeting: { id: conversation.meetingId } } : {}),
    },
  });
}
