/**
 * Resource-specific consent (RSC) permissions a Teams app may request for a chat or meeting, with
 * the types Microsoft allows for each: Microsoft's list for a chat or meeting, plus the team
 * permission for channel meetings, as docs/platform.md §2 tabulates it (the test compares the
 * two). The manifest schema does not enumerate RSC names (it only caps them at 128 characters),
 * so a typo would pass the schema and fail at install time in a tenant; `npm run manifest`
 * checks names and types against this list.
 */
export type RscType = 'Application' | 'Delegated';

const APP: readonly RscType[] = ['Application'];
const DELEGATED: readonly RscType[] = ['Delegated'];

export const KNOWN_RSC_PERMISSIONS: Readonly<Record<string, readonly RscType[]>> = {
  'OnlineMeeting.ReadBasic.Chat': APP,
  'OnlineMeetingParticipant.Read.Chat': ['Application', 'Delegated'],
  'OnlineMeetingNotification.Send.Chat': APP,
  'OnlineMeetingTranscript.Read.Chat': APP,
  'OnlineMeetingRecording.Read.Chat': APP,
  'Calls.AccessMedia.Chat': APP,
  'Calls.JoinGroupCalls.Chat': APP,
  'ChatSettings.Read.Chat': APP,
  'ChatSettings.ReadWrite.Chat': APP,
  'ChatMessage.Read.Chat': APP,
  'ChatMessageReadReceipt.Read.Chat': APP,
  'ChatMember.Read.Chat': APP,
  'Chat.Manage.Chat': APP,
  'TeamsTab.Read.Chat': APP,
  'TeamsTab.Create.Chat': APP,
  'TeamsTab.Delete.Chat': APP,
  'TeamsTab.ReadWrite.Chat': APP,
  'TeamsAppInstallation.Read.Chat': APP,
  'TeamsActivity.Send.Chat': APP,
  'InAppPurchase.Allow.Chat': DELEGATED,
  'LiveShareSession.ReadWrite.Chat': DELEGATED,
  'MeetingStage.Write.Chat': DELEGATED,
  'MeetingParticipantReaction.Read.Chat': DELEGATED,
  'OnlineMeetingIncomingAudio.Detect.Chat': DELEGATED,
  'OnlineMeetingActiveSpeaker.Read.Chat': DELEGATED,
  'OnlineMeetingAudioVideo.Stream.Chat': DELEGATED,
  'OnlineMeetingParticipant.ToggleIncomingAudio.Chat': DELEGATED,
  'ChannelMeeting.ReadBasic.Group': APP,
};

/**
 * What the meeting features need (docs/platform.md §2). Cards go into the meeting chat through
 * the Bot Connector once the app is installed there, which needs no RSC permission; nothing here
 * reads chat messages, transcripts or recordings.
 */
export const REQUIRED_RSC_PERMISSIONS: readonly { name: string; type: RscType; why: string }[] = [
  {
    name: 'OnlineMeeting.ReadBasic.Chat',
    type: 'Application',
    why: 'meeting start and end events, and meeting details, for the MARAC meeting the app is installed in',
  },
  {
    name: 'OnlineMeetingParticipant.Read.Chat',
    type: 'Application',
    why: 'participant join and leave events (live attendance, reconciled with the attendance report afterwards)',
  },
  {
    name: 'OnlineMeetingNotification.Send.Chat',
    type: 'Application',
    why: 'targeted in-meeting notifications to named participants (e.g. "your agency\'s case is next")',
  },
];

export function rscProblems(
  entries: readonly { name?: unknown; type?: unknown }[] | undefined,
): string[] {
  const problems: string[] = [];
  for (const [i, entry] of (entries ?? []).entries()) {
    const name = String(entry.name);
    const known = KNOWN_RSC_PERMISSIONS[name];
    if (!known) {
      const near = Object.keys(KNOWN_RSC_PERMISSIONS).find(
        (k) => k.toLowerCase() === name.toLowerCase(),
      );
      problems.push(
        `/authorization/permissions/resourceSpecific/${i} "${name}" is not an RSC permission listed in docs/platform.md §2${near ? ` (did you mean ${near}?)` : ''}.`,
      );
    } else if (!known.includes(entry.type as RscType))
      problems.push(
        `/authorization/permissions/resourceSpecific/${i} "${name}" is ${known.map((t) => `${t === 'Application' ? 'an' : 'a'} ${t}`).join(' or ')} permission, not ${String(entry.type)}.`,
      );
  }
  return problems;
}
