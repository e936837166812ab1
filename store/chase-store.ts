import type { ChaseCandidate, ChaseRecipient } from '../core/chasing/chase-plan.js';
import type { BlockedRow, ChaseRepository, StepRow } from '../core/chasing/chase-run.js';
import type { FeedbackCandidate } from '../core/actions/victim-feedback.js';
import type { Queryable } from './db.js';

/**
 * Chase ladder storage: which open actions are near or past due, which chasers were
 * recorded (chase_step: one row per action, step and recipient, its primary key making each
 * step happen once), and the per-agency escalation contacts.
 */
export class PgChaseStore implements ChaseRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Open actions of an area due on or before `dueOnOrBefore`. The scan reads only the columns it
   * needs through the partial index action_open_area_due_idx (area_id, due_on) WHERE state =
   * 'open' (see the chase-scan bench); who is told (owner or the agency's representatives,
   * deputies, escalation contact), the case number and the agency name are then read once per
   * distinct case, agency and owner, not once per action: most due actions share them.
   */
  async openActionsDue(areaId: string, dueOnOrBefore: string): Promise<ChaseCandidate[]> {
    const { rows } = await this.db.query<DueRow & { people: PeopleLookup | null }>(CHASE_SCAN_SQL, [
      areaId,
      dueOnOrBefore,
    ]);
    if (rows.length === 0) return [];
    const people = rows[0]?.people as PeopleLookup;
    return rows.map((r) => {
      const agency = people.agencies[r.owner_agency_id];
      const owner = r.owner_person_id ? people.owners[r.owner_person_id] : undefined;
      return toCandidate({
        id: r.id,
        reference: r.reference,
        case_number: people.cases[r.case_id] as string,
        due_on: r.due_on,
        agency_name: agency?.name ?? '',
        owner_id: owner?.active ? r.owner_person_id : null,
        owner_email: owner?.active ? owner.email : null,
        owner_name: owner?.active ? owner.name : null,
        reps: r.owner_person_id === null ? (agency?.reps ?? []) : [],
        deputies:
          r.owner_person_id === null
            ? [...(agency?.repDeputies ?? [])].sort((a, b) => a.email.localeCompare(b.email))
            : (owner?.deputies ?? []),
        escalation_email: agency?.escalationEmail ?? null,
        escalation_name: agency?.escalationName ?? null,
        coordinators: people.coordinators ?? [],
      });
    });
  }

  async candidatesByIds(areaId: string, actionIds: string[]): Promise<ChaseCandidate[]> {
    const { rows } = await this.db.query<CandidateRow>(
      `${CANDIDATE_SELECT} WHERE a.state = 'open' AND a.area_id = $1 AND a.id = ANY($2::uuid[])
          AND a.chase_paused_at IS NULL
        ORDER BY a.reference`,
      [areaId, actionIds],
    );
    return rows.map(toCandidate);
  }

  /** Open actions agreed at a meeting that has ended and whose owners were not yet told (FR-087). */
  async newActionsToNotify(areaId: string): Promise<ChaseCandidate[]> {
    const { rows } = await this.db.query<CandidateRow>(
      `${CANDIDATE_SELECT}
         JOIN meeting m ON m.id = a.meeting_id
        WHERE a.state = 'open' AND a.area_id = $1
          AND (m.status = 'ended' OR m.actual_end IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM chase_step s WHERE s.action_id = a.id AND s.step = 'assigned')
        ORDER BY a.reference`,
      [areaId],
    );
    return rows.map(toCandidate);
  }

  async stepsFor(actionIds: string[]): Promise<StepRow[]> {
    if (actionIds.length === 0) return [];
    const { rows } = await this.db.query<StepRow>(
      `SELECT s.action_id AS "actionId", s.step, s.recipient_email AS email
         FROM chase_step s JOIN action a ON a.id = s.action_id AND a.due_on = s.due_on
        WHERE s.action_id = ANY($1::uuid[])`,
      [actionIds],
    );
    return rows;
  }

  async claimSteps(
    rows: (StepRow & { personId: string | null; dueOn: string })[],
    now: Date,
  ): Promise<StepRow[]> {
    const claimed: StepRow[] = [];
    for (const r of rows) {
      const { rows: inserted } = await this.db.query(
        `INSERT INTO chase_step (action_id, step, recipient_person_id, recipient_email, due_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING action_id`,
        [r.actionId, r.step, r.personId, r.email, r.dueOn, now],
      );
      if (inserted.length > 0) claimed.push({ actionId: r.actionId, step: r.step, email: r.email });
    }
    return claimed;
  }

  /** Recipients the allowed domains refused (or no recipient at all), once per step. */
  async recordBlocked(rows: BlockedRow[], now: Date): Promise<number> {
    let added = 0;
    for (const r of rows) {
      const { rows: inserted } = await this.db.query(
        `INSERT INTO chase_blocked (action_id, step, recipient_email, recipient_person_id, due_on, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING action_id`,
        [r.actionId, r.step, r.email, r.personId, r.dueOn, r.reason, now],
      );
      added += inserted.length;
    }
    return added;
  }

  async attachOutbox(rows: StepRow[], outboxId: string): Promise<void> {
    for (const r of rows)
      await this.db.query(
        `UPDATE chase_step SET outbox_id = $4
          WHERE action_id = $1 AND step = $2 AND recipient_email = $3 AND outbox_id IS NULL`,
        [r.actionId, r.step, r.email, outboxId],
      );
  }

  /** FR-081: agenda items of meetings that ended since `since`, with their feedback actions. */
  async endedAgendaItems(areaId: string, since: Date): Promise<FeedbackCandidate[]> {
    const { rows } = await this.db.query<FeedbackCandidate>(
      `SELECT ai.id AS "agendaItemId", ai.case_id AS "caseId", coalesce(m.parent_meeting_id, m.id) AS "meetingId",
              coalesce(m.actual_end, m.scheduled_end) AS "meetingEnd", ai.victim_aware_of_referral AS "victimAwareOfReferral",
              EXISTS (SELECT 1 FROM action x WHERE x.case_id = ai.case_id AND x.meeting_id = coalesce(m.parent_meeting_id, m.id)
                        AND x.action_type = 'victim-feedback') AS "hasFeedback",
              EXISTS (SELECT 1 FROM action x WHERE x.case_id = ai.case_id AND x.meeting_id = coalesce(m.parent_meeting_id, m.id)
                        AND x.action_type = 'inform-victim') AS "hasInform"
         FROM agenda_item ai
         JOIN meeting m ON m.id = ai.meeting_id
         JOIN meeting main ON main.id = coalesce(m.parent_meeting_id, m.id)
        WHERE m.area_id = $1 AND (main.status = 'ended' OR main.actual_end IS NOT NULL)
          AND coalesce(main.actual_end, main.scheduled_end) >= $2
          AND coalesce(ai.outcome, 'actions-agreed') <> 'completed-before-marac'
        ORDER BY m.scheduled_start, ai.position`,
      [areaId, since],
    );
    return rows;
  }

  /** FR-081: the IDVA service of the area (approved) and its representative, if any. */
  async feedbackOwner(
    areaId: string,
  ): Promise<{ agencyId: string; personId: string | null } | null> {
    const { rows } = await this.db.query<{ agencyId: string; personId: string | null }>(
      `SELECT g.id AS "agencyId",
              (SELECT p.id FROM person p JOIN person_role r ON r.person_id = p.id AND r.role = 'representative'
                WHERE p.agency_id = g.id AND p.is_active ORDER BY p.display_name LIMIT 1) AS "personId"
         FROM agency g WHERE g.area_id = $1 AND g.sector = 'idva' AND g.membership_status = 'approved'
        ORDER BY g.is_core DESC, g.name LIMIT 1`,
      [areaId],
    );
    return rows[0] ?? null;
  }

  /** Records a chaser against the action (FR-079) and raises its escalation level (FR-075). */
  async noteChased(
    actionId: string,
    step: string,
    level: number,
    recipients: number,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      'UPDATE action SET escalation_level = greatest(escalation_level, $2) WHERE id = $1',
      [actionId, level],
    );
    await this.db.query(
      `INSERT INTO action_history (action_id, at, actor_person_id, event, changes) VALUES ($1, $2, NULL, $3, $4)`,
      [
        actionId,
        now,
        step === 'assigned' ? 'owner-notified' : level >= 2 ? 'escalated' : 'chased',
        JSON.stringify({ step, recipients, escalationLevel: level }),
      ],
    );
  }
}

