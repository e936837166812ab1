/**
 * The append-only audit log (FR-104, IS-19): every view, export, change, share and purge.
 * `detail` carries ids and counts only, never names or case text.
 */
export interface AuditEntry {
  at: Date;
  areaId: string | null;
  actor: { kind: 'person'; personId: string } | { kind: 'system' | 'job' };
  /** Verb in dotted form: `case-list.view`, `action.close`, `minutes.export`, `research.purge`. */
  action: string;
  recordType: string;
  recordId: string | null;
  meetingId?: string | null;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

/** An entry as stored, read back newest first (the coordinator's audit viewer). */
export interface AuditRow {
  id: number;
  at: Date;
  areaId: string | null;
  actorPersonId: string | null;
  actorKind: string;
  action: string;
  recordType: string;
  recordId: string | null;
  meetingId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditLogReader {
  list(filter: {
    areaId: string;
    recordType?: string;
    recordId?: string;
    limit?: number;
    beforeId?: number;
  }): Promise<AuditRow[]>;
}
