import type { SubjectRecord } from '../core/personal-data/index.js';
import type {
  InviteeRecord,
  InviteeRow,
  MeetingChange,
  MeetingRecord,
  MeetingRepository,
  NewMeeting,
  SeriesFrequency,
  SeriesRecord,
  TeamsProgress,
} from '../core/scheduling/meeting-repository.js';
import type { MeetingStatus } from '../core/model.js';
import type { Queryable } from './db.js';

/** Meetings, series, invitees and changes (REQUIREMENTS.md §3.4, FR-001..FR-007). */
export class PgMeetingStore implements MeetingRepository {
  constructor(private readonly db: Queryable) {}

  async insertSeries(
    s: Omit<SeriesRecord, 'id' | 'graphEventId'>,
    createdBy: string,
    now: Date,
  ): Promise<string> {
    const interval = s.frequency === 'fortnightly' ? 2 : 1;
    const recurrence = {
      frequency: s.frequency === 'monthly' ? 'monthly' : 'weekly',
      interval,
      daysOfWeek:
        s.frequency === 'daily'
          ? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']
          : [s.dayOfWeek],
    };
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO meeting_series (area_id, title, recurrence, start_time, end_time, starts_on, ends_on, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [s.areaId, s.title, recurrence, s.startTime, s.endTime, s.startsOn, s.endsOn, createdBy, now],
    );
    return (rows[0] as { id: string }).id;
  }

  async getSeries(seriesId: string): Promise<SeriesRecord | null> {
    const { rows } = await this.db.query<SeriesRow>(
      `SELECT id, area_id, title, recurrence, to_char(start_time, 'HH24:MI') AS start_time,
              to_char(end_time, 'HH24:MI') AS end_time, starts_on, ends_on, graph_event_id
         FROM meeting_series WHERE id = $1`,
      [seriesId],
    );
    const row = rows[0];
    if (!row) return null;
    const r = row.recurrence;
    const frequency: SeriesFrequency =
      r.frequency === 'monthly'
        ? 'monthly'
        : r.interval === 2
          ? 'fortnightly'
          : r.daysOfWeek.length === 5
            ? 'daily'
            : 'weekly';
    return {
      id: row.id,
      areaId: row.area_id,
      title: row.title,
      frequency,
      dayOfWeek: r.daysOfWeek[0] ?? 'wednesday',
      startTime: row.start_time,
      endTime: row.end_time,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      graphEventId: row.graph_event_id,
    };
  }

  async setSeriesEvent(seriesId: string, graphEventId: string): Promise<void> {
    await this.db.query('UPDATE meeting_series SET graph_event_id = $2 WHERE id = $1', [
      seriesId,
      graphEventId,
    ]);
  }

