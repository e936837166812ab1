import type { CaseReturnData } from '../core/reports/case-return.js';
import type { CaseReturnRepository, CaseReturnRow } from '../core/reports/case-return-service.js';
import type { ReturnMeeting, SafeLivesReturnRepository } from '../core/reports/safelives-return.js';
import type { Queryable } from './db.js';

/** A case_return row (or none: all null) as CaseReturnData. */
const DATA_JSON = `json_build_object(
  'referralSource', r.referral_source, 'victimMinoritised', r.victim_minoritised,
  'victimEthnicity', r.victim_ethnicity, 'victimLgbtq', r.victim_lgbtq,
  'victimDisabled', r.victim_disabled, 'victimSex', r.victim_sex,
  'victimAgeBand', r.victim_age_band, 'harmerUnder18', r.harmer_under_18,
  'childrenInHousehold', r.children_in_household)`;

/**
 * Per-case return data (store/migrations/1500_case_return.sql) beside the agenda item it
 * describes; a case with no row has nothing collected yet.
 */
export class PgCaseReturnStore implements CaseReturnRepository, SafeLivesReturnRepository {
  constructor(private readonly db: Queryable) {}

  async area(areaId: string): Promise<{ name: string; timeZone: string } | null> {
    const { rows } = await this.db.query<{ name: string; timeZone: string }>(
      'SELECT name, time_zone AS "timeZone" FROM area WHERE id = $1',
      [areaId],
    );
    return rows[0] ?? null;
  }

  async meeting(meetingId: string): Promise<{ id: string; areaId: string; ended: boolean } | null> {
    const { rows } = await this.db.query<{ id: string; areaId: string; ended: boolean }>(
      `SELECT id, area_id AS "areaId", status = 'ended' AS ended FROM meeting WHERE id = $1`,
      [meetingId],
    );
    return rows[0] ?? null;
  }

  /**
   * The return's meetings: ended, not closed sessions (their cases count with the meeting),
   * by actual (else scheduled) start; only the heard cases (started and closed) are read.
   */
  async returnMeetings(
    areaId: string,
    which: { from: Date; to: Date } | { meetingId: string },
  ): Promise<ReturnMeeting[]> {
    const byId = 'meetingId' in which;
    const { rows: meetings } = await this.db.query<{ id: string; startsAt: Date }>(
      `SELECT id, coalesce(actual_start, scheduled_start) AS "startsAt" FROM meeting
        WHERE area_id = $1 AND status = 'ended' AND kind <> 'closed'
          AND ${byId ? 'id = $2' : 'coalesce(actual_start, scheduled_start) >= $2 AND coalesce(actual_start, scheduled_start) < $3'}
        ORDER BY 2, id`,
      byId ? [areaId, which.meetingId] : [areaId, which.from, which.to],
    );
    const ids = meetings.map((m) => m.id);
    const { rows: cases } = await this.db.query<{
      meetingId: string;
      caseReference: string;
      repeat: boolean;
      data: CaseReturnData;
    }>(
      `SELECT coalesce(m.parent_meeting_id, m.id) AS "meetingId", c.case_number AS "caseReference",
              ai.is_repeat AS repeat, ${DATA_JSON} AS data
         FROM agenda_item ai
         JOIN meeting m ON m.id = ai.meeting_id
         JOIN marac_case c ON c.id = ai.case_id
         LEFT JOIN case_return r ON r.agenda_item_id = ai.id
        WHERE coalesce(m.parent_meeting_id, m.id) = ANY($1::uuid[])
          AND ai.actual_start IS NOT NULL AND ai.actual_end IS NOT NULL
        ORDER BY 1, m.parent_meeting_id NULLS FIRST, ai.position`,
      [ids],
    );
    return meetings.map((m) => ({
      ...m,
      cases: cases.filter((c) => c.meetingId === m.id).map(({ meetingId: _m, ...c }) => c),
    }));
  }

  async forMeetings(meetingIds: string[]): Promise<(CaseReturnRow & { meetingId: string })[]> {
    const { rows } = await this.db.query<{
      meetingId: string;
      agendaItemId: string;
      caseReference: string;
      position: number;
      heard: boolean;
      repeat: boolean;
      data: CaseReturnData;
    }>(
      `SELECT ai.meeting_id AS "meetingId", ai.id AS "agendaItemId", c.case_number AS "caseReference",
              ai.position, (ai.actual_start IS NOT NULL AND ai.actual_end IS NOT NULL) AS heard,
              ai.is_repeat AS repeat, ${DATA_JSON} AS data
         FROM agenda_item ai
         JOIN marac_case c ON c.id = ai.case_id
         LEFT JOIN case_return r ON r.agenda_item_id = ai.id
        WHERE ai.meeting_id = ANY($1::uuid[])
        ORDER BY ai.meeting_id, ai.position, ai.created_at`,
      [meetingIds],
    );
    return rows;
  }

  async save(
    agendaItemId: string,
    d: CaseReturnData,
    repeat: boolean,
    by: string | null,
    now: Date,
  ): Promise<void> {
    // One statement, so the return data and the repeat flag change together or not at all.
    await this.db.query(
      `WITH saved AS (INSERT INTO case_return (agenda_item_id, referral_source, victim_minoritised, victim_ethnicity,
         victim_lgbtq, victim_disabled, victim_sex, victim_age_band, harmer_under_18,
         children_in_household, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (agenda_item_id) DO UPDATE SET
         referral_source = $2, victim_minoritised = $3, victim_ethnicity = $4, victim_lgbtq = $5,
         victim_disabled = $6, victim_sex = $7, victim_age_band = $8, harmer_under_18 = $9,
         children_in_household = $10, updated_at = $11, updated_by = $12
       RETURNING agenda_item_id)
       UPDATE agenda_item SET is_repeat = $13 WHERE id IN (SELECT agenda_item_id FROM saved)`,
      [
        agendaItemId,
        d.referralSource,
        d.victimMinoritised,
        d.victimEthnicity,
        d.victimLgbtq,
        d.victimDisabled,
        d.victimSex,
        d.victimAgeBand,
        d.harmerUnder18,
        d.childrenInHousehold,
        now,
        by,
        repeat,
      ],
    );
  }
}
