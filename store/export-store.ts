import type { SummaryRow } from '../core/attendance/attendance-repository.js';
import type { AuditEntryRow } from '../core/exports/audit-table.js';
import type { ExportReads } from '../core/exports/export-service.js';
import type { Queryable } from './db.js';

/** The reads behind the spreadsheet exports (core/exports/export-service.ts). */
export class PgExportStore implements ExportReads {
  constructor(private readonly db: Queryable) {}

  async attendanceSummary(meetingId: string): Promise<SummaryRow[]> {
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT s.agenda_item_id AS "agendaItemId", s.agency_id AS "agencyId", s.person_id AS "personId",
              s.attended_as AS "attendedAs", s.present_seconds AS "presentSeconds",
              s.camera_on_seconds AS "cameraOnSeconds", coalesce(s.camera_source, 'none') AS "cameraSource",
              s.late_join AS "lateJoin", s.early_leave AS "earlyLeave"
         FROM attendance_summary s
         LEFT JOIN agenda_item ai ON ai.id = s.agenda_item_id
        WHERE s.meeting_id = $1
        ORDER BY ai.position NULLS FIRST, s.person_id`,
      [meetingId],
    );
    return rows;
  }

  async auditEntries(
    areaId: string,
    q: { from?: Date; to?: Date; limit: number },
  ): Promise<AuditEntryRow[]> {
    const { rows } = await this.db.query<AuditEntryRow>(
      `SELECT id, at, actor_person_id AS "actorPersonId", actor_kind AS "actorKind", action,
              record_type AS "recordType", record_id AS "recordId", meeting_id AS "meetingId", detail
         FROM audit_log
        WHERE area_id = $1
          AND ($2::timestamptz IS NULL OR at >= $2)
          AND ($3::timestamptz IS NULL OR at < $3)
        ORDER BY id
        LIMIT $4`,
      [areaId, q.from ?? null, q.to ?? null, q.limit],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }
}
