import { type AreaPolicy, parseAreaPolicy } from '../core/area-policy.js';
import type {
  AgencyRef,
  AttendanceMeeting,
  AttendanceReportData,
  AttendanceRepository,
  Attendant,
  CameraRow,
  CaseSlot,
  IntervalRow,
  InviteeRef,
  PersonRef,
  SummaryRow,
  TeamsIdentity,
} from '../core/attendance/attendance-repository.js';
import type { AttendanceSource, MeetingStatus } from '../core/model.js';
import { pickOccurrence } from '../core/attendance/occurrence.js';
import type { Queryable } from './db.js';

/**
 * Attendance: meetings as the bot and calling webhook see them, live intervals and
 * camera evidence, unmatched identities, apologies and the reconciled summary.
 */
export class PgAttendanceStore implements AttendanceRepository {
  constructor(private readonly db: Queryable) {}

  async claimActivity(activityId: string, meetingId: string | null, name: string, now: Date) {
    const { rowCount } = await this.db.query(
      `INSERT INTO meeting_event_receipt (activity_id, meeting_id, name, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (activity_id) DO NOTHING`,
      [activityId, meetingId, name, now],
    );
    return rowCount === 1;
  }

  async findMeetingForTeams(teamsMeetingId: string, chatThreadId: string | null, at: Date) {
    // Every occurrence of a series has the same Teams meeting id and chat: the time picks one.
    const { rows } = await this.db.query<MeetingRow>(
      `${MEETING_SELECT} WHERE teams_meeting_id = $1 OR ($2::text IS NOT NULL AND chat_thread_id = $2)`,
      [teamsMeetingId, chatThreadId],
    );
    return pickOccurrence(rows.map(toMeeting), at);
  }