const CANDIDATE_SELECT = `
  SELECT a.id, a.reference, c.case_number, a.due_on, g.name AS agency_name,
         p.id AS owner_id, p.email AS owner_email, p.display_name AS owner_name,
         coalesce((SELECT json_agg(json_build_object('id', r.id, 'email', r.email, 'name', r.display_name) ORDER BY r.email)
                     FROM person r JOIN person_role pr ON pr.person_id = r.id AND pr.role = 'representative'
                    WHERE a.owner_person_id IS NULL AND r.agency_id = a.owner_agency_id AND r.is_active), '[]'::json) AS reps,
         coalesce((SELECT json_agg(json_build_object('id', d.id, 'email', d.email, 'name', d.display_name) ORDER BY d.email)
                     FROM deputy_link dl JOIN person d ON d.id = dl.deputy_person_id
                    WHERE d.is_active
                      AND (dl.representative_person_id = a.owner_person_id
                           OR (a.owner_person_id IS NULL AND dl.representative_person_id IN (
                                SELECT r.id FROM person r JOIN person_role pr ON pr.person_id = r.id AND pr.role = 'representative'
                                 WHERE r.agency_id = a.owner_agency_id AND r.is_active)))), '[]'::json) AS deputies,
         coalesce((SELECT json_agg(json_build_object('id', k.id, 'email', k.email, 'name', k.display_name) ORDER BY k.email)
                     FROM person k JOIN person_role kr ON kr.person_id = k.id AND kr.role = 'coordinator'
                    WHERE k.area_id = a.area_id AND k.is_active), '[]'::json) AS coordinators,
         coalesce(g.escalation_contact_email, g.strategic_lead_email) AS escalation_email,
         coalesce(g.escalation_contact_name, g.strategic_lead_name) AS escalation_name
    FROM action a
    JOIN marac_case c ON c.id = a.case_id
    JOIN agency g ON g.id = a.owner_agency_id
    LEFT JOIN person p ON p.id = a.owner_person_id AND p.is_active`;

