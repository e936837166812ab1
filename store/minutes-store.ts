import type {
  Minutes,
  MinutesAction,
  MinutesAttendee,
  MinutesCaseRecord,
  MinutesCaseSheet,
  MinutesReader,
  MinutesStatus,
} from '../core/minutes/minutes.js';
import type {
  MinutesMeeting,
  MinutesRecipient,
  MinutesWorkflowRepository,
} from '../core/minutes/minutes-workflow.js';
import type { Queryable } from './db.js';

/**
 * Reads everything the minutes need for one meeting (and its closed sessions) in a few queries
 * (REQUIREMENTS.md §3.9), and records each view or export (minutes_export, FR-088).
 */
export class PgMinutesStore implements MinutesWorkflowRepository, MinutesReader {
  constructor(private readonly db: Queryable) {}

  async minutes(
    meetingId: string,
    today: string,
  ): Promise<(Minutes & { areaId: string; permitted: Record<string, string[]> }) | null> {
    const { rows: mr } = await this.db.query<MeetingRow>(
      `SELECT m.id, m.area_id, m.title, m.status, m.minutes_status, a.name AS marac_name, a.confidentiality_statement,
              to_char(coalesce(m.actual_start, m.scheduled_start) AT TIME ZONE a.time_zone, 'YYYY-MM-DD') AS day,
              to_char(coalesce(m.actual_start, m.scheduled_start) AT TIME ZONE a.time_zone, 'HH24:MI') AS start_time,
              to_char(coalesce(m.actual_end, m.scheduled_end) AT TIME ZONE a.time_zone, 'HH24:MI') AS end_time,
              m.scheduled_start, ch.display_name AS chair, m.minutes_submitted_at, m.minutes_approved_at,
              ap.display_name AS approved_by, m.minutes_circulated_at
         FROM meeting m JOIN area a ON a.id = m.area_id LEFT JOIN person ch ON ch.id = m.chair_person_id
         LEFT JOIN person ap ON ap.id = m.minutes_approved_by
        WHERE m.id = $1 AND m.parent_meeting_id IS NULL`,
      [meetingId],
    );
    const m = mr[0];
    if (!m) return null;
    const { rows: present } = await this.db.query<AttendanceRow>(
      `SELECT s.agenda_item_id, p.id AS person_id, p.display_name AS name, g.name AS agency, p.job_title,
              s.attended_as, (s.present_seconds / 60)::int AS present_minutes,
              CASE WHEN s.camera_on_seconds IS NULL THEN NULL ELSE (s.camera_on_seconds / 60)::int END AS camera_minutes,
              s.camera_source,
              EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'observer') AS observer,
              (SELECT min(greatest(i.joined_at, w.ws)) FROM attendance_interval i
                WHERE i.meeting_id = s.meeting_id AND i.person_id = s.person_id
                  AND i.joined_at < w.we AND coalesce(i.left_at, w.we) > w.ws) AS joined_at,
              (SELECT max(least(coalesce(i.left_at, w.we), w.we)) FROM attendance_interval i
                WHERE i.meeting_id = s.meeting_id AND i.person_id = s.person_id
                  AND i.joined_at < w.we AND coalesce(i.left_at, w.we) > w.ws) AS left_at
         FROM attendance_summary s JOIN person p ON p.id = s.person_id LEFT JOIN agency g ON g.id = p.agency_id
         JOIN meeting m ON m.id = s.meeting_id
         LEFT JOIN agenda_item ai ON ai.id = s.agenda_item_id
         CROSS JOIN LATERAL (SELECT
             CASE WHEN ai.id IS NULL THEN coalesce(m.actual_start, m.scheduled_start) ELSE ai.actual_start END AS ws,
             CASE WHEN ai.id IS NULL THEN coalesce(m.actual_end, m.scheduled_end)
                  ELSE coalesce(ai.actual_end, m.actual_end, m.scheduled_end) END AS we) w
        WHERE s.meeting_id = $1
          -- Attendees are those who were there: invited people who never joined are not listed.
          AND (s.present_seconds > 0 OR EXISTS (SELECT 1 FROM attendance_interval j
                WHERE j.meeting_id = s.meeting_id AND j.person_id = s.person_id))
        ORDER BY g.name NULLS FIRST, p.display_name`,
      [meetingId],
    );
    const attendee = (r: AttendanceRow): MinutesAttendee => ({
      personId: r.person_id,
      name: r.name,
      agency: r.agency,
      jobTitle: r.job_title,
      attendedAs: r.attended_as,
      presentMinutes: r.present_minutes,
      joinedAt: r.joined_at ? new Date(r.joined_at).toISOString() : null,
      leftAt: r.left_at ? new Date(r.left_at).toISOString() : null,
      cameraOnMinutes: r.camera_minutes,
      cameraSource: r.camera_source,
    });
    const people = present.filter((r) => r.agenda_item_id === null);
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
    const { rows: previous } = await this.db.query<{
      id: string;
      day: string;
      minutes_status: string;
    }>(
      `SELECT p.id, to_char(p.scheduled_start AT TIME ZONE a.time_zone, 'YYYY-MM-DD') AS day, p.minutes_status
         FROM meeting p JOIN area a ON a.id = p.area_id
        WHERE p.area_id = $1 AND p.parent_meeting_id IS NULL AND p.scheduled_start < $2 AND p.status <> 'cancelled'
        ORDER BY p.scheduled_start DESC LIMIT 1`,
      [m.area_id, m.scheduled_start],
    );
    const { rows: addenda } = await this.db.query<{
      id: string;
      case_number: string | null;
      body: string;
      added_by: string;
      added_at: Date;
    }>(
      `SELECT x.id, c.case_number, x.body, p.display_name AS added_by, x.added_at
         FROM minutes_addendum x JOIN person p ON p.id = x.added_by
         LEFT JOIN agenda_item ai ON ai.id = x.agenda_item_id LEFT JOIN marac_case c ON c.id = ai.case_id
        WHERE x.meeting_id = $1 ORDER BY x.added_at, x.id`,
      [meetingId],
    );
    const { rows: items } = await this.db.query<CaseRow>(
      `SELECT ai.id, ai.position, c.case_number, ai.is_closed_session, ai.risk_level, ra.name AS referring_agency,
              ai.victim_aware_of_referral, ai.is_repeat, ai.repeat_count, to_char(ai.last_heard_on, 'YYYY-MM-DD') AS last_heard_on,
              ai.referral_basis, ai.summary, to_char(ai.incident_on, 'YYYY-MM-DD') AS incident_on, ai.victim_views_direct,
              ai.process_flags, ai.outcome, ai.actual_start, ai.actual_end,
              array_remove(ai.agencies_involved || ai.referring_agency_id, NULL)::text[] AS agency_ids,
              n.risk_summary, n.victim_views AS recorded_views, n.decisions, n.dissent, c.victim_gender, c.victim_ethnicity, c.victim_age_band,
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
         LEFT JOIN minutes_case_note n ON n.agenda_item_id = ai.id
        WHERE mt.id = $1 OR mt.parent_meeting_id = $1
        ORDER BY mt.parent_meeting_id NULLS FIRST, ai.position`,
      [meetingId],
    );
    const cases: MinutesCaseSheet[] = items.map((i) => ({
      agendaItemId: i.id,
      position: i.position,
      caseNumber: i.case_number,
      closedSession: i.is_closed_session,
      riskLevel: i.risk_level,
      heard: i.actual_start !== null,
      startedAt: i.actual_start ? new Date(i.actual_start).toISOString() : null,
      endedAt: i.actual_end ? new Date(i.actual_end).toISOString() : null,
      agencyIds: i.agency_ids ?? [],
      record: {
        riskSummary: i.risk_summary,
        victimViews: i.recorded_views,
        decisions: i.decisions,
        dissent: i.dissent,
      },
      attendance: present.filter((r) => r.agenda_item_id === i.id).map(attendee),
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
        minutesStatus: statusOf(m.minutes_status),
      },
      meetingInformation: {
        attendees: people.filter((p) => !p.observer).map(attendee),
        observers: people.filter((p) => p.observer).map(attendee),
        apologies,
      },
      confidentialityStatement: m.confidentiality_statement,
      outstandingActions: outstanding,
      cases,
      workflow: {
        status: statusOf(m.minutes_status),
        submittedAt: iso(m.minutes_submitted_at),
        approvedAt: iso(m.minutes_approved_at),
        approvedBy: m.approved_by,
        circulatedAt: iso(m.minutes_circulated_at),
      },
      addenda: addenda.map((x) => ({
        id: x.id,
        caseNumber: x.case_number,
        body: x.body,
        addedBy: x.added_by,
        addedAt: new Date(x.added_at).toISOString(),
      })),
      extract: null,
      previousMeeting: previous[0]
        ? {
            id: previous[0].id,
            date: previous[0].day,
            minutesStatus: statusOf(previous[0].minutes_status),
          }
        : null,
      footer: { maracName: m.marac_name, pageNumbers: true },
    };
  }

  private async actionRows(
    where: string,
    params: unknown[],
    today: string,
  ): Promise<MinutesAction[]> {
    const { rows } = await this.db.query<MinutesAction>(
      `SELECT a.reference, a.owner_agency_id AS "ownerAgencyId", a.partner_agency_ids::text[] AS "partnerAgencyIds",
              c.case_number AS "caseReference", a.description, g.name AS agency, p.display_name AS owner,
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

  async lockMeeting(meetingId: string): Promise<MinutesMeeting | null> {
    const { rows } = await this.db.query<MinutesMeeting & { minutesStatus: string }>(
      `SELECT id, area_id AS "areaId", title, scheduled_start AS "scheduledStart", status,
              actual_start AS "actualStart", actual_end AS "actualEnd",
              parent_meeting_id IS NOT NULL AS "isClosedSession", minutes_status AS "minutesStatus",
              chair_person_id AS "chairPersonId", deputy_chair_person_id AS "deputyChairPersonId",
              delegate_chair_person_id AS "delegateChairPersonId"
         FROM meeting WHERE id = $1 FOR UPDATE`,
      [meetingId],
    );
    const m = rows[0];
    return m ? { ...m, minutesStatus: statusOf(m.minutesStatus) } : null;
  }

  async itemBelongsTo(meetingId: string, agendaItemId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
        WHERE ai.id = $2 AND (m.id = $1 OR m.parent_meeting_id = $1)`,
      [meetingId, agendaItemId],
    );
    return rows.length > 0;
  }

  async saveCaseRecord(
    meetingId: string,
    agendaItemId: string,
    record: Partial<MinutesCaseRecord>,
    personId: string,
    now: Date,
  ): Promise<void> {
    const has = (k: keyof MinutesCaseRecord) => k in record;
    // Only the fields given change; a field given as null or blank is cleared.
    await this.db.query(
      `INSERT INTO minutes_case_note (agenda_item_id, meeting_id, risk_summary, victim_views, decisions, dissent, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (agenda_item_id) DO UPDATE SET
         risk_summary = CASE WHEN $9 THEN EXCLUDED.risk_summary ELSE minutes_case_note.risk_summary END,
         victim_views = CASE WHEN $10 THEN EXCLUDED.victim_views ELSE minutes_case_note.victim_views END,
         decisions = CASE WHEN $11 THEN EXCLUDED.decisions ELSE minutes_case_note.decisions END,
         dissent = CASE WHEN $12 THEN EXCLUDED.dissent ELSE minutes_case_note.dissent END,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        agendaItemId,
        meetingId,
        record.riskSummary ?? null,
        record.victimViews ?? null,
        record.decisions ?? null,
        record.dissent ?? null,
        personId,
        now,
        has('riskSummary'),
        has('victimViews'),
        has('decisions'),
        has('dissent'),
      ],
    );
  }

  async setStatus(meetingId: string, status: MinutesStatus, personId: string, now: Date) {
    const column = {
      draft: null,
      'awaiting-approval': ['minutes_submitted_at', 'minutes_submitted_by'],
      approved: ['minutes_approved_at', 'minutes_approved_by'],
      circulated: ['minutes_circulated_at', 'minutes_circulated_by'],
    }[status];
    await this.db.query(
      column
        ? `UPDATE meeting SET minutes_status = $2, ${column[0]} = $3, ${column[1]} = $4, updated_at = $3 WHERE id = $1`
        : `UPDATE meeting SET minutes_status = $2, updated_at = $3 WHERE id = $1 AND $4::uuid IS NOT NULL`,
      [meetingId, status, now, personId],
    );
  }

  async minutesRecipients(meetingId: string): Promise<MinutesRecipient[]> {
    const { rows } = await this.db.query<MinutesRecipient>(
      `SELECT DISTINCT ON (p.id) p.id AS "personId", coalesce(i.agency_id, p.agency_id) AS "agencyId",
              p.email, p.display_name AS "displayName"
         FROM meeting_invitee i JOIN person p ON p.id = i.person_id
        WHERE i.meeting_id = $1 AND p.is_active AND p.email IS NOT NULL
          AND i.kind IN ('representative', 'deputy', 'idva', 'chair', 'deputy-chair')
        ORDER BY p.id`,
      [meetingId],
    );
    return rows;
  }

  async addAddendum(
    meetingId: string,
    agendaItemId: string | null,
    body: string,
    personId: string,
    now: Date,
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO minutes_addendum (meeting_id, agenda_item_id, body, added_by, added_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [meetingId, agendaItemId, body, personId, now],
    );
    return rows[0]!.id;
  }

  async recordExport(meetingId: string, format: 'docx' | 'view', personId: string, now: Date) {
    await this.db.query(
      'INSERT INTO minutes_export (meeting_id, format, exported_by, exported_at) VALUES ($1, $2, $3, $4)',
      [meetingId, format, personId, now],
    );
  }
}

const statusOf = (s: string): MinutesStatus => (s === 'none' ? 'draft' : (s as MinutesStatus));
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

interface AttendanceRow {
  agenda_item_id: string | null;
  person_id: string;
  name: string;
  agency: string | null;
  job_title: string | null;
  attended_as: string;
  present_minutes: number;
  camera_minutes: number | null;
  camera_source: string | null;
  observer: boolean;
  joined_at: Date | null;
  left_at: Date | null;
}

interface MeetingRow {
  minutes_submitted_at: Date | null;
  minutes_approved_at: Date | null;
  approved_by: string | null;
  minutes_circulated_at: Date | null;
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
  actual_start: Date | null;
  actual_end: Date | null;
  agency_ids: string[] | null;
  risk_summary: string | null;
  recorded_views: string | null;
  decisions: string | null;
  dissent: string | null;
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
