import type {
  AgendaItemRecord,
  AgendaRepository,
  EarlierListings,
  MoveRecord,
  NewAgendaItem,
  SubjectInput,
} from '../core/agenda/agenda-repository.js';
import { PgCaseReturnStore } from './case-return-store.js';
import type { Queryable } from './db.js';

/** Cases, their subjects (personal data), agenda items and moves (REQUIREMENTS.md §3.5). */
export class PgAgendaStore implements AgendaRepository {
  constructor(private readonly db: Queryable) {}

  async listItems(meetingId: string): Promise<AgendaItemRecord[]> {
    const { rows } = await this.db.query<AgendaItemRecord>(
      `SELECT ai.id, ai.meeting_id AS "meetingId", ai.case_id AS "caseId", c.case_number AS "caseNumber",
              ai.position, ai.risk_level AS "riskLevel", ai.risk_score AS "riskScore", ai.is_repeat AS "isRepeat",
              ai.repeat_count AS "repeatCount", ai.last_heard_on AS "lastHeardOn", ai.is_closed_session AS "isClosedSession",
              ai.referring_agency_id AS "referringAgencyId", ai.planned_start AS "plannedStart",
              ai.planned_minutes AS "plannedMinutes", ai.added_after_circulation AS "addedAfterCirculation",
              ai.created_at AS "createdAt"
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = $1 ORDER BY ai.position, ai.created_at`,
      [meetingId],
    );
    return rows;
  }

