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
