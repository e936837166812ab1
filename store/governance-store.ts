import type { Nation } from '../core/calendar/index.js';
import type {
  GovernanceActionRow,
  GovernanceAgency,
  GovernanceCaseRow,
  GovernanceRepository,
} from '../core/reports/governance.js';
import type { Queryable } from './db.js';

/** Meetings of a report period: ended, not closed sessions, starting in [$2, $3). */
const PERIOD_MEETINGS = `SELECT id FROM meeting
  WHERE area_id = $1 AND status = 'ended' AND kind <> 'closed'
    AND coalesce(actual_start, scheduled_start) >= $2 AND coalesce(actual_start, scheduled_start) < $3`;

const ACTION_COLUMNS = `a.reference, c.case_number AS "caseReference", a.owner_agency_id AS "ownerAgencyId",
  a.state, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(a.completed_on, 'YYYY-MM-DD') AS "completedOn",
  a.created_at AS "createdAt", a.escalation_level AS "escalationLevel"`;

/**
 * The rows the governance report (core/reports/governance.ts) computes its figures from, read
 * on both drivers (PGlite and PostgreSQL). Aggregation is done in core so that the rules
 * (KPI-1, KPI-3, KPI-6, FR-075) are in one pure place; these queries only select.
 */
export class PgGovernanceStore implements GovernanceRepository {
  constructor(private readonly db: Queryable) {}

  async area(areaId: string): Promise<{ nation: Nation; timeZone: string } | null> {
    const { rows } = await this.db.query<{ nation: Nation; timeZone: string }>(
      'SELECT nation, time_zone AS "timeZone" FROM area WHERE id = $1',
      [areaId],
    );
    return rows[0] ?? null;
  }

  async agencies(areaId: string): Promise<GovernanceAgency[]> {
    const { rows } = await this.db.query<GovernanceAgency>(
      `SELECT id AS "agencyId", name, sector, is_core AS core FROM agency
        WHERE area_id = $1 ORDER BY is_core DESC, name`,
      [areaId],
    );
    return rows;
  }

  async meetings(areaId: string, from: Date, to: Date): Promise<{ id: string; startsAt: Date }[]> {
    const { rows } = await this.db.query<{ id: string; startsAt: Date }>(
      `SELECT id, coalesce(actual_start, scheduled_start) AS "startsAt" FROM meeting
        WHERE id IN (${PERIOD_MEETINGS}) ORDER BY 2, id`,
      [areaId, from, to],
    );
    return rows;
  }

  /** A closed session counts once it has been held (ended); until then its cases are pending. */
  async cases(areaId: string, from: Date, to: Date): Promise<GovernanceCaseRow[]> {
    const { rows } = await this.db.query<GovernanceCaseRow>(
      `SELECT coalesce(m.parent_meeting_id, m.id) AS "meetingId",
              (ai.actual_start IS NOT NULL AND ai.actual_end IS NOT NULL) AS heard, ai.is_repeat AS "isRepeat",
              ai.children_count AS "childrenCount", ai.referring_agency_id AS "referringAgencyId"
         FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
        WHERE m.id IN (${PERIOD_MEETINGS})
           OR (m.parent_meeting_id IN (${PERIOD_MEETINGS}) AND m.status = 'ended')
        ORDER BY 1, ai.position`,
      [areaId, from, to],
    );
    return rows;
  }

  async actions(areaId: string, from: Date, to: Date): Promise<GovernanceActionRow[]> {
    const { rows } = await this.db.query<GovernanceActionRow>(
      `SELECT ${ACTION_COLUMNS}
         FROM action a
         JOIN marac_case c ON c.id = a.case_id
         LEFT JOIN meeting m ON m.id = a.meeting_id
        WHERE a.area_id = $1 AND a.state IN ('open', 'done', 'not-achievable')
          AND coalesce(m.actual_start, m.scheduled_start, a.created_at) >= $2
          AND coalesce(m.actual_start, m.scheduled_start, a.created_at) < $3
        ORDER BY a.reference`,
      [areaId, from, to],
    );
    return rows;
  }

  async openEscalated(areaId: string, minLevel: number): Promise<GovernanceActionRow[]> {
    const { rows } = await this.db.query<GovernanceActionRow>(
      `SELECT ${ACTION_COLUMNS}
         FROM action a JOIN marac_case c ON c.id = a.case_id
        WHERE a.area_id = $1 AND a.state = 'open' AND a.escalation_level >= $2
        ORDER BY a.due_on, a.reference`,
      [areaId, minLevel],
    );
    return rows;
  }
}