/**
 * The daily chase scan for one area ($1) up to a day ($2), in one round trip; exported for the
 * bench's EXPLAIN. `due` reads only the columns the chase needs, through the partial index
 * action_open_area_due_idx; `people` looks up each distinct case, agency and owner once, by
 * primary key (= ANY of an array: an IN over the CTE was planned as a scan of every case).
 */
export const CHASE_SCAN_SQL = `WITH due AS (
    SELECT a.id, a.reference, a.case_id, a.due_on, a.owner_agency_id, a.owner_person_id
      FROM action a
     WHERE a.state = 'open' AND a.area_id = $1 AND a.due_on <= $2::date AND a.chase_paused_at IS NULL)
  SELECT due.*,
    -- Once, on the first row: each distinct case, agency and owner.
    CASE WHEN row_number() OVER (ORDER BY due.due_on, due.reference) = 1 THEN json_build_object(
      'cases', (SELECT coalesce(json_object_agg(c.id, c.case_number), '{}') FROM marac_case c
                 WHERE c.id = ANY (ARRAY(SELECT DISTINCT case_id FROM due))),
      'agencies', (SELECT coalesce(json_object_agg(g.id, json_build_object('name', g.name,
            'escalationEmail', coalesce(g.escalation_contact_email, g.strategic_lead_email),
            'escalationName', coalesce(g.escalation_contact_name, g.strategic_lead_name),
            -- The representatives are needed only for agencies with an action nobody owns.
            'reps', CASE WHEN g.id IN (SELECT owner_agency_id FROM due WHERE owner_person_id IS NULL)
              THEN coalesce((
                SELECT json_agg(json_build_object('id', r.id, 'email', r.email, 'name', r.display_name) ORDER BY r.email)
                  FROM person r JOIN person_role pr ON pr.person_id = r.id AND pr.role = 'representative'
                 WHERE r.agency_id = g.id AND r.is_active), '[]'::json)
              ELSE '[]'::json END,
            -- ...and so are their deputies, chased alongside them for agency-owned actions.
            'repDeputies', CASE WHEN g.id IN (SELECT owner_agency_id FROM due WHERE owner_person_id IS NULL)
              THEN coalesce((
                SELECT json_agg(DISTINCT jsonb_build_object('id', d.id, 'email', d.email, 'name', d.display_name))
                  FROM person r JOIN person_role pr ON pr.person_id = r.id AND pr.role = 'representative'
                  JOIN deputy_link dl ON dl.representative_person_id = r.id
                  JOIN person d ON d.id = dl.deputy_person_id AND d.is_active
                 WHERE r.agency_id = g.id AND r.is_active), '[]'::json)
              ELSE '[]'::json END)), '{}')
            FROM agency g WHERE g.id = ANY (ARRAY(SELECT DISTINCT owner_agency_id FROM due))),
      'owners', (SELECT coalesce(json_object_agg(p.id, json_build_object('email', p.email, 'name', p.display_name,
            'active', p.is_active,
            'deputies', coalesce((
              SELECT json_agg(json_build_object('id', d.id, 'email', d.email, 'name', d.display_name) ORDER BY d.email)
                FROM deputy_link dl JOIN person d ON d.id = dl.deputy_person_id
               WHERE dl.representative_person_id = p.id AND d.is_active), '[]'::json))), '{}')
            FROM person p WHERE p.id = ANY (ARRAY(SELECT DISTINCT owner_person_id FROM due))),
      -- Escalation goes to them when an agency has no escalation contact.
      'coordinators', (SELECT coalesce(json_agg(json_build_object('id', k.id, 'email', k.email, 'name', k.display_name) ORDER BY k.email), '[]')
            FROM person k JOIN person_role kr ON kr.person_id = k.id AND kr.role = 'coordinator'
           WHERE k.area_id = $1 AND k.is_active)) END AS people
    FROM due ORDER BY due.due_on, due.reference`;

