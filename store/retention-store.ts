import type { DueExport, RetentionRepository } from '../core/retention/retention.js';
import type { Queryable } from './db.js';

/** FR-041, FR-109: what the retention job destroys, with `now` passed in. */
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
            AND coalesce(r.purge_due_at, coalesce(m.actual_end, m.scheduled_end) + make_interval(secs => $3 * 3600)) <= $2
          RETURNING m.id AS meeting_id)
       SELECT meeting_id, count(*)::int AS n FROM due GROUP BY meeting_id`,
      [areaId, now, hoursAfterMeeting],
    );
    return rows.map((r) => ({ meetingId: r.meeting_id, count: r.n }));
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