  async insertMeeting(m: NewMeeting, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO meeting (area_id, series_id, parent_meeting_id, kind, title, scheduled_start, scheduled_end, status,
         chair_person_id, deputy_chair_person_id, coordinator_person_id, circulation_due_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        m.areaId,
        m.seriesId,
        m.parentMeetingId,
        m.kind,
        m.title,
        m.scheduledStart,
        m.scheduledEnd,
        m.chairPersonId,
        m.deputyChairPersonId,
        m.coordinatorPersonId,
        m.circulationDueOn,
        now,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async getMeeting(meetingId: string): Promise<MeetingRecord | null> {
    const { rows } = await this.db.query<MeetingRow>(`${MEETING_SELECT} WHERE id = $1`, [
      meetingId,
    ]);
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  async listMeetings(areaId: string, from: Date, to: Date): Promise<MeetingRecord[]> {
    const { rows } = await this.db.query<MeetingRow>(
      `${MEETING_SELECT} WHERE area_id = $1 AND scheduled_start >= $2 AND scheduled_start < $3
        ORDER BY scheduled_start, kind`,
      [areaId, from, to],
    );
    return rows.map(toMeeting);
  }

  async listSeriesMeetings(seriesId: string): Promise<MeetingRecord[]> {
    const { rows } = await this.db.query<MeetingRow>(
      `${MEETING_SELECT} WHERE series_id = $1 ORDER BY scheduled_start`,
      [seriesId],
    );
    return rows.map(toMeeting);
  }

  async listClosedSessions(parentMeetingId: string): Promise<MeetingRecord[]> {
    const { rows } = await this.db.query<MeetingRow>(
      `${MEETING_SELECT} WHERE parent_meeting_id = $1 ORDER BY scheduled_start`,
      [parentMeetingId],
    );
    return rows.map(toMeeting);
  }

  async listUpcoming(areaId: string, now: Date): Promise<MeetingRecord[]> {
    const { rows } = await this.db.query<MeetingRow>(
      `${MEETING_SELECT} WHERE area_id = $1 AND scheduled_start > $2
          AND status NOT IN ('cancelled', 'ended', 'in-progress')
        ORDER BY scheduled_start`,
      [areaId, now],
    );
    return rows.map(toMeeting);
  }

  async recordTeamsProgress(meetingId: string, p: TeamsProgress, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE meeting SET graph_event_id = coalesce($2, graph_event_id), online_meeting_id = coalesce($3, online_meeting_id),
              join_url = coalesce($4, join_url), chat_thread_id = coalesce($5, chat_thread_id), updated_at = $6
        WHERE id = $1`,
      [
        meetingId,
        p.graphEventId ?? null,
        p.onlineMeetingId ?? null,
        p.joinUrl ?? null,
        p.chatThreadId ?? null,
        now,
      ],
    );
  }

  async setStatus(
    meetingId: string,
    status: MeetingStatus,
    reason: string | null,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      'UPDATE meeting SET status = $2, status_reason = $3, updated_at = $4 WHERE id = $1',
      [meetingId, status, reason, now],
    );
  }

  async setTimes(
    meetingId: string,
    start: Date,
    end: Date,
    circulationDueOn: string,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE meeting SET scheduled_start = $2, scheduled_end = $3, circulation_due_on = $4, updated_at = $5
        WHERE id = $1`,
      [meetingId, start, end, circulationDueOn, now],
    );
  }

  async setCirculationDue(meetingId: string, circulationDueOn: string): Promise<void> {
    await this.db.query('UPDATE meeting SET circulation_due_on = $2 WHERE id = $1', [
      meetingId,
      circulationDueOn,
    ]);
  }

  async setLeads(
    meetingId: string,
    chairPersonId: string,
    deputyChairPersonId: string | null,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE meeting SET chair_person_id = $2, deputy_chair_person_id = $3, updated_at = $4
        WHERE id = $1`,
      [meetingId, chairPersonId, deputyChairPersonId, now],
    );
  }

  async replaceInvitees(meetingId: string, invitees: InviteeRow[]): Promise<void> {
    await this.db.query('DELETE FROM meeting_invitee WHERE meeting_id = $1', [meetingId]);
    for (const i of invitees)
      await this.db.query(
        'INSERT INTO meeting_invitee (meeting_id, person_id, agency_id, kind) VALUES ($1, $2, $3, $4)',
        [meetingId, i.personId, i.agencyId, i.kind],
      );
  }

  async listInvitees(meetingId: string): Promise<InviteeRecord[]> {
    const { rows } = await this.db.query<InviteeRecord>(
      `SELECT i.person_id AS "personId", i.agency_id AS "agencyId", i.kind, p.email, p.display_name AS "displayName"
         FROM meeting_invitee i JOIN person p ON p.id = i.person_id
        WHERE i.meeting_id = $1
        ORDER BY CASE i.kind WHEN 'chair' THEN 0 WHEN 'deputy-chair' THEN 1 WHEN 'coordinator' THEN 2 ELSE 3 END,
                 p.display_name`,
      [meetingId],
    );
    return rows;
  }

  async listOneMeetingInvitees(meetingId: string): Promise<InviteeRow[]> {
    const { rows } = await this.db.query<InviteeRow>(
      `SELECT ap.deputy_person_id AS "personId", ap.agency_id AS "agencyId", 'deputy' AS kind
         FROM apology ap JOIN person p ON p.id = ap.deputy_person_id AND p.is_active
        WHERE ap.meeting_id = $1
       UNION ALL
       SELECT DISTINCT ON (cp.person_id) cp.person_id, p.agency_id,
              CASE cp.kind WHEN 'specialist' THEN 'case-specific' ELSE cp.kind END
         FROM case_person cp JOIN person p ON p.id = cp.person_id AND p.is_active
        WHERE cp.meeting_id = $1`,
      [meetingId],
    );
    return rows;
  }

  async listPermittedPeople(meetingId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ person_id: string }>(
      `SELECT DISTINCT pp.person_id FROM agenda_item_permitted_person pp
         JOIN agenda_item ai ON ai.id = pp.agenda_item_id
        WHERE ai.meeting_id = $1`,
      [meetingId],
    );
    return rows.map((r) => r.person_id);
  }

  async recordChange(c: MeetingChange): Promise<void> {
    await this.db.query(
      `INSERT INTO meeting_change (meeting_id, change, inside_notice_period, reason, previous_start, new_start, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        c.meetingId,
        c.change,
        c.insideNoticePeriod,
        c.reason,
        c.previousStart,
        c.newStart,
        c.changedBy,
        c.changedAt,
      ],
    );
  }

  async areaSubjects(areaId: string): Promise<SubjectRecord[]> {
    const { rows } = await this.db.query<{
      case_id: string;
      kind: string;
      full_name: string;
      aliases: string | null;
      date_of_birth: string | null;
      address: string | null;
    }>(
      `SELECT s.case_id, s.kind, s.full_name, s.aliases,
              to_char(s.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, s.address
         FROM case_subject s JOIN marac_case c ON c.id = s.case_id
        WHERE c.area_id = $1`,
      [areaId],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      kind: r.kind,
      fullName: r.full_name,
      aliases: r.aliases,
      dateOfBirth: r.date_of_birth,
      address: r.address,
    }));
  }

  async listChanges(meetingId: string): Promise<MeetingChange[]> {
    const { rows } = await this.db.query<MeetingChange>(
      `SELECT meeting_id AS "meetingId", change, inside_notice_period AS "insideNoticePeriod", reason,
              previous_start AS "previousStart", new_start AS "newStart", changed_by AS "changedBy", changed_at AS "changedAt"
         FROM meeting_change WHERE meeting_id = $1 ORDER BY changed_at, id`,
      [meetingId],
    );
    return rows;
  }
}

