import type { DueExport, RetentionRepository } from '../core/retention/retention.js';
import type { Queryable } from './db.js';

/** FR-041, FR-109, IS-09: what the retention job destroys, with `now` passed in. */
export class PgRetentionStore implements RetentionRepository {
  constructor(private readonly db: Queryable) {}

  async purgeResearch(
    areaId: string,
    hoursAfterMeeting: number,
    now: Date,
  ): Promise<{ meetingId: string; count: number }[]> {
    const { rows } = await this.db.query<{ meeting_id: string; n: number }>(
      `WITH due AS (
         UPDATE research_submission r SET content = NULL, sharing_rationale = NULL, purged_at = $2
           FROM agenda_item ai, meeting m
          WHERE ai.id = r.agenda_item_id AND m.id = ai.meeting_id AND m.area_id = $1 AND r.purged_at IS NULL
            AND m.status <> 'in-progress'
            AND coalesce(r.purge_due_at, coalesce(m.actual_end, m.scheduled_end) + make_interval(secs => $3 * 3600)) <= $2
          RETURNING m.id AS meeting_id)
       SELECT meeting_id, count(*)::int AS n FROM due GROUP BY meeting_id`,
      [areaId, now, hoursAfterMeeting],
    );
    return rows.map((r) => ({ meetingId: r.meeting_id, count: r.n }));
  }

  async purgeCasePersonalData(
    areaId: string,
    reviewMonths: number,
    now: Date,
  ): Promise<{ caseId: string; caseNumber: string; subjects: number; agendaItems: number }[]> {
    // One statement, so the subjects, the slots' text and the purge mark change together.
    const { rows } = await this.db.query<{
      caseId: string;
      caseNumber: string;
      subjects: number;
      agendaItems: number;
    }>(
      `WITH heard AS (
         SELECT ai.case_id, max(coalesce(m.actual_end, m.scheduled_end)) AS last_end,
                bool_or(m.status = 'in-progress') AS running
           FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
          WHERE m.area_id = $1 AND m.status <> 'cancelled'
          GROUP BY ai.case_id),
       due AS (
         SELECT c.id FROM marac_case c JOIN heard h ON h.case_id = c.id
          WHERE c.area_id = $1 AND c.personal_data_purged_at IS NULL AND NOT h.running
            AND h.last_end + make_interval(months => $2::int) <= $3
            AND NOT EXISTS (SELECT 1 FROM action a
                             WHERE a.case_id = c.id AND a.state IN ('volunteered', 'open'))),
       subjects AS (
         DELETE FROM case_subject s USING due WHERE s.case_id = due.id RETURNING s.case_id),
       items AS (
         UPDATE agenda_item ai SET summary = NULL, victim_views = NULL, outcome_reason = NULL
           FROM due WHERE ai.case_id = due.id RETURNING ai.case_id),
       marked AS (
         UPDATE marac_case c SET personal_data_purged_at = $3
           FROM due WHERE c.id = due.id RETURNING c.id, c.case_number)
       SELECT k.id AS "caseId", k.case_number AS "caseNumber",
              (SELECT count(*) FROM subjects s WHERE s.case_id = k.id)::int AS subjects,
              (SELECT count(*) FROM items i WHERE i.case_id = k.id)::int AS "agendaItems"
         FROM marked k ORDER BY k.case_number`,
      [areaId, reviewMonths, now],
    );
    return rows;
  }

  async dueExports(areaId: string, now: Date): Promise<DueExport[]> {
    const { rows } = await this.db.query<DueExport>(
      `SELECT e.id, e.meeting_id AS "meetingId", e.drive_id AS "driveId", e.drive_item_id AS "driveItemId",
              e.link_permission_id AS "linkPermissionId"
         FROM case_list_export e JOIN meeting m ON m.id = e.meeting_id
        WHERE m.area_id = $1 AND e.purged_at IS NULL AND e.purge_due_at <= $2
        ORDER BY e.purge_due_at`,
      [areaId, now],
    );
    return rows;
  }

  async markExportPurged(exportId: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE case_list_export SET purged_at = $2, link_web_url = NULL WHERE id = $1`,
      [exportId, now],
    );
  }
}
