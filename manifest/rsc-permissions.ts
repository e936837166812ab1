/**
 * Resource-specific consent (RSC) permissions a Teams app may request for a chat or meeting,
 * as listed in PLATFORM.md §2 (from the msteams-docs RSC page). The manifest schema does not
 * enumerate RSC names (it only caps them at 128 characters), so a typo would pass the schema and
 * fail at install time in a tenant; `npm run manifest` checks names and types against this list.
 * PLATFORM.md writes the tab permissions as `TeamsTab.*.Chat`; the four expansions below are the
 * usual Read/Create/ReadWrite/Delete set.
 */
export type RscType = 'Application' | 'Delegated';

export const KNOWN_RSC_PERMISSIONS: Readonly<Record<string, RscType>> = {
  'OnlineMeeting.ReadBasic.Chat': 'Application',
  'ChannelMeeting.ReadBasic.Group': 'Application',
  'OnlineMeetingParticipant.Read.Chat': 'Application',
  'OnlineMeetingNotification.Send.Chat': 'Application',
  'OnlineMeetingTranscript.Read.Chat': 'Application',
  'OnlineMeetingRecording.Read.Chat': 'Application',
  'OnlineMeetingIncomingAudio.Detect.Chat': 'Delegated',
  'OnlineMeetingActiveSpeaker.Read.Chat': 'Delegated',
  'OnlineMeetingAudioVideo.Stream.Chat': 'Delegated',
  'OnlineMeetingParticipant.ToggleIncomingAudio.Chat': 'Delegated',
  'ChatMessage.Read.Chat': 'Application',
  'ChatMember.Read.Chat': 'Application',
  'TeamsTab.Read.Chat': 'Application',
  'TeamsTab.Create.Chat': 'Application',
  'TeamsTab.ReadWrite.Chat': 'Application',
  'TeamsTab.Delete.Chat': 'Application',
  'TeamsActivity.Send.Chat': 'Application',
};

/**
 * What the meeting features need (PLATFORM.md §2). Cards go into the meeting chat through the Bot
 * Connector once the app is installed there, which needs no RSC permission; nothing here reads
 * chat messages, transcripts or recordings.
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
        `/authorization/permissions/resourceSpecific/${i} "${name}" is not an RSC permission listed in PLATFORM.md §2${near ? ` (did you mean ${near}?)` : ''}.`,
      );
    } else if (entry.type !== known)
      problems.push(
        `/authorization/permissions/resourceSpecific/${i} "${name}" is a ${known} permission, not ${String(entry.type)}.`,
      );
  }
  return problems;
}
