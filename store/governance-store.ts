import type { Nation } from '../core/calendar/index.js';
import type {
  GovernanceActionRow,
  GovernanceAgency,
  GovernanceCaseRow,
  GovernanceRepository,
} from '../core/reports/governance.js';
import type { CaseReturnData } from '../core/reports/case-return.js';
import type {
  PackCaseRow,
  PackMeetingRow,
  SteeringPackRepository,
} from '../core/reports/steering-pack-types.js';
import type { Queryable } from './db.js';

/** Meetings of a report period: ended, not closed sessions, starting in [$2, $3). */
const PERIOD_MEETINGS = `SELECT id FROM meeting
  WHERE area_id = $1 AND status = 'ended' AND kind <> 'closed'
    AND coalesce(actual_start, scheduled_start) >= $2 AND coalesce(actual_start, scheduled_start) < $3`;

const ACTION_COLUMNS = `a.reference, c.case_number AS "caseReference", a.owner_agency_id AS "ownerAgencyId",
  a.state, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(a.completed_on, 'YYYY-MM-DD') AS "completedOn",
  a.created_at AS "createdAt", a.escalation_level AS "escalationLevel",
  a.category, a.is_joint AS joint`;

/**
 * The rows the governance report (core/reports/governance.ts) computes its figures from, read
 * on both drivers (PGlite and PostgreSQL). Aggregation is done in core so that the rules
 * (KPI-1, KPI-3, KPI-6, FR-075) are in one pure place; these queries only select.
 */
export class PgGovernanceStore implements GovernanceRepository, SteeringPackRepository {
  constructor(private readonly db: Queryable) {}

  async area(areaId: string): Promise<{ name: string; nation: Nation; timeZone: string } | null> {
    const { rows } = await this.db.query<{ name: string; nation: Nation; timeZone: string }>(
      'SELECT name, nation, time_zone AS "timeZone" FROM area WHERE id = $1',
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

  /** The steering pack's heard cases, with the return data captured for each (case_return). */
  async packCases(areaId: string, from: Date, to: Date): Promise<PackCaseRow[]> {
    const { rows } = await this.db.query<
      Omit<PackCaseRow, 'processFlags'> & { processFlags: unknown }
    >(
      `SELECT coalesce(m.parent_meeting_id, m.id) AS "meetingId",
              coalesce(pm.actual_start, pm.scheduled_start) AS "meetingStartsAt",
              ai.is_repeat AS "isRepeat", ai.children_count AS "childrenCount",
              ai.referral_basis AS "referralBasis", to_char(ai.referred_on, 'YYYY-MM-DD') AS "referredOn",
              ai.process_flags AS "processFlags", ai.actual_start AS "actualStart", ai.actual_end AS "actualEnd",
              json_build_object(
                'referralSource', r.referral_source, 'victimMinoritised', r.victim_minoritised,
                'victimEthnicity', r.victim_ethnicity, 'victimLgbtq', r.victim_lgbtq,
                'victimDisabled', r.victim_disabled, 'victimSex', r.victim_sex,
                'victimAgeBand', r.victim_age_band, 'harmerUnder18', r.harmer_under_18,
                'childrenInHousehold', r.children_in_household) AS data
         FROM agenda_item ai
         JOIN meeting m ON m.id = ai.meeting_id
         JOIN meeting pm ON pm.id = coalesce(m.parent_meeting_id, m.id)
         LEFT JOIN case_return r ON r.agenda_item_id = ai.id
        WHERE (m.id IN (${PERIOD_MEETINGS})
               OR (m.parent_meeting_id IN (${PERIOD_MEETINGS}) AND m.status = 'ended'))
          AND ai.actual_start IS NOT NULL AND ai.actual_end IS NOT NULL
        ORDER BY 2, 1, ai.position`,
      [areaId, from, to],
    );
    return rows.map((r) => ({
      ...r,
      data: r.data as CaseReturnData,
      processFlags: Array.isArray(r.processFlags)
        ? r.processFlags
            .map((f: unknown) =>
              f && typeof f === 'object' ? (f as { process?: unknown }).process : null,
            )
            .filter((p): p is string => typeof p === 'string' && p.length > 0)
        : [],
    }));
  }

  async packMeetings(areaId: string, from: Date, to: Date): Promise<PackMeetingRow[]> {
    const { rows } = await this.db.query<PackMeetingRow>(
      `SELECT id, scheduled_start AS "scheduledStart", scheduled_end AS "scheduledEnd",
              actual_start AS "actualStart", actual_end AS "actualEnd",
              to_char(circulation_due_on, 'YYYY-MM-DD') AS "circulationDueOn", circulated_at AS "circulatedAt"
         FROM meeting WHERE id IN (${PERIOD_MEETINGS})
        ORDER BY coalesce(actual_start, scheduled_start), id`,
      [areaId, from, to],
    );
    return rows;
  }
}