interface SeriesRow {
  id: string;
  area_id: string;
  title: string;
  recurrence: { frequency: string; interval: number; daysOfWeek: string[] };
  start_time: string;
  end_time: string;
  starts_on: string;
  ends_on: string | null;
  graph_event_id: string | null;
}

const MEETING_SELECT = `SELECT id, area_id, series_id, parent_meeting_id, kind, title, scheduled_start, scheduled_end, status,
  status_reason, graph_event_id, online_meeting_id, join_url, chat_thread_id, chair_person_id, deputy_chair_person_id,
  coordinator_person_id, circulation_due_on, circulated_at FROM meeting`;

interface MeetingRow {
  id: string;
  area_id: string;
  series_id: string | null;
  parent_meeting_id: string | null;
  kind: MeetingRecord['kind'];
  title: string;
  scheduled_start: Date;
  scheduled_end: Date;
  status: MeetingStatus;
  status_reason: string | null;
  graph_event_id: string | null;
  online_meeting_id: string | null;
  join_url: string | null;
  chat_thread_id: string | null;
  chair_person_id: string | null;
  deputy_chair_person_id: string | null;
  coordinator_person_id: string | null;
  circulation_due_on: string | null;
  circulated_at: Date | null;
}

function toMeeting(r: MeetingRow): MeetingRecord {
  return {
    id: r.id,
    areaId: r.area_id,
    seriesId: r.series_id,
    parentMeetingId: r.parent_meeting_id,
    kind: r.kind,
    title: r.title,
    scheduledStart: r.scheduled_start,
    scheduledEnd: r.scheduled_end,
    status: r.status,
    statusReason: r.status_reason,
    graphEventId: r.graph_event_id,
    onlineMeetingId: r.online_meeting_id,
    joinUrl: r.join_url,
    chatThreadId: r.chat_thread_id,
    chairPersonId: r.chair_person_id,
    deputyChairPersonId: r.deputy_chair_person_id,
    coordinatorPersonId: r.coordinator_person_id,
    circulationDueOn: r.circulation_due_on,
    circulatedAt: r.circulated_at,
  };
}
