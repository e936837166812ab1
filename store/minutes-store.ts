import type {
  Minutes,
  MinutesAction,
  MinutesAttendee,
  MinutesCaseSheet,
} from '../core/minutes/minutes.js';
import type { Queryable } from './db.js';

/**
 * Reads everything the minutes need for one meeting (and its closed sessions) in a few queries
 * (REQUIREMENTS.md §3.9), and records each view or export (minutes_export, FR-088).
 */
export class PgMinutesStore {
  constructor(private readonly db: Queryable) {}

  async minutes(
    meetingId: string,
    today: string,
  ): Promise<(Minutes & { areaId: string; permitted: Record<string, string[]> }) | null> {
    const { rows: mr } = await this.db.query<MeetingRow>(
      `SELECT m.id, m.area_id, m.title, m.status, m.minutes_status, a.name AS marac_name, a.confidentiality_statement,
              to_char(m.scheduled_start AT TIME ZONE a.time_zone, 'YYYY-MM-DD') AS day,
              to_char(coalesce(m.actual_start, m.scheduled_start) AT TIME ZONE a.time_zone, 'HH24:MI') AS start_time,
              to_char(coalesce(m.actual_end, m.scheduled_end) AT TIME ZONE a.time_zone, 'HH24:MI') AS end_time,
              m.scheduled_start, ch.display_name AS chair
         FROM meeting m JOIN area a ON a.id = m.area_id LEFT JOIN person ch ON ch.id = m.chair_person_id
        WHERE m.id = $1 AND m.parent_meeting_id IS NULL`,
      [meetingId],
    );
    const m = mr[0];
    if (!m) return null;
    const { rows: people } = await this.db.query<MinutesAttendee & { observer: boolean }>(
      `SELECT p.id AS "personId", p.display_name AS name, g.name AS agency, p.job_title AS "jobTitle",
              s.attended_as AS "attendedAs", (s.present_seconds / 60)::int AS "presentMinutes",
              EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'observer') AS observer
         FROM attendance_summary s JOIN person p ON p.id = s.person_id LEFT JOIN agency g ON g.id = p.agency_id
        WHERE s.meeting_id = $1 AND s.agenda_item_id IS NULL
        ORDER BY g.name NULLS FIRST, p.display_name`,
      [meetingId],
    );
    const { rows: apologies } = await this.db.query<{
      agency: string;
      deputy: string | null;
      writtenSubmission: boolean;
    }>(
      `SELECT g.name AS agency, d.display_name AS deputy, ap.written_submission_at IS NOT NULL AS "writtenSubmission"
         FROM apology ap JOIN agency g ON g.id = ap.agency_id LEFT JOIN person d ON d.id = ap.deputy_person_id
        WHERE ap.meeting_id = $1 ORDER BY g.name`,
      [meetingId],
    );
    const actions = await this.actionRows(
      `(a.meeting_id = $1 OR a.meeting_id IN (SELECT id FROM meeting WHERE parent_meeting_id = $1))`,
      [meetingId],
      today,
    );
    // §3.9.3, FR-076: actions from earlier MARACs still open, or closed as not achievable since.
    const outstanding = await this.actionRows(
      `a.area_id = $1 AND a.meeting_id IN (SELECT id FROM meeting WHERE area_id = $1 AND scheduled_start < $2)
       AND (a.state = 'open' OR (a.state = 'not-achievable' AND a.completed_at >= coalesce(
            (SELECT max(scheduled_start) FROM meeting WHERE area_id = $1 AND scheduled_start < $2 AND parent_meeting_id IS NULL), '-infinity')))`,
      [m.area_id, m.scheduled_start],
      today,
    );
    const { rows: items } = await this.db.query<CaseRow>(
      `SELECT ai.id, ai.position, c.case_number, ai.is_closed_session, ai.risk_level, ra.name AS referring_agency,
              ai.victim_aware_of_referral, ai.is_repeat, ai.repeat_count, to_char(ai.last_heard_on, 'YYYY-MM-DD') AS last_heard_on,
              ai.referral_basis, ai.summary, to_char(ai.incident_on, 'YYYY-MM-DD') AS incident_on, ai.victim_views_direct,
              ai.process_flags, ai.outcome, c.victim_gender, c.victim_ethnicity, c.victim_age_band,
              c.victim_sexual_orientation, c.victim_disability, c.victim_religion,
              coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'fullName', s.full_name,
                         'dateOfBirth', to_char(s.date_of_birth, 'YYYY-MM-DD'), 'address', s.address)
                         ORDER BY CASE s.kind WHEN 'victim' THEN 0 WHEN 'perpetrator' THEN 1 ELSE 2 END, s.full_name)
                          FROM case_subject s WHERE s.case_id = c.id), '[]'::json) AS subjects,
              coalesce((SELECT json_agg(pp.person_id) FROM agenda_item_permitted_person pp WHERE pp.agenda_item_id = ai.id),
                       '[]'::json) AS permitted,
              EXISTS (SELECT 1 FROM action x WHERE x.case_id = c.id AND x.action_type = 'victim-feedback'
                       AND x.state IN ('open', 'done')) AS feedback
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id JOIN meeting mt ON mt.id = ai.meeting_id
         LEFT JOIN agency ra ON ra.id = ai.referring_agency_id
        WHERE mt.id = $1 OR mt.parent_meeting_id = $1
        ORDER BY mt.parent_meeting_id NULLS FIRST, ai.position`,
      [meetingId],
    );
    const cases: MinutesCaseSheet[] = items.map((i) => ({
      position: i.position,
      caseNumber: i.case_number,
      closedSession: i.is_closed_session,
      riskLevel: i.risk_level,
      beforeMeeting: {
        subjects: i.subjects,
        victimEquality: {
          gender: i.victim_gender,
          ethnicity: i.victim_ethnicity,
          ageBand: i.victim_age_band,
          sexualOrientation: i.victim_sexual_orientation,
          disability: i.victim_disability,
          religion: i.victim_religion,
        },
        referringAgency: i.referring_agency,
        victimAwareOfReferral: i.victim_aware_of_referral,
        repeat: {
          isRepeat: i.is_repeat,
          timesInLast12Months: i.repeat_count,
          lastHeardOn: i.last_heard_on,
        },
        referralBasis: i.referral_basis,
        keyInformation: i.summary
          ? [{ text: i.summary, source: i.referring_agency, kind: 'untagged' as const }]
          : [],
      },
      duringMeeting: {
        incidentOn: i.incident_on,
        victimViewsDirect: i.victim_views_direct,
        victimFeedbackAssigned: i.feedback,
        processFlags: Array.isArray(i.process_flags) ? i.process_flags : [],
        referredToOtherArea: null,
        outcome: i.outcome,
      },
      actions: actions.filter((a) => a.caseReference === i.case_number),
    }));
    return {
      areaId: m.area_id,
      permitted: Object.fromEntries(items.map((i) => [i.case_number, i.permitted])),
      maracName: m.marac_name,
      meeting: {
        id: m.id,
        title: m.title,
        date: m.day,
        start: m.start_time,
        end: m.end_time,
        chair: m.chair,
        status: m.status,
        minutesStatus: m.minutes_status,
      },
      meetingInformation: {
        attendees: people.filter((p) => !p.observer).map(({ observer: _o, ...p }) => p),
        observers: people.filter((p) => p.observer).map(({ observer: _o, ...p }) => p),
        apologies,
      },
      confidentialityStatement: m.confidentiality_statement,
      outstandingActions: outstanding,
      cases,
      footer: { maracName: m.marac_name, pageNumbers: true },
    };
  }

