/**
 * Teams identifiers the Bot Connector uses, derived the way Teams shapes them so tests and the
 * simulator agree: a user's `29:` MRI, a bot's `28:` id, and the meeting id carried in
 * `channelData.meeting.id` (base64 of `0#{thread id}#0`, which is what Teams sends).
 */
export function teamsUserId(aadObjectId: string): string {
  return `29:1${Buffer.from(aadObjectId.replace(/-/g, ''), 'hex').toString('base64url')}`;
}

export function aadObjectIdOf(teamsUserIdValue: string): string | null {
  const match = /^29:1([A-Za-z0-9_-]{22})$/.exec(teamsUserIdValue);
  if (!match) return null;
  const hex = Buffer.from(match[1] as string, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function botId(appId: string): string {
  return `28:${appId}`;
}

export function teamsMeetingId(threadId: string): string {
  return Buffer.from(`0#${threadId}#0`).toString('base64');
}

export function threadIdOfMeeting(meetingId: string): string | null {
  const decoded = Buffer.from(meetingId, 'base64').toString();
  return /^0#(19:.+@thread\.v2)#0$/.exec(decoded)?.[1] ?? null;
}

/**
 * The meeting's type as Teams reports it (`details.type` of Get meeting details, `MeetingType` of
 * the meeting events): a calendar series is one Teams meeting of type Recurring, whose
 * occurrences all share one meeting id and chat.
 */
export function meetingTypeOf(
  events: Record<string, { onlineMeetingId: string | null; recurrence: unknown }>,
  onlineMeetingId: string,
): 'Recurring' | 'Scheduled' {
  return Object.values(events).some((e) => e.onlineMeetingId === onlineMeetingId && e.recurrence)
    ? 'Recurring'
    : 'Scheduled';
}
