/** Kinds of record a tab API path can name by id; each belongs to exactly one area. */
export type ScopedRecord =
  | 'meeting'
  | 'action'
  | 'agency'
  | 'person'
  | 'agenda-item'
  | 'move'
  | 'outbox-mail'
  | 'chase-reply';

/** What the access gate asks before any use case runs: the area of a record, a meeting's leads. */
export interface AreaScope {
  /** null when no such record exists (the gate answers 404 either way). */
  areaOf(kind: ScopedRecord, id: string): Promise<string | null>;
  /** The meeting's chair, deputy chair and delegate chair (who run it without the role). */
  meetingLeads(meetingId: string): Promise<string[]>;
}
