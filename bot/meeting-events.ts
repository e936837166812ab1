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
 * value or the conversation id); join/leave times are the activity timestamp.
 */
export function registerMeetingEvents(bot: MaracBot, deps: LiveAttendanceDeps): MaracBot {
  bot.addHandler('TeamsMeetingStart', async (context, next) => {
    const event = meetingEventOf(context, 'start');
    await meetingStarted(deps, {
      ...event,
      conversationReference: Turn.getConversationReference(context.activity),
    });
    await next();
  });
  bot.addHandler('TeamsMeetingEnd', async (context, next) => {
    await meetingEnded(deps, meetingEventOf(context, 'end'));
    await next();
  });
  for (const [type, kind] of [
    ['TeamsMeetingParticipantsJoin', 'join'],
    ['TeamsMeetingParticipantsLeave', 'leave'],
  ] as const)
    bot.addHandler(type, async (context, next) => {
      const members = participantsOf(context);
      await participantsChanged(deps, { ...baseEvent(context), kind, members });
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

function baseEvent(context: TurnContext) {
  const a = context.activity;
  const channelData = meetingChannelData.safeParse(a.channelData);
  if (!channelData.success)
    throw invalid('A meeting event needs channelData.meeting.id.', channelData.error.issues);
  const at = a.timestamp instanceof Date ? a.timestamp : new Date(String(a.timestamp ?? ''));
  if (Number.isNaN(at.getTime())) throw invalid('A meeting event needs a valid timestamp.');
  return {
    activityId: a.id ?? null,
    teamsMeetingId: channelData.data.meeting.id,
    chatThreadId: a.conversation?.id ?? null,
    at,
  };
}

/** Reads `value.{StartTime|startTime}` / `{EndTime|endTime}` whatever the casing; JoinUrl may be null. */
const meetingTimes = z.object({
  starttime: z.iso.datetime({ offset: true, local: true }).optional(),
  endtime: z.iso.datetime({ offset: true, local: true }).optional(),
  joinurl: z.string().nullish(),
});

function lowerKeys(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

function meetingEventOf(context: TurnContext, kind: 'start' | 'end') {
  const base = baseEvent(context);
  const keys = lowerKeys(context.activity.value);
  if (!keys) throw invalid(`The meeting ${kind} event's value is not an object.`);
  const value = meetingTimes.safeParse(keys);
  if (!value.success)
    throw invalid(`The meeting ${kind} event's value is not valid.`, value.error.issues);
  const time = kind === 'start' ? value.data.starttime : value.data.endtime;
  // Teams sends UTC with a Z and 7 fractional digits; a time without an offset is read as UTC.
  const utc = time && !/(Z|[+-]\d{2}:?\d{2})$/i.test(time) ? `${time}Z` : time;
  return { ...base, at: utc ? new Date(utc) : base.at };
}

const member = z
  .object({
    user: z
      .object({
        id: z.string().optional(),
        aadObjectId: z.string().min(1).max(100).nullish(),
        name: z.string().max(300).nullish(),
        tenantId: z.string().max(100).nullish(),
      })
      .loose(),
    meeting: z
      .object({ role: z.string().max(50).nullish() })
      .loose()
      .nullish(),
  })
  .loose();
const participants = z.object({ members: z.array(member).max(1000) }).loose();

function participantsOf(context: TurnContext) {
  const parsed = participants.safeParse(context.activity.value);
  if (!parsed.success)
    throw invalid('A participant event needs value.members[].user.', parsed.error.issues);
  const tenantId =
    (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? null;
  return parsed.data.members.map((m) => ({
    identity: {
      entraObjectId: m.user.aadObjectId ?? null,
      tenantId: m.user.tenantId ?? tenantId,
      displayName: m.user.name ?? null,
    },
    role: m.meeting?.role ?? null,
  }));
}