  async findMeetingByCall(callId: string) {
    const { rows } = await this.db.query<MeetingRow>(
      `${MEETING_SELECT} WHERE calling_call_id = $1`,
      [callId],
    );
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  async getMeeting(meetingId: string) {
    const { rows } = await this.db.query<MeetingRow>(`${MEETING_SELECT} WHERE id = $1`, [
      meetingId,
    ]);
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  async areaPolicy(areaId: string): Promise<AreaPolicy | null> {
    const { rows } = await this.db.query<{ policy: unknown }>(
      'SELECT policy FROM area WHERE id = $1',
      [areaId],
    );
    return rows[0] ? parseAreaPolicy(rows[0].policy) : null;
  }

  async markStarted(
    meetingId: string,
    input: { teamsMeetingId: string; conversationReference: unknown; startedAt: Date },
    now: Date,
  ) {
    await this.db.query(
      `UPDATE meeting SET teams_meeting_id = $2, conversation_reference = $3,
              actual_start = coalesce(actual_start, $4),
              status = CASE WHEN status IN ('ended', 'cancelled') THEN status ELSE 'in-progress' END,
              updated_at = $5
        WHERE id = $1`,
      [meetingId, input.teamsMeetingId, input.conversationReference, input.startedAt, now],
    );
    // The Teams meeting id and the chat belong to the series: the occurrences still to come
    // share them (cards and notifications before their own start event need them).
    await this.db.query(
      `UPDATE meeting o SET teams_meeting_id = coalesce(o.teams_meeting_id, $2),
              conversation_reference = $3, updated_at = $4
         FROM meeting m
        WHERE m.id = $1 AND o.id <> m.id AND m.chat_thread_id IS NOT NULL
          AND o.chat_thread_id = m.chat_thread_id AND o.status NOT IN ('ended', 'cancelled')`,
      [meetingId, input.teamsMeetingId, input.conversationReference, now],
    );
  }

  async markEnded(meetingId: string, endedAt: Date, now: Date) {
    await this.db.query(
      `UPDATE meeting SET actual_end = greatest(coalesce(actual_end, $2), $2),
              actual_start = coalesce(actual_start, least(scheduled_start, $2)),
              status = CASE WHEN status = 'cancelled' THEN status ELSE 'ended' END, updated_at = $3
        WHERE id = $1`,
      [meetingId, endedAt, now],
    );
  }

  async setCall(meetingId: string, callId: string | null, callChainId: string | null) {
    await this.db.query(
      'UPDATE meeting SET calling_call_id = $2, calling_call_chain_id = coalesce($3, calling_call_chain_id) WHERE id = $1',
      [meetingId, callId, callChainId],
    );
  }

  async resolve(meeting: AttendanceMeeting, who: TeamsIdentity): Promise<Attendant> {
    if (who.entraObjectId) {
      const { rows } = await this.db.query<{ id: string }>(
        `SELECT id FROM person WHERE area_id = $1 AND entra_object_id = $2 AND is_active
            AND ($3::text IS NULL OR entra_tenant_id IS NULL OR entra_tenant_id = $3)
          LIMIT 1`,
        [meeting.areaId, who.entraObjectId, who.tenantId],
      );
      if (rows[0]) return { personId: rows[0].id };
    }
    if (who.email) {
      const { rows } = await this.db.query<{ id: string }>(
        'SELECT id FROM person WHERE area_id = $1 AND lower(email) = lower($2) AND is_active LIMIT 1',
        [meeting.areaId, who.email],
      );
      if (rows[0]) return { personId: rows[0].id };
    }
    const existing = who.entraObjectId
      ? await this.db.query<{ id: string; resolved: string | null }>(
          'SELECT id, resolved_person_id AS resolved FROM unmatched_identity WHERE meeting_id = $1 AND entra_object_id = $2',
          [meeting.id, who.entraObjectId],
        )
      : await this.db.query<{ id: string; resolved: string | null }>(
          `SELECT id, resolved_person_id AS resolved FROM unmatched_identity WHERE meeting_id = $1 AND entra_object_id IS NULL
              AND display_name IS NOT DISTINCT FROM $2 ORDER BY created_at LIMIT 1`,
          [meeting.id, who.displayName],
        );
    // A joiner the coordinator has matched to a person stays that person's on every later run.
    if (existing.rows[0]?.resolved) return { personId: existing.rows[0].resolved };
    if (existing.rows[0]) return { unmatchedId: existing.rows[0].id };
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO unmatched_identity (meeting_id, entra_object_id, entra_tenant_id, display_name, email)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, entra_object_id) WHERE entra_object_id IS NOT NULL
       DO UPDATE SET display_name = coalesce(unmatched_identity.display_name, EXCLUDED.display_name)
       RETURNING id`,
      [
        meeting.id,
        who.entraObjectId,
        who.tenantId,
        who.displayName?.slice(0, 200) ?? null,
        who.email ?? null,
      ],
    );
    return { unmatchedId: (rows[0] as { id: string }).id };
  }

  async openInterval(
    meetingId: string,
    who: Attendant,
    at: Date,
    source: AttendanceSource,
    meetingRole: string | null,
  ) {
    const [column, id] = key(who);
    // A replay or an out-of-order duplicate: an open interval, or one that already covers `at`.
    const { rows } = await this.db.query(
      `SELECT 1 FROM attendance_interval WHERE meeting_id = $1 AND ${column} = $2 AND source = $3
          AND (left_at IS NULL OR (joined_at <= $4 AND left_at > $4)) LIMIT 1`,
      [meetingId, id, source, at],
    );
    if (rows.length > 0) return false;
    const { rowCount } = await this.db.query(
      `INSERT INTO attendance_interval (meeting_id, ${column}, joined_at, source, meeting_role)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [meetingId, id, at, source, meetingRole],
    );
    return rowCount === 1;
  }

  async closeInterval(meetingId: string, who: Attendant, at: Date, source: AttendanceSource) {
    const [column, id] = key(who);
    const { rowCount } = await this.db.query(
      `UPDATE attendance_interval SET left_at = greatest(joined_at, $4)
        WHERE meeting_id = $1 AND ${column} = $2 AND source = $3 AND left_at IS NULL`,
      [meetingId, id, source, at],
    );
    return rowCount > 0;
  }

  async closeAllOpen(meetingId: string, at: Date) {
    await this.db.query(
      `UPDATE attendance_interval SET left_at = greatest(joined_at, $2)
        WHERE meeting_id = $1 AND left_at IS NULL AND source IN ('bot-event', 'calling-roster')`,
      [meetingId, at],
    );
    await this.db.query(
      `UPDATE camera_interval SET off_at = greatest(on_at, $2)
        WHERE meeting_id = $1 AND off_at IS NULL AND source = 'calling-roster'`,
      [meetingId, at],
    );
  }

  async openCamera(meetingId: string, who: Attendant, at: Date) {
    const [column, id] = key(who);
    const { rowCount } = await this.db.query(
      `INSERT INTO camera_interval (meeting_id, ${column}, on_at, source, camera_on)
       SELECT $1, $2, $3, 'calling-roster', true
        WHERE NOT EXISTS (SELECT 1 FROM camera_interval WHERE meeting_id = $1 AND ${column} = $2
                            AND source = 'calling-roster' AND off_at IS NULL)
       ON CONFLICT DO NOTHING`,
      [meetingId, id, at],
    );
    return rowCount === 1;
  }

