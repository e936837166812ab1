import { type TurnContext, TurnContext as Turn } from 'botbuilder';
import { z } from 'zod';
import {
  type LiveAttendanceDeps,
  meetingEnded,
  meetingStarted,
  participantsChanged,
} from '../core/attendance/live-attendance.js';
import { DomainError } from '../core/errors.js';
import type { MaracBot } from './marac-bot.js';

/**
 * The bot's meeting events (PLATFORM.md §2), read from the raw activity rather than through
 * botbuilder's `onTeamsMeetingStartEvent`, whose schema accepts only PascalCase keys and a
 * string JoinUrl: Teams sends PascalCase, the current docs show camelCase, and channel meetings
 * send `JoinUrl: null`. The meeting id comes from `channelData.meeting.id` (never from the
 * value or the conversation id); join/leave times are the activity timestamp. Which of our
 * meetings that is, for a series whose occurrences share the id, is the time's to say
 * (core/attendance/occurrence.ts). Bots among the participants are not attendees.
 */
export function registerMeetingEvents(bot: MaracBot, deps: LiveAttendanceDeps): MaracBot {
  const now = () => deps.clock.now();
  bot.addHandler('TeamsMeetingStart', async (context, next) => {
    const event = meetingEventOf(context, 'start', now);
    await meetingStarted(deps, {
      ...event,
      conversationReference: Turn.getConversationReference(context.activity),
    });
    await next();
  });
  bot.addHandler('TeamsMeetingEnd', async (context, next) => {
    await meetingEnded(deps, meetingEventOf(context, 'end', now));
    await next();
  });
  for (const [type, kind] of [
    ['TeamsMeetingParticipantsJoin', 'join'],
    ['TeamsMeetingParticipantsLeave', 'leave'],
  ] as const)
    bot.addHandler(type, async (context, next) => {
      const members = participantsOf(context);
      await participantsChanged(deps, { ...baseEvent(context, now), kind, members });
      await next();
    });
  return bot;
}

const meetingChannelData = z
  .object({ meeting: z.object({ id: z.string().min(1).max(1000) }).loose() })
  .loose();

function invalid(message: string, issues?: z.core.$ZodIssue[]): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    message,
    issues?.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/**
 * What every meeting event needs: the meeting id. Everything else Teams may send as null or
 * leave out (a live channel meetingEnd has `"StartTime": null`, SDK fixtures have no timestamp):
 * the time falls back to the activity timestamp, then to the time it arrived.
 */
function baseEvent(context: TurnContext, now: () => Date) {
  const a = context.activity;
  const channelData = meetingChannelData.safeParse(a.channelData);
  if (!channelData.success)
    throw invalid('A meeting event needs channelData.meeting.id.', channelData.error.issues);
  const stamped =
    a.timestamp instanceof Date ? a.timestamp : a.timestamp ? new Date(String(a.timestamp)) : null;
  const at = stamped && !Number.isNaN(stamped.getTime()) ? stamped : now();
  return {
    activityId: a.id ?? null,
    teamsMeetingId: channelData.data.meeting.id,
    chatThreadId: a.conversation?.id ?? null,
    at,
  };
}

/** `value.{StartTime|startTime}` / `{EndTime|endTime}` whatever the casing, null or absent. */
const eventTime = z.iso.datetime({ offset: true, local: true }).nullish();

function lowerKeys(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

function meetingEventOf(context: TurnContext, kind: 'start' | 'end', now: () => Date) {
  const base = baseEvent(context, now);
  const keys = lowerKeys(context.activity.value);
  if (!keys) throw invalid(`The meeting ${kind} event's value is not an object.`);
  // Only the member this event needs is read: an end's StartTime (null in live channel
  // meetings), the title, type and join URL may be anything.
  const name = kind === 'start' ? 'starttime' : 'endtime';
  const value = eventTime.safeParse(keys[name]);
  if (!value.success)
    throw invalid(
      `The meeting ${kind} event's ${kind === 'start' ? 'StartTime' : 'EndTime'} is not a date.`,
      value.error.issues,
    );
  const time = value.data;
  // Teams sends UTC with a Z and 7 fractional digits; a time without an offset is read as UTC.
  const utc = time && !/(Z|[+-]\d{2}:?\d{2})$/i.test(time) ? `${time}Z` : time;
  return { ...base, at: utc ? new Date(utc) : base.at };
}

const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ? v.slice(0, max) : null));
const member = z
  .object({
    user: z
      .object({
        id: z.string().nullish(),
        aadObjectId: text(100),
        name: text(300),
        tenantId: text(100),
        userRole: z.string().nullish(),
      })
      .loose()
      .nullish(),
    meeting: z.object({ role: z.string().nullish() }).loose().nullish(),
  })
  .loose();
const participants = z.object({ members: z.array(member).max(1000) }).loose();

type Member = z.output<typeof member> & { user: NonNullable<z.output<typeof member>['user']> };

/**
 * Participant events list bots too (role `bot`: the calling bot, this bot, another app's): they
 * are not attendees. This bot is the activity's recipient; any bot has a `28:` id.
 */
function isBot(m: Member, recipientId: string | undefined): boolean {
  const id = m.user.id ?? '';
  return (
    m.meeting?.role?.toLowerCase() === 'bot' ||
    m.user.userRole?.toLowerCase() === 'bot' ||
    id.startsWith('28:') ||
    (recipientId !== undefined && id === recipientId)
  );
}

function participantsOf(context: TurnContext) {
  const parsed = participants.safeParse(context.activity.value);
  if (!parsed.success)
    throw invalid('A participant event needs a list of members.', parsed.error.issues);
  const tenantId =
    (context.activity.channelData as { tenant?: { id?: string | null } | null } | undefined)?.tenant
      ?.id ?? null;
  const recipientId = context.activity.recipient?.id ?? undefined;
  // A member without a user names no one: there is nothing to record for it.
  return parsed.data.members
    .filter((m): m is Member => Boolean(m.user))
    .filter((m) => !isBot(m, recipientId))
    .map((m) => ({
      identity: {
        entraObjectId: m.user.aadObjectId,
        tenantId: m.user.tenantId ?? tenantId,
        displayName: m.user.name,
      },
      role: m.meeting?.role ?? null,
    }));
}