  private async actionRows(
    where: string,
    params: unknown[],
    today: string,
  ): Promise<MinutesAction[]> {
    const { rows } = await this.db.query<MinutesAction>(
      `SELECT a.reference, c.case_number AS "caseReference", a.description, g.name AS agency, p.display_name AS owner,
              to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.due_overridden AS "dueOverridden", a.is_joint AS "isJoint",
              coalesce((SELECT json_agg(x.name ORDER BY x.name) FROM agency x WHERE x.id = ANY(a.partner_agency_ids)), '[]'::json) AS partners,
              a.state, (a.state = 'open' AND a.due_on < $${params.length + 1}::date) AS overdue,
              a.not_achievable_reason AS "notAchievableReason", to_char(a.completed_on, 'YYYY-MM-DD') AS "completedOn"
         FROM action a JOIN marac_case c ON c.id = a.case_id JOIN agency g ON g.id = a.owner_agency_id
         LEFT JOIN person p ON p.id = a.owner_person_id
        WHERE ${where} AND a.state NOT IN ('volunteered', 'rejected')
        ORDER BY length(a.reference), a.reference`,
      [...params, today],
    );
    return rows;
  }

  async recordExport(meetingId: string, format: 'docx' | 'view', personId: string, now: Date) {
    await this.db.query(
      'INSERT INTO minutes_export (meeting_id, format, exported_by, exported_at) VALUES ($1, $2, $3, $4)',
      [meetingId, format, personId, now],
    );
  }
}

interface MeetingRow {
  id: string;
  area_id: string;
  title: string;
  status: string;
  minutes_status: string;
  marac_name: string;
  confidentiality_statement: string;
  day: string;
  start_time: string;
  end_time: string;
  scheduled_start: Date;
  chair: string | null;
}

interface CaseRow {
  id: string;
  position: number;
  case_number: string;
  is_closed_session: boolean;
  risk_level: string;
  referring_agency: string | null;
  victim_aware_of_referral: boolean | null;
  is_repeat: boolean;
  repeat_count: number;
  last_heard_on: string | null;
  referral_basis: string | null;
  summary: string | null;
  incident_on: string | null;
  victim_views_direct: boolean | null;
  process_flags: unknown;
  outcome: string | null;
  victim_gender: string | null;
  victim_ethnicity: string | null;
  victim_age_band: string | null;
  victim_sexual_orientation: string | null;
  victim_disability: string | null;
  victim_religion: string | null;
  subjects: MinutesCaseSheet['beforeMeeting']['subjects'];
  feedback: boolean;
  permitted: string[];
}