  async closeCamera(meetingId: string, who: Attendant, at: Date) {
    const [column, id] = key(who);
    const { rowCount } = await this.db.query(
      `UPDATE camera_interval SET off_at = greatest(on_at, $3)
        WHERE meeting_id = $1 AND ${column} = $2 AND source = 'calling-roster' AND off_at IS NULL`,
      [meetingId, id, at],
    );
    return rowCount > 0;
  }

  async insertAttestation(
    meetingId: string,
    personId: string,
    input: { cameraOn: boolean; from: Date; to: Date | null; note: string | null; by: string },
  ) {
    await this.db.query(
      `INSERT INTO camera_interval (meeting_id, person_id, on_at, off_at, source, camera_on, attested_by, note)
       VALUES ($1, $2, $3, $4, 'attestation', $5, $6, $7)`,
      [meetingId, personId, input.from, input.to, input.cameraOn, input.by, input.note],
    );
  }

  async replaceReportIntervals(
    meetingId: string,
    rows: { who: Attendant; joinedAt: Date; leftAt: Date | null; role: string | null }[],
  ) {
    await this.db.query(
      `DELETE FROM attendance_interval WHERE meeting_id = $1 AND source = 'attendance-report'`,
      [meetingId],
    );
    for (const r of rows) {
      const [column, id] = key(r.who);
      await this.db.query(
        `INSERT INTO attendance_interval (meeting_id, ${column}, joined_at, left_at, source, meeting_role)
         VALUES ($1, $2, $3, $4, 'attendance-report', $5)`,
        [meetingId, id, r.joinedAt, r.leftAt, r.role],
      );
    }
  }

  async replaceCallRecordCameras(
    meetingId: string,
    rows: { who: Attendant; onAt: Date; offAt: Date; cameraOn: boolean }[],
  ) {
    await this.db.query(
      `DELETE FROM camera_interval WHERE meeting_id = $1 AND source = 'call-record'`,
      [meetingId],
    );
    for (const r of rows) {
      const [column, id] = key(r.who);
      await this.db.query(
        `INSERT INTO camera_interval (meeting_id, ${column}, on_at, off_at, source, camera_on)
         VALUES ($1, $2, $3, $4, 'call-record', $5)`,
        [meetingId, id, r.onAt, r.offAt, r.cameraOn],
      );
    }
  }

  async intervals(meetingId: string): Promise<IntervalRow[]> {
    const { rows } = await this.db.query<IntervalRow>(
      `SELECT person_id AS "personId", unmatched_identity_id AS "unmatchedId", joined_at AS "joinedAt",
              left_at AS "leftAt", source
         FROM attendance_interval WHERE meeting_id = $1 ORDER BY joined_at, id`,
      [meetingId],
    );
    return rows;
  }

  async cameras(meetingId: string): Promise<CameraRow[]> {
    const { rows } = await this.db.query<CameraRow>(
      `SELECT person_id AS "personId", unmatched_identity_id AS "unmatchedId", on_at AS "onAt",
              off_at AS "offAt", camera_on AS "cameraOn", source
         FROM camera_interval WHERE meeting_id = $1 ORDER BY on_at, created_at, id`,
      [meetingId],
    );
    return rows;
  }

  async people(areaId: string): Promise<PersonRef[]> {
    const { rows } = await this.db.query<PersonRef>(
      `SELECT p.id AS "personId", p.agency_id AS "agencyId", p.display_name AS "displayName",
              p.entra_object_id AS "entraObjectId", p.email,
              coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM person p LEFT JOIN person_role r ON r.person_id = p.id
        WHERE p.area_id = $1 GROUP BY p.id ORDER BY p.display_name`,
      [areaId],
    );
    return rows;
  }

  async agencies(areaId: string): Promise<AgencyRef[]> {
    const { rows } = await this.db.query<AgencyRef>(
      `SELECT id AS "agencyId", name, is_core AS core FROM agency WHERE area_id = $1 ORDER BY name`,
      [areaId],
    );
    return rows;
  }

  async invitees(meetingId: string): Promise<InviteeRef[]> {
    const { rows } = await this.db.query<InviteeRef>(
      `SELECT person_id AS "personId", agency_id AS "agencyId", kind FROM meeting_invitee WHERE meeting_id = $1`,
      [meetingId],
    );
    return rows;
  }

