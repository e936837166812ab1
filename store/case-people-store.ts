import type {
  ApologyRecord,
  CasePeopleRepository,
  CasePersonKind,
  CasePersonRecord,
  MoveRequestRecord,
} from '../core/case-people/case-people-repository.js';
import type { Queryable } from './db.js';

/** People invited for one case, reps' apologies and agencies' move requests. */
export class PgCasePeopleStore implements CasePeopleRepository {
  constructor(private readonly db: Queryable) {}

  async insertCasePerson(
    row: {
      meetingId: string;
      agendaItemId: string;
      personId: string;
      kind: CasePersonKind;
      invitedBy: string;
    },
    now: Date,
  ) {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO case_person (meeting_id, agenda_item_id, person_id, kind, invited_by, invited_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (agenda_item_id, person_id) DO NOTHING RETURNING id`,
      [row.meetingId, row.agendaItemId, row.personId, row.kind, row.invitedBy, now],
    );
    if (rows[0]) return { id: rows[0].id, created: true };
    const found = await this.db.query<{ id: string }>(
      'SELECT id FROM case_person WHERE agenda_item_id = $1 AND person_id = $2',
      [row.agendaItemId, row.personId],
    );
    return { id: found.rows[0]?.id ?? '', created: false };
  }

  async listCasePeople(meetingId: string): Promise<CasePersonRecord[]> {
    const { rows } = await this.db.query<CasePersonRecord>(
      `SELECT cp.id, cp.meeting_id AS "meetingId", cp.agenda_item_id AS "agendaItemId",
              c.case_number AS "caseNumber", ai.position, cp.person_id AS "personId",
              p.display_name AS "displayName", p.email, a.name AS "agencyName", cp.kind,
              cp.invited_at AS "invitedAt",
              (SELECT min(d.accepted_at) FROM declaration d
                WHERE d.person_id = cp.person_id AND d.meeting_id = cp.meeting_id
                  AND d.agenda_item_id = cp.agenda_item_id) AS "declaredAt"
         FROM case_person cp
         JOIN agenda_item ai ON ai.id = cp.agenda_item_id
         JOIN marac_case c ON c.id = ai.case_id
         JOIN person p ON p.id = cp.person_id
         LEFT JOIN agency a ON a.id = p.agency_id
        WHERE cp.meeting_id = $1
        ORDER BY ai.position, p.display_name`,
      [meetingId],
    );
    return rows;
  }

  async addInvitee(
    meetingId: string,
    personId: string,
    agencyId: string | null,
    kind: 'referrer' | 'keyworker' | 'case-specific',
  ): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO meeting_invitee (meeting_id, person_id, agency_id, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, person_id) DO NOTHING RETURNING person_id`,
      [meetingId, personId, agencyId, kind],
    );
    return rows.length > 0;
  }

  async inviteAsDeputy(meetingId: string, personId: string, agencyId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO meeting_invitee (meeting_id, person_id, agency_id, kind) VALUES ($1, $2, $3, 'deputy')
       ON CONFLICT (meeting_id, person_id) DO UPDATE SET kind = 'deputy', agency_id = EXCLUDED.agency_id
         WHERE meeting_invitee.kind NOT IN ('chair', 'deputy-chair', 'coordinator', 'deputy')
       RETURNING person_id`,
      [meetingId, personId, agencyId],
    );
    return rows.length > 0;
  }

  async insertCaseDeclaration(
    personId: string,
    meetingId: string,
    agendaItemId: string,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO declaration (person_id, meeting_id, agenda_item_id, accepted_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [personId, meetingId, agendaItemId, now],
    );
  }

  async upsertApology(
    row: {
      meetingId: string;
      agencyId: string;
      sentBy: string;
      deputyPersonId: string | null;
      writtenSubmissionAt: Date | null;
    },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO apology (meeting_id, agency_id, person_id, deputy_person_id, written_submission_at,
                            recorded_at, sent_by, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $3, $6)
       ON CONFLICT (meeting_id, agency_id) DO UPDATE SET
         person_id = EXCLUDED.person_id, deputy_person_id = EXCLUDED.deputy_person_id,
         written_submission_at = coalesce(EXCLUDED.written_submission_at, apology.written_submission_at),
         recorded_at = EXCLUDED.recorded_at, sent_by = EXCLUDED.sent_by, sent_at = EXCLUDED.sent_at`,
      [row.meetingId, row.agencyId, row.sentBy, row.deputyPersonId, row.writtenSubmissionAt, now],
    );
  }

  async listApologies(meetingId: string): Promise<ApologyRecord[]> {
    const { rows } = await this.db.query<ApologyRecord>(
      `SELECT ap.meeting_id AS "meetingId", ap.agency_id AS "agencyId", a.name AS "agencyName",
              coalesce(ap.sent_by, ap.person_id) AS "sentBy", s.display_name AS "sentByName",
              ap.deputy_person_id AS "deputyPersonId", d.display_name AS "deputyName",
              ap.written_submission_at IS NOT NULL AS "writtenSubmission",
              coalesce(ap.sent_at, ap.recorded_at) AS "sentAt"
         FROM apology ap
         JOIN agency a ON a.id = ap.agency_id
         LEFT JOIN person s ON s.id = coalesce(ap.sent_by, ap.person_id)
         LEFT JOIN person d ON d.id = ap.deputy_person_id
        WHERE ap.meeting_id = $1
        ORDER BY a.name`,
      [meetingId],
    );
    return rows;
  }

  async listMoveRequests(meetingId: string, agencyId?: string): Promise<MoveRequestRecord[]> {
    const { rows } = await this.db.query<MoveRequestRecord>(
      `SELECT m.id, m.agenda_item_id AS "agendaItemId", c.case_number AS "caseNumber", ai.position,
              m.agency_id AS "agencyId", a.name AS "agencyName", m.requested_by AS "requestedBy",
              p.display_name AS "requestedByName", m.requested_at AS "requestedAt",
              m.from_position AS "fromPosition", m.to_position AS "toPosition", m.decision,
              m.decided_at AS "decidedAt", m.decision_reason AS "decisionReason"
         FROM agenda_move m
         JOIN agenda_item ai ON ai.id = m.agenda_item_id
         JOIN marac_case c ON c.id = ai.case_id
         JOIN agency a ON a.id = m.agency_id
         JOIN person p ON p.id = m.requested_by
        WHERE ai.meeting_id = $1 AND ($2::uuid IS NULL OR m.agency_id = $2)
          AND m.decided_by IS DISTINCT FROM m.requested_by
        ORDER BY m.requested_at`,
      [meetingId, agencyId ?? null],
    );
    return rows;
  }

  async refuseMove(moveId: string, by: string, at: Date, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE agenda_move SET decision = 'refused', decided_by = $2, decided_at = $3, decision_reason = $4
        WHERE id = $1 AND decision = 'pending'`,
      [moveId, by, at, reason],
    );
  }
}
