import type {
  BlockedChaser,
  ChasedAction,
  ChaseControlRepository,
  ChaseHistoryRow,
} from '../core/chasing/chase-controls.js';
import type { VolunteeredAction } from '../core/chasing/volunteered.js';
import type { Queryable } from './db.js';

/** Pause, due-date extension, chase history and blocked chasers (core/chasing/chase-controls.ts). */
export class PgChaseControlStore implements ChaseControlRepository {
  constructor(private readonly db: Queryable) {}

  async getAction(actionId: string): Promise<ChasedAction | null> {
    const { rows } = await this.db.query<ChasedAction>(
      `SELECT id, area_id AS "areaId", reference, meeting_id AS "meetingId", state,
              to_char(due_on, 'YYYY-MM-DD') AS "dueOn", version, chase_paused_at AS "chasePausedAt"
         FROM action WHERE id = $1`,
      [actionId],
    );
    return rows[0] ?? null;
  }

  async setPaused(actionId: string, by: string, pausedAt: Date | null, now: Date): Promise<void> {
    await this.db.query(
      'UPDATE action SET chase_paused_at = $2, chase_paused_by = $3 WHERE id = $1',
      [actionId, pausedAt, pausedAt ? by : null],
    );
    await this.db.query(
      `INSERT INTO action_history (action_id, at, actor_person_id, event, changes) VALUES ($1, $2, $3, $4, '{}')`,
      [actionId, now, by, pausedAt ? 'chasing-paused' : 'chasing-resumed'],
    );
  }

  async extendDue(
    actionId: string,
    input: { from: string; to: string; reason: string; by: string; expectedVersion: number },
    now: Date,
  ): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE action SET due_on = $2::date, due_overridden = true, version = version + 1, updated_at = $4
        WHERE id = $1 AND version = $3 AND state = 'open'`,
      [actionId, input.to, input.expectedVersion, now],
    );
    if (rowCount === 0) return false;
    await this.db.query(
      `INSERT INTO action_history (action_id, at, actor_person_id, event, changes) VALUES ($1, $2, $3, 'due-extended', $4)`,
      [
        actionId,
        now,
        input.by,
        JSON.stringify({ dueOn: { from: input.from, to: input.to }, reason: input.reason }),
      ],
    );
    return true;
  }

  async chaseHistory(actionId: string): Promise<ChaseHistoryRow[]> {
    const { rows } = await this.db.query<ChaseHistoryRow>(
      `SELECT s.created_at AS at, s.step, to_char(s.due_on, 'YYYY-MM-DD') AS "dueOn",
              s.recipient_email AS "recipientEmail", p.display_name AS "recipientName",
              coalesce(o.state, 'pending') AS state, o.sent_at AS "sentAt",
              CASE WHEN o.state = 'failed' THEN o.last_error END AS problem
         FROM chase_step s
         LEFT JOIN outbox_mail o ON o.id = s.outbox_id
         LEFT JOIN person p ON p.id = s.recipient_person_id
        WHERE s.action_id = $1
       UNION ALL
       SELECT b.created_at, b.step, to_char(b.due_on, 'YYYY-MM-DD'), b.recipient_email, p.display_name,
              'blocked', NULL, b.reason
         FROM chase_blocked b LEFT JOIN person p ON p.id = b.recipient_person_id
        WHERE b.action_id = $1
        ORDER BY 1, 4`,
      [actionId],
    );
    return rows;
  }

  async volunteeredAfterMeeting(areaId: string): Promise<VolunteeredAction[]> {
    const { rows } = await this.db.query<VolunteeredAction>(
      `SELECT a.id, a.reference, c.case_number AS "caseReference", g.name AS "ownerAgencyName",
              a.description, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.version, a.meeting_id AS "meetingId"
         FROM action a
         JOIN marac_case c ON c.id = a.case_id
         JOIN agency g ON g.id = a.owner_agency_id
         JOIN meeting m ON m.id = a.meeting_id
        WHERE a.area_id = $1 AND a.state = 'volunteered'
          AND (m.status = 'ended' OR m.actual_end IS NOT NULL)
        ORDER BY m.scheduled_start, a.reference`,
      [areaId],
    );
    return rows;
  }

  async blocked(areaId: string, limit: number): Promise<BlockedChaser[]> {
    const { rows } = await this.db.query<BlockedChaser>(
      `SELECT b.created_at AS at, b.action_id AS "actionId", a.reference, b.step,
              b.recipient_email AS "recipientEmail", b.reason
         FROM chase_blocked b JOIN action a ON a.id = b.action_id
        WHERE a.area_id = $1
        ORDER BY b.created_at DESC, a.reference
        LIMIT $2`,
      [areaId, limit],
    );
    return rows;
  }
}