  async unmatched(meetingId: string) {
    const { rows } = await this.db.query<{ id: string; displayName: string | null }>(
      `SELECT id, display_name AS "displayName" FROM unmatched_identity
        WHERE meeting_id = $1 AND resolved_person_id IS NULL ORDER BY created_at, id`,
      [meetingId],
    );
    return rows;
  }

  async matchUnmatched(
    meetingId: string,
    unmatchedId: string,
    personId: string,
    byPersonId: string,
    now: Date,
  ): Promise<'matched' | 'not-found' | 'already-matched'> {
    const { rows } = await this.db.query<{ resolved: string | null }>(
      `SELECT resolved_person_id AS resolved FROM unmatched_identity WHERE id = $1 AND meeting_id = $2 FOR UPDATE`,
      [unmatchedId, meetingId],
    );
    if (!rows[0]) return 'not-found';
    if (rows[0].resolved) return 'already-matched';
    await this.db.query(
      `UPDATE unmatched_identity SET resolved_person_id = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1`,
      [unmatchedId, personId, byPersonId, now],
    );
    // Closed evidence moves to the person; an interval still open stays open under them.
    await this.db.query(
      `UPDATE attendance_interval SET person_id = $2, unmatched_identity_id = NULL WHERE unmatched_identity_id = $1`,
      [unmatchedId, personId],
    );
    await this.db.query(
      `UPDATE camera_interval SET person_id = $2, unmatched_identity_id = NULL WHERE unmatched_identity_id = $1`,
      [unmatchedId, personId],
    );
    return 'matched';
  }

  async cases(meetingId: string): Promise<CaseSlot[]> {
    const { rows } = await this.db.query<CaseSlot>(
      `SELECT ai.id AS "agendaItemId", c.case_number AS "caseReference", ai.planned_start AS "plannedStart",
              ai.planned_minutes AS "plannedMinutes", ai.actual_start AS "actualStart", ai.actual_end AS "actualEnd"
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = $1 ORDER BY ai.position`,
      [meetingId],
    );
    return rows;
  }

  async upsertApology(
    meetingId: string,
    input: { agencyId: string; personId: string | null; writtenSubmissionAt: Date | null },
    now: Date,
  ) {
    await this.db.query(
      `INSERT INTO apology (meeting_id, agency_id, person_id, written_submission_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, agency_id) DO UPDATE SET person_id = EXCLUDED.person_id,
         written_submission_at = coalesce(EXCLUDED.written_submission_at, apology.written_submission_at),
         recorded_at = EXCLUDED.recorded_at`,
      [meetingId, input.agencyId, input.personId, input.writtenSubmissionAt, now],
    );
  }

  async apologies(meetingId: string) {
    const { rows } = await this.db.query<{
      agencyId: string;
      personId: string | null;
      writtenSubmissionAt: Date | null;
    }>(
      `SELECT agency_id AS "agencyId", person_id AS "personId", written_submission_at AS "writtenSubmissionAt"
         FROM apology WHERE meeting_id = $1`,
      [meetingId],
    );
    return rows;
  }

