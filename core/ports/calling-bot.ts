/**
 * A Graph calling bot that joins a meeting with service-hosted media so roster notifications
 * tell us each participant's `main-video` direction (DESIGN.md §7, PLATFORM.md §4). Visible in
 * the roster; switched on per area because it monitors staff.
 */
export interface ParticipantMediaState {
  entraObjectId: string | null;
  displayName: string | null;
  inMeeting: boolean;
  /** `sendReceive` / `sendOnly` on main-video is read as camera on (an inference, see §4). */
  cameraOn: boolean;
}

export interface CallingBot {
  /**
   * Joins the meeting. `callChainId` (when Graph returns it) is the id of the meeting's call
   * record once the meeting has ended (Graph callRecords docs), for CallRecords.videoEvidence.
   */
  join(input: {
    joinUrl: string;
    chatThreadId: string;
    tenantId: string;
  }): Promise<{ callId: string; callChainId: string | null }>;
  /** Leaving a call that has already ended is not an error. */
  hangUp(callId: string): Promise<void>;
}
