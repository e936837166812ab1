import { codeInWords, enGbDateTime, type ExportTable } from './export-table.js';

/** One audit log entry as the export reads it (ids, counts and references only, FR-104). */
export interface AuditEntryRow {
  id: number;
  at: Date;
  actorPersonId: string | null;
  actorKind: string;
  action: string;
  recordType: string;
  recordId: string | null;
  meetingId: string | null;
  detail: Record<string, unknown>;
}

const ACTOR_WORDS: Record<string, string> = {
  system: 'The service',
  job: 'A scheduled job',
};

/** "entries: 3; format: csv": the detail's ids and counts, keys in words. */
function detailInWords(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      const name = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      const text = Array.isArray(value)
        ? value.join(', ')
        : value === null
          ? 'none'
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
      return `${name}: ${text}`;
    })
    .join('; ');
}

/** The audit log (FR-104) as a table, oldest first, actors named from the directory. */
export function auditTable(input: {
  entries: AuditEntryRow[];
  names: ReadonlyMap<string, string>;
  timeZone: string;
  about: string[];
}): ExportTable {
  return {
    title: 'Audit log',
    headings: ['Entry', 'When', 'Who', 'What', 'Record type', 'Record', 'Meeting', 'Details'],
    rows: input.entries.map((e) => [
      e.id,
      enGbDateTime(e.at, input.timeZone),
      e.actorKind === 'person'
        ? (input.names.get(e.actorPersonId ?? '') ?? 'A person no longer in the directory')
        : (ACTOR_WORDS[e.actorKind] ?? codeInWords(e.actorKind)),
      codeInWords(e.action),
      codeInWords(e.recordType.replace(/_/g, '-')),
      e.recordId ?? '',
      e.meetingId ?? '',
      detailInWords(e.detail),
    ]),
    about: input.about,
  };
}