  async replaceSummary(meetingId: string, rows: SummaryRow[], now: Date, withoutReport: boolean) {
    await this.db.query('DELETE FROM attendance_summary WHERE meeting_id = $1', [meetingId]);
    for (const r of rows)
      await this.db.query(
        `INSERT INTO attendance_summary (meeting_id, agenda_item_id, agency_id, person_id, attended_as, present_seconds,
           camera_on_seconds, camera_source, late_join, early_leave, computed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          meetingId,
          r.agendaItemId,
          r.agencyId,
          r.personId,
          r.attendedAs,
          r.presentSeconds,
          r.cameraOnSeconds,
          r.cameraSource,
          r.lateJoin,
          r.earlyLeave,
          now,
        ],
      );
    await this.db.query(
      'UPDATE meeting SET reconciled_at = $2, reconciled_without_report = $3 WHERE id = $1',
      [meetingId, now, withoutReport],
    );
  }
  async reportData(areaId: string, from: Date, to: Date): Promise<AttendanceReportData> {
    const meetings = await this.db.query<{ id: string; startsAt: Date }>(
      `SELECT id, coalesce(actual_start, scheduled_start) AS "startsAt" FROM meeting
        WHERE area_id = $1 AND reconciled_at IS NOT NULL
          AND coalesce(actual_start, scheduled_start) >= $2 AND coalesce(actual_start, scheduled_start) < $3
        ORDER BY 2, id`,
      [areaId, from, to],
    );
    const ids = meetings.rows.map((m) => m.id);
    const summary = await this.db.query<AttendanceReportData['summary'][number]>(
      `SELECT meeting_id AS "meetingId", agenda_item_id AS "agendaItemId", agency_id AS "agencyId",
              attended_as AS "attendedAs", present_seconds AS "presentSeconds",
              camera_on_seconds AS "cameraOnSeconds", camera_source AS "cameraSource"
         FROM attendance_summary WHERE meeting_id = ANY($1::uuid[])`,
      [ids],
    );
    const expected = await this.db.query<{ meetingId: string; agencyId: string }>(
      `SELECT DISTINCT meeting_id AS "meetingId", agency_id AS "agencyId" FROM meeting_invitee
        WHERE meeting_id = ANY($1::uuid[]) AND agency_id IS NOT NULL
          AND kind IN ('representative', 'deputy', 'idva')`,
      [ids],
    );
    const cases = await this.db.query<AttendanceReportData['cases'][number]>(
      `SELECT ai.meeting_id AS "meetingId", ai.id AS "agendaItemId", c.case_number AS "caseReference", ai.position,
              (ai.actual_start IS NOT NULL AND ai.actual_end IS NOT NULL) AS heard,
              ai.agencies_involved::text[] AS "agenciesInvolved", ai.referring_agency_id AS "referringAgencyId",
              ai.unheard_outcome AS "unheardOutcome"
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = ANY($1::uuid[]) ORDER BY ai.meeting_id, ai.position`,
      [ids],
    );
    const apologies = await this.db.query<AttendanceReportData['apologies'][number]>(
      `SELECT meeting_id AS "meetingId", agency_id AS "agencyId",
              (written_submission_at IS NOT NULL) AS "writtenSubmission"
         FROM apology WHERE meeting_id = ANY($1::uuid[])`,
      [ids],
    );
    const area = await this.db.query<{ attendancePolicy: string | null }>(
      `SELECT policy->>'attendancePolicy' AS "attendancePolicy" FROM area WHERE id = $1`,
      [areaId],
    );
    return {
      attendancePolicy:
        area.rows[0]?.attendancePolicy === 'leave-after-own-case'
          ? 'leave-after-own-case'
          : 'all-cases',
      meetings: meetings.rows,
      summary: summary.rows,
      expected: expected.rows,
      cases: cases.rows,
      apologies: apologies.rows,
      agencies: await this.agencies(areaId),
    };
  }
}

function key(who: Attendant): ['person_id' | 'unmatched_identity_id', string] {
  return 'personId' in who
    ? ['person_id', who.personId]
    : ['unmatched_identity_id', who.unmatchedId];
}

const MEETING_SELECT = `SELECT id, area_id, status, scheduled_start, scheduled_end, actual_start, actual_end,
  online_meeting_id, join_url, chat_thread_id, teams_meeting_id, calling_call_id, calling_call_chain_id,
  reconciled_at, chair_person_id, deputy_chair_person_id, coordinator_person_id FROM meeting`;

interface MeetingRow {
  id: string;
  area_id: string;
  status: MeetingStatus;
  scheduled_start: Date;
  scheduled_end: Date;
  actual_start: Date | null;
  actual_end: Date | null;
  online_meeting_id: string | null;
  join_url: string | null;
  chat_thread_id: string | null;
  teams_meeting_id: string | null;
  calling_call_id: string | null;
  calling_call_chain_id: string | null;
  reconciled_at: Date | null;
  chair_person_id: string | null;
  deputy_chair_person_id: string | null;
  coordinator_person_id: string | null;
}

function toMeeting(r: MeetingRow): AttendanceMeeting {
  return {
    id: r.id,
    areaId: r.area_id,
    status: r.status,
    scheduledStart: r.scheduled_start,
    scheduledEnd: r.scheduled_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    onlineMeetingId: r.online_meeting_id,
    joinUrl: r.join_url,
    chatThreadId: r.chat_thread_id,
    teamsMeetingId: r.teams_meeting_id,
    callingCallId: r.calling_call_id,
    callingCallChainId: r.calling_call_chain_id,
    reconciledAt: r.reconciled_at,
    chairPersonId: r.chair_person_id,
    deputyChairPersonId: r.deputy_chair_person_id,
    coordinatorPersonId: r.coordinator_person_id,
  };
}
