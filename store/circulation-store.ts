import type {
  CaseListItem,
  CirculationRepository,
  ExportRecord,
  RecipientStatusRow,
} from '../core/circulation/circulation-repository.js';
import type { Queryable } from './db.js';

/** Circulations, recipients, declarations, case-list reads and exports (FR-031..FR-033, FR-046). */
export class PgCirculationStore implements CirculationRepository {
  constructor(private readonly db: Queryable) {}

  async dueMeetings(today: string, now: Date): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT m.id FROM meeting m
        WHERE m.kind <> 'closed' AND m.status IN ('scheduled', 'needs-attention')
          AND m.circulation_due_on <= $1::date AND m.scheduled_end > $2
          AND (m.circulated_at IS NULL OR EXISTS (
                SELECT 1 FROM agenda_item ai JOIN meeting s ON s.id = ai.meeting_id
                 WHERE (s.id = m.id OR (s.parent_meeting_id = m.id AND s.status <> 'cancelled'))
                   AND ai.created_at > (SELECT max(c.created_at) FROM circulation c WHERE c.meeting_id = m.id)))
        ORDER BY m.scheduled_start`,
      [today, now],
    );
    return rows.map((r) => r.id);
  }

  async lockMeeting(meetingId: string): Promise<void> {
    await this.db.query('SELECT id FROM meeting WHERE id = $1 FOR UPDATE', [meetingId]);
  }

  async markCirculated(meetingId: string, now: Date): Promise<void> {
    await this.db.query('UPDATE meeting SET circulated_at = $2, updated_at = $2 WHERE id = $1', [
      meetingId,
      now,
    ]);
  }

  async lastCirculationAt(meetingId: string): Promise<Date | null> {
    const { rows } = await this.db.query<{ at: Date | null }>(
      'SELECT max(created_at) AS at FROM circulation WHERE meeting_id = $1',
      [meetingId],
    );
    return rows[0]?.at ?? null;
  }

  async insertCirculation(
    meetingId: string,
    kind: 'initial' | 'addendum',
    caseCount: number,
    createdBy: string | null,
    now: Date,
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO circulation (meeting_id, kind, case_count, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [meetingId, kind, caseCount, createdBy, now],
    );
    return (rows[0] as { id: string }).id;
  }

  async insertRecipient(
    circulationId: string,
    personId: string,
    agencyId: string | null,
    outboxId: string | null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO circulation_recipient (circulation_id, person_id, agency_id, outbox_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [circulationId, personId, agencyId, outboxId],
    );
  }

  async caseListItems(meetingIds: string[]): Promise<CaseListItem[]> {
    if (meetingIds.length === 0) return [];
    const { rows } = await this.db.query<
      CaseListItem & { ra_id: string | null; ra_name: string | null }
    >(
      `SELECT ai.id AS "agendaItemId", ai.meeting_id AS "meetingId", c.case_number AS "caseNumber", ai.position,
              ai.risk_level AS "riskLevel", ai.risk_score AS "riskScore", ai.is_repeat AS "isRepeat",
              ai.repeat_count AS "repeatCount", ai.last_heard_on AS "lastHeardOn", ai.is_closed_session AS "isClosedSession",
              ra.id AS ra_id, ra.name AS ra_name,
              coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name)
                          FROM agency a WHERE a.id = ANY(ai.agencies_involved)), '[]'::json) AS "agenciesInvolved",
              ai.planned_start AS "plannedStart", ai.planned_minutes AS "plannedMinutes",
              ai.children_count AS "childrenCount", ai.referred_on AS "referredOn", ai.incident_on AS "incidentOn",
              ai.summary, ai.added_after_circulation AS "addedAfterCirculation", ai.created_at AS "createdAt",
              coalesce((SELECT json_agg(pp.person_id) FROM agenda_item_permitted_person pp WHERE pp.agenda_item_id = ai.id),
                       '[]'::json) AS "permittedPersonIds",
              coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'fullName', s.full_name,
                                   'dateOfBirth', to_char(s.date_of_birth, 'YYYY-MM-DD'), 'address', s.address)
                                 ORDER BY CASE s.kind WHEN 'victim' THEN 0 WHEN 'perpetrator' THEN 1 ELSE 2 END, s.date_of_birth, s.full_name)
                          FROM case_subject s WHERE s.case_id = c.id), '[]'::json) AS subjects
         FROM agenda_item ai
         JOIN marac_case c ON c.id = ai.case_id
         JOIN meeting m ON m.id = ai.meeting_id
         LEFT JOIN agency ra ON ra.id = ai.referring_agency_id
        WHERE ai.meeting_id = ANY($1::uuid[])
        ORDER BY m.scheduled_start, ai.position`,
      [meetingIds],
    );
    return rows.map(({ ra_id, ra_name, ...item }) => ({
      ...item,
      referringAgency: ra_id ? { id: ra_id, name: ra_name as string } : null,
    }));
  }

  async hasDeclaration(personId: string, meetingId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'SELECT 1 FROM declaration WHERE person_id = $1 AND meeting_id = $2 AND agenda_item_id IS NULL',
      [personId, meetingId],
    );
    return rows.length > 0;
  }

  async isInMeeting(personId: string, meetingId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM attendance_interval
        WHERE person_id = $1 AND meeting_id = $2 AND left_at IS NULL LIMIT 1`,
      [personId, meetingId],
    );
    return rows.length > 0;
  }

  async insertDeclaration(personId: string, meetingId: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO declaration (person_id, meeting_id, accepted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [personId, meetingId, now],
    );
  }

  async markOpened(meetingId: string, personId: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE circulation_recipient SET first_opened_at = coalesce(first_opened_at, $3), last_opened_at = $3,
              open_count = open_count + 1
        WHERE person_id = $2 AND circulation_id IN (SELECT id FROM circulation WHERE meeting_id = $1)`,
      [meetingId, personId, now],
    );
  }

  async recipientStatus(meetingId: string): Promise<RecipientStatusRow[]> {
    const { rows } = await this.db.query<RecipientStatusRow>(
      `SELECT c.id AS "circulationId", c.kind, c.created_at AS "circulatedAt", c.case_count AS "caseCount",
              r.person_id AS "personId", p.display_name AS "displayName", a.name AS "agencyName",
              o.state AS "outboxState", o.sent_at AS "sentAt", r.first_opened_at AS "firstOpenedAt",
              r.last_opened_at AS "lastOpenedAt", r.open_count AS "openCount"
         FROM circulation c
         JOIN circulation_recipient r ON r.circulation_id = c.id
         JOIN person p ON p.id = r.person_id
         LEFT JOIN agency a ON a.id = r.agency_id
         LEFT JOIN outbox_mail o ON o.id = r.outbox_id
        WHERE c.meeting_id = $1
        ORDER BY c.created_at, a.name NULLS FIRST, p.display_name`,
      [meetingId],
    );
    return rows;
  }

  async perpetratorContacts(areaId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ email: string }>(
      `SELECT DISTINCT lower(s.contact_email) AS email FROM case_subject s JOIN marac_case c ON c.id = s.case_id
        WHERE c.area_id = $1 AND s.kind = 'perpetrator' AND s.contact_email IS NOT NULL`,
      [areaId],
    );
    return rows.map((r) => r.email);
  }

  async insertExport(
    e: Omit<ExportRecord, 'id' | 'purgedAt'> & { fileName: string; createdBy: string | null },
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO case_list_export (meeting_id, drive_id, drive_item_id, link_permission_id, link_web_url, link_expires_at,
         purge_due_at, file_name, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        e.meetingId,
        e.driveId,
        e.driveItemId,
        e.linkPermissionId,
        e.linkWebUrl,
        e.linkExpiresAt,
        e.purgeDueAt,
        e.fileName,
        e.createdBy,
        e.createdAt,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async listExports(meetingId: string): Promise<ExportRecord[]> {
    const { rows } = await this.db.query<ExportRecord>(
      `SELECT id, meeting_id AS "meetingId", drive_id AS "driveId", drive_item_id AS "driveItemId",
              link_permission_id AS "linkPermissionId", link_web_url AS "linkWebUrl", link_expires_at AS "linkExpiresAt",
              purge_due_at AS "purgeDueAt", purged_at AS "purgedAt", created_at AS "createdAt"
         FROM case_list_export WHERE meeting_id = $1 ORDER BY created_at`,
      [meetingId],
    );
    return rows;
  }
}
