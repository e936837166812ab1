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
  join(input: {
    joinUrl: string;
    chatThreadId: string;
    tenantId: string;
  }): Promise<{ callId: string }>;
  hangUp(callId: string): Promise<void>;
}