interface DueRow {
  id: string;
  reference: string;
  case_id: string;
  due_on: string;
  owner_agency_id: string;
  owner_person_id: string | null;
}

type Person = { id: string; email: string; name: string };
interface PeopleLookup {
  cases: Record<string, string>;
  agencies: Record<
    string,
    {
      name: string;
      escalationEmail: string | null;
      escalationName: string | null;
      reps: Person[];
      repDeputies: Person[];
    }
  >;
  owners: Record<string, { email: string; name: string; active: boolean; deputies: Person[] }>;
  coordinators: Person[];
}

interface CandidateRow {
  id: string;
  reference: string;
  case_number: string;
  due_on: string;
  agency_name: string;
  owner_id: string | null;
  owner_email: string | null;
  owner_name: string | null;
  reps: { id: string; email: string; name: string }[];
  deputies: { id: string; email: string; name: string }[];
  escalation_email: string | null;
  escalation_name: string | null;
  coordinators: { id: string; email: string; name: string }[];
}

function toCandidate(r: CandidateRow): ChaseCandidate {
  const person = (p: { id: string; email: string; name: string }): ChaseRecipient => ({
    personId: p.id,
    email: p.email.toLowerCase(),
    name: p.name,
  });
  return {
    actionId: r.id,
    reference: r.reference,
    caseReference: r.case_number,
    dueOn: r.due_on,
    ownerAgencyName: r.agency_name,
    owner: r.owner_email
      ? [
          {
            personId: r.owner_id,
            email: r.owner_email.toLowerCase(),
            name: r.owner_name ?? undefined,
          },
        ]
      : r.reps.map(person),
    deputies: r.deputies.map(person),
    escalation: r.escalation_email
      ? [
          {
            personId: null,
            email: r.escalation_email.toLowerCase(),
            name: r.escalation_name ?? undefined,
          },
        ]
      : [],
    coordinators: r.coordinators.map(person),
  };
}
