import { randomBytes } from 'node:crypto';
import type { SimContext } from './sim-context.js';
import type { SimOnlineMeeting } from './tenant-state.js';

/**
 * Teams online meetings as the calendar creates them: a meeting chat thread
 * (`19:meeting_...@thread.v2`), a join URL that carries the thread id, tenant id and organiser
 * object id, and an id that is base64 of `1*{organizer}*0**{thread}` as Graph's are. Options
 * start at Teams' defaults (everyone presents, recording allowed), which the product tightens.
 */
export const DEFAULT_OPTIONS: Record<string, unknown> = {
  allowedPresenters: 'everyone',
  lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
  allowMeetingChat: 'enabled',
  allowRecording: true,
  allowTranscription: true,
  recordAutomatically: false,
  isEntryExitAnnounced: false,
  allowAttendeeToEnableCamera: true,
  allowAttendeeToEnableMic: true,
  allowTeamworkReactions: true,
  participants: { attendees: [] },
};

export function createOnlineMeeting(
  ctx: SimContext,
  input: { organizerId: string; subject: string; start: Date; end: Date },
): SimOnlineMeeting {
  const threadId = `19:meeting_${randomBytes(36).toString('base64url').replace(/[-_]/g, 'x')}@thread.v2`;
  const context = JSON.stringify({ Tid: ctx.tenantId, Oid: input.organizerId });
  const meeting: SimOnlineMeeting = {
    id: Buffer.from(`1*${input.organizerId}*0**${threadId}`).toString('base64'),
    organizerId: input.organizerId,
    threadId,
    joinWebUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(threadId)}/0?context=${encodeURIComponent(context)}`,
    subject: input.subject,
    startDateTime: input.start.toISOString(),
    endDateTime: input.end.toISOString(),
    options: structuredClone(DEFAULT_OPTIONS),
  };
  ctx.store.state.onlineMeetings[meeting.id] = meeting;
  ctx.store.state.chats[threadId] = {
    id: threadId,
    onlineMeetingId: meeting.id,
    installedApps: [],
  };
  ctx.store.changed();
  return meeting;
}

export function toGraphOnlineMeeting(m: SimOnlineMeeting) {
  return {
    id: m.id,
    subject: m.subject,
    startDateTime: m.startDateTime,
    endDateTime: m.endDateTime,
    joinWebUrl: m.joinWebUrl,
    joinUrl: m.joinWebUrl,
    chatInfo: { threadId: m.threadId, messageId: '0', replyChainMessageId: null },
    ...m.options,
    participants: {
      organizer: { identity: { user: { id: m.organizerId } }, role: 'presenter' },
      ...((m.options.participants as object | undefined) ?? {}),
    },
  };
}
