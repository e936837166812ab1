/**
 * Call records after a meeting (PLATFORM.md §4): per session and segment, whether a
 * participant's client sent main video, roughly when. Corroboration only, never the sole
 * camera evidence (DESIGN.md §7).
 */
export interface VideoStreamEvidence {
  entraObjectId: string | null;
  start: Date;
  end: Date;
  /** `main-video` sent by this participant in this segment. */
  sentMainVideo: boolean;
}

export interface CallRecords {
  videoEvidence(callRecordId: string): Promise<VideoStreamEvidence[]>;
}