  async findCaseId(areaId: string, caseNumber: string): Promise<string | null> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id FROM marac_case WHERE area_id = $1 AND upper(case_number) = upper($2)',
      [areaId, caseNumber],
    );
    return rows[0]?.id ?? null;
  }

  async insertCase(areaId: string, caseNumber: string, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO marac_case (area_id, case_number, status, created_at) VALUES ($1, $2, 'listed', $3) RETURNING id`,
      [areaId, caseNumber, now],
    );
    return (rows[0] as { id: string }).id;
  }

  async addSubjects(caseId: string, subjects: SubjectInput[], now: Date): Promise<void> {
    for (const s of subjects)
      await this.db.query(
        `INSERT INTO case_subject (case_id, kind, full_name, date_of_birth, address, created_at)
         SELECT $1, $2, $3, $4::date, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM case_subject WHERE case_id = $1 AND kind = $2
                              AND lower(full_name) = lower($3) AND date_of_birth IS NOT DISTINCT FROM $4::date)`,
        [caseId, s.kind, s.fullName, s.dateOfBirth, s.address, now],
      );
  }

  async insertItem(i: NewAgendaItem, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO agenda_item (meeting_id, case_id, position, risk_level, risk_score, is_repeat, repeat_count, last_heard_on,
         is_closed_session, referring_agency_id, agencies_involved, children_count, planned_minutes, referred_on, incident_on,
         summary, added_after_circulation, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
      [
        i.meetingId,
        i.caseId,
        i.position,
        i.riskLevel,
        i.riskScore,
        i.isRepeat,
        i.repeatCount,
        i.lastHeardOn,
        i.isClosedSession,
        i.referringAgencyId,
        i.agenciesInvolved,
        i.childrenCount,
        i.plannedMinutes,
        i.referredOn,
        i.incidentOn,
        i.summary,
        i.addedAfterCirculation,
        now,
      ],
    );
    const id = (rows[0] as { id: string }).id;
    // The return data the import carried (FR-118); only fields it had, the rest not collected.
    if (i.returnData && Object.values(i.returnData).some((v) => v !== null))
      await new PgCaseReturnStore(this.db).save(id, i.returnData, i.isRepeat, null, now);
    return id;
  }

  async setPermittedPeople(itemId: string, personIds: string[]): Promise<void> {
    await this.db.query('DELETE FROM agenda_item_permitted_person WHERE agenda_item_id = $1', [
      itemId,
    ]);
    for (const personId of new Set(personIds))
      await this.db.query(
        'INSERT INTO agenda_item_permitted_person (agenda_item_id, person_id) VALUES ($1, $2)',
        [itemId, personId],
      );
  }

  async setSchedule(items: { id: string; position: number; plannedStart: Date }[]): Promise<void> {
    for (const item of items)
      await this.db.query(
        'UPDATE agenda_item SET position = $2, planned_start = $3 WHERE id = $1',
        [item.id, item.position, item.plannedStart],
      );
  }

  async setPlannedMinutes(itemId: string, minutes: number): Promise<void> {
    await this.db.query('UPDATE agenda_item SET planned_minutes = $2 WHERE id = $1', [
      itemId,
      minutes,
    ]);
  }

  async moveItemToMeeting(
    itemId: string,
    meetingId: string,
    addedAfterCirculation: boolean,
  ): Promise<void> {
    // A per-case declaration was for the old meeting; the new one asks again.
    await this.db.query('DELETE FROM declaration WHERE agenda_item_id = $1', [itemId]);
    await this.db.query(
      `UPDATE agenda_item SET meeting_id = $2, added_after_circulation = $3, next_notice_sent_at = NULL
        WHERE id = $1`,
      [itemId, meetingId, addedAfterCirculation],
    );
  }

  async removeItem(
    item: { id: string; meetingId: string; caseId: string },
    removal: { areaId: string; reason: string; removedBy: string; removedAt: Date },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO agenda_removal (area_id, meeting_id, case_id, reason, removed_by, removed_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        removal.areaId,
        item.meetingId,
        item.caseId,
        removal.reason,
        removal.removedBy,
        removal.removedAt,
      ],
    );
    await this.db.query('DELETE FROM declaration WHERE agenda_item_id = $1', [item.id]);
    await this.db.query('DELETE FROM agenda_item WHERE id = $1', [item.id]);
  }

  async earlierListings(input: {
    areaId: string;
    caseNumber: string;
    victim: { fullName: string; dateOfBirth: string | null } | null;
    perpetratorName: string | null;
    before: Date;
    since: Date;
  }): Promise<EarlierListings> {
    const { rows } = await this.db.query<{ n: number; last: Date | null }>(
      `SELECT count(DISTINCT m.id)::int AS n, max(m.scheduled_start) AS last
         FROM agenda_item ai
         JOIN meeting m ON m.id = ai.meeting_id
         JOIN marac_case c ON c.id = ai.case_id
        WHERE c.area_id = $1 AND m.status <> 'cancelled'
          AND m.scheduled_start < $2 AND m.scheduled_start >= $3
          AND (upper(c.case_number) = upper($4)
               OR ($5::text IS NOT NULL AND $7::text IS NOT NULL
                   AND EXISTS (SELECT 1 FROM case_subject v WHERE v.case_id = c.id AND v.kind = 'victim'
                                 AND lower(v.full_name) = lower($5)
                                 AND ($6::date IS NULL OR v.date_of_birth IS NULL OR v.date_of_birth = $6::date))
                   AND EXISTS (SELECT 1 FROM case_subject p WHERE p.case_id = c.id AND p.kind = 'perpetrator'
                                 AND lower(p.full_name) = lower($7))))`,
      [
        input.areaId,
        input.before,
        input.since,
        input.caseNumber,
        input.victim?.fullName ?? null,
        input.victim?.dateOfBirth ?? null,
        input.perpetratorName,
      ],
    );
    return { count: rows[0]?.n ?? 0, lastHeardAt: rows[0]?.last ?? null };
  }

  async insertMove(m: Omit<MoveRecord, 'id'>): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO agenda_move (agenda_item_id, agency_id, requested_by, requested_at, from_position, to_position, meeting_day,
         decision, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        m.agendaItemId,
        m.agencyId,
        m.requestedBy,
        m.requestedAt,
        m.fromPosition,
        m.toPosition,
        m.meetingDay,
        m.decision,
        m.decidedBy,
        m.decidedAt,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async getMove(moveId: string): Promise<MoveRecord | null> {
    const { rows } = await this.db.query<MoveRecord>(`${MOVE_SELECT} WHERE id = $1`, [moveId]);
    return rows[0] ?? null;
  }

  async decideMove(moveId: string, decision: 'approved' | 'refused', by: string, at: Date) {
    await this.db.query(
      'UPDATE agenda_move SET decision = $2, decided_by = $3, decided_at = $4 WHERE id = $1',
      [moveId, decision, by, at],
    );
  }

  async listMoves(meetingId: string): Promise<MoveRecord[]> {
    const { rows } = await this.db.query<MoveRecord>(
      `${MOVE_SELECT} WHERE agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = $1) ORDER BY requested_at`,
      [meetingId],
    );
    return rows;
  }

  async approvedMovesOnDay(agencyId: string, meetingDay: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agenda_move WHERE agency_id = $1 AND meeting_day = $2 AND decision = 'approved'`,
      [agencyId, meetingDay],
    );
    return rows[0]?.n ?? 0;
  }
}

const MOVE_SELECT = `SELECT id, agenda_item_id AS "agendaItemId", agency_id AS "agencyId", requested_by AS "requestedBy",
  requested_at AS "requestedAt", from_position AS "fromPosition", to_position AS "toPosition", meeting_day AS "meetingDay",
  decision, decided_by AS "decidedBy", decided_at AS "decidedAt" FROM agenda_move`;
