import type { AuditEntry, AuditLog, AuditLogReader, AuditRow } from '../core/ports/audit-log.js';

export type { AuditRow };
import type { Queryable } from './db.js';

/**
 * The append-only audit log (FR-104). The store offers no update or delete, and the database
 * refuses both with a trigger (migration 0001), so neither a bug nor a careless query can
 * rewrite history.
 */
export class PgAuditLog implements AuditLog, AuditLogReader {
  constructor(private readonly db: Queryable) {}

  list(filter: Parameters<AuditLogReader['list']>[0]): Promise<AuditRow[]> {
    return listAuditEntries(this.db, filter);
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (at, area_id, actor_person_id, actor_kind, action, record_type, record_id, meeting_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.at,
        entry.areaId,
        entry.actor.kind === 'person' ? entry.actor.personId : null,
        entry.actor.kind,
        entry.action,
        entry.recordType,
        entry.recordId,
        entry.meetingId ?? null,
        entry.detail ?? {},
      ],
    );
  }
}

/** Reads the log newest first (the coordinator's audit viewer, governance audit reports). */
export async function listAuditEntries(
  db: Queryable,
  filter: {
    areaId: string;
    recordType?: string;
    recordId?: string;
    limit?: number;
    beforeId?: number;
  },
): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, area_id AS "areaId", actor_person_id AS "actorPersonId", actor_kind AS "actorKind",
            action, record_type AS "recordType", record_id AS "recordId", meeting_id AS "meetingId", detail
       FROM audit_log
      WHERE area_id = $1
        AND ($2::text IS NULL OR record_type = $2)
        AND ($3::text IS NULL OR record_id = $3)
        AND ($4::bigint IS NULL OR id < $4)
      ORDER BY id DESC
      LIMIT $5`,
    [
      filter.areaId,
      filter.recordType ?? null,
      filter.recordId ?? null,
      filter.beforeId ?? null,
      filter.limit ?? 100,
    ],
  );
  return rows;
}
