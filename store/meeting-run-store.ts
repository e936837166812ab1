import {
  CHECKLIST_ITEMS,
  type AgencyRef,
  type OpeningChecklist,
  type RunAction,
  type RunAgendaItem,
  type RunMeeting,
  type UnheardOutcome,
} from '../core/meeting-run/model.js';
import type {
  MeetingRunRepository,
  PostedCardRecord,
  RunActor,
  RunPerson,
} from '../core/meeting-run/ports.js';
import { pickOccurrence } from '../core/attendance/occurrence.js';
import type { SubjectRecord } from '../core/personal-data/index.js';
import type { Role } from '../core/roles.js';
import type { NewAction } from '../core/actions/action-repository.js';
import { createActionStatement } from './action-store.js';
import type { Queryable } from './db.js';

/**
 * The meeting run on PostgreSQL / PGlite: agenda progress (agenda_item actual start/end), the
 * opening checklist, posted cards (for updates and redaction), invoke idempotency and the
 * Teams user ids seen (migration 0450). Actions are written through the action store;
 * they are read here with what the cards need (owner names, the FR-052 acknowledgement).
 */
export class PgMeetingRunStore implements MeetingRunRepository {
  constructor(private readonly db: Queryable) {}

  async getMeeting(meetingId: string): Promise<RunMeeting | null> {
    if (!isUuid(meetingId)) return null;
    const { rows } = await this.db.query<MeetingRow>(`${MEETING_SELECT} WHERE m.id = $1`, [
      meetingId,
    ]);
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  async findMeetingByConversation(conversationId: string, at: Date): Promise<RunMeeting | null> {
    const thread = conversationId.split(';')[0] as string;
    const { rows } = await this.db.query<MeetingRow & { scheduled_end: Date }>(
      `${MEETING_SELECT.replace('m.scheduled_start,', 'm.scheduled_start, m.scheduled_end,')}
        WHERE m.chat_thread_id = $1 OR m.conversation_reference->'conversation'->>'id' = $2`,
      [thread, conversationId],
    );
    // A series' occurrences share the chat: the one running or held at `at` is meant.
    const picked = pickOccurrence(
      rows.map((r) => ({ ...toMeeting(r), scheduledEnd: r.scheduled_end })),
      at,
    );
    if (!picked) return null;
    const { scheduledEnd: _end, ...meeting } = picked;
    return meeting;
  }

  async rememberConversation(meetingId: string, reference: unknown): Promise<void> {
    // The chat (and so the reference) is the series': occurrences still to come get it too.
    await this.db.query(
      `UPDATE meeting o SET conversation_reference = $2
         FROM meeting m
        WHERE m.id = $1 AND o.conversation_reference IS NULL
          AND (o.id = m.id OR (m.chat_thread_id IS NOT NULL AND o.chat_thread_id = m.chat_thread_id
               AND o.status NOT IN ('ended', 'cancelled')))`,
      [meetingId, reference],
    );
  }

  async listAgenda(meetingId: string): Promise<RunAgendaItem[]> {
    const { rows } = await this.db.query<AgendaRow>(
      `SELECT ai.id, ai.case_id, ai.position, c.case_number, ai.planned_start, ai.planned_minutes,
              ai.actual_start, ai.actual_end, ai.is_closed_session, ai.agencies_involved,
              ai.referring_agency_id, (ai.victim_views IS NOT NULL AND ai.victim_views <> '') AS victim_views_recorded,
              ai.actions_confirmed_at, ai.next_notice_sent_at, ai.unheard_outcome, ai.unheard_reason,
              ai.carried_to_meeting_id
         FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
        WHERE ai.meeting_id = $1 ORDER BY ai.position`,
      [meetingId],
    );
    return rows.map((r) => ({
      agendaItemId: r.id,
      caseId: r.case_id,
      position: r.position,
      caseReference: r.case_number,
      plannedStart: r.planned_start,
      plannedMinutes: r.planned_minutes,
      actualStart: r.actual_start,
      actualEnd: r.actual_end,
      isClosedSession: r.is_closed_session,
      agenciesInvolved: r.agencies_involved ?? [],
      referringAgencyId: r.referring_agency_id,
      victimViewsRecorded: r.victim_views_recorded,
      actionsConfirmedAt: r.actions_confirmed_at,
      nextNoticeSentAt: r.next_notice_sent_at,
      unheard: r.unheard_outcome
        ? {
            outcome: r.unheard_outcome,
            reason: r.unheard_reason,
            carriedToMeetingId: r.carried_to_meeting_id,
          }
        : null,
    }));
  }

  async listActions(meetingId: string): Promise<RunAction[]> {
    const { rows } = await this.db.query<ActionRow>(
      `${ACTION_SELECT} WHERE a.meeting_id = $1 ORDER BY length(a.reference), a.reference`,
      [meetingId],
    );
    return rows.map(toAction);
  }

  async listCaseActions(meetingId: string, agendaItemId: string): Promise<RunAction[]> {
    // One JSON value rather than a row per action: the cards read this on every change, and
    // PGlite decodes each field of each row in JavaScript.
    const { rows } = await this.db.query<{ actions: RunAction[] }>(
      `SELECT coalesce(json_agg(${ACTION_JSON} ORDER BY length(a.reference), a.reference), '[]'::json) AS actions
         ${ACTION_JOINS} WHERE a.meeting_id = $1 AND a.agenda_item_id = $2`,
      [meetingId, agendaItemId],
    );
    return rows[0]?.actions ?? [];
  }

  async volunteerAction(request: {
    action: NewAction;
    actorPersonId: string;
    acknowledged: boolean;
    claim: { invokeId: string; verb: string } | null;
    now: Date;
  }): Promise<{ created: RunAction; caseActions: RunAction[] } | null> {
    // One statement, so one round trip and no transaction around it: the invoke's claim, the
    // action with its reference and history (store/action-store.ts), the audit row, and the
    // case's actions as the card shows them (this statement's snapshot plus the new one).
    const { action, actorPersonId, claim, now } = request;
    const claimCte = claim
      ? `claim AS (INSERT INTO card_invoke (invoke_id, meeting_id, person_id, verb, at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (invoke_id) DO NOTHING RETURNING invoke_id),`
      : '';
    const claimParams = claim
      ? [claim.invokeId, action.meetingId, actorPersonId, claim.verb, now]
      : [];
    const insert = createActionStatement(action, actorPersonId, now, {
      first: claimParams.length + 1,
      gate: claim ? 'EXISTS (SELECT 1 FROM claim)' : undefined,
      acknowledgedBy: request.acknowledged ? actorPersonId : null,
    });
    const n = claimParams.length + insert.params.length;
    const { rows } = await this.db.query<{ created: RunAction | null; others: RunAction[] }>(
      `WITH ${claimCte} ${insert.ctes},
         audit AS (
           INSERT INTO audit_log (at, area_id, actor_person_id, actor_kind, action, record_type, record_id, meeting_id)
           SELECT $${n + 1}, created.area_id, $${n + 2}::uuid, 'person', 'action.volunteer', 'action', created.id::text, created.meeting_id
             FROM created)
       SELECT (SELECT ${ACTION_JSON} ${ACTION_JOINS.replace('action a', 'created a')}) AS created,
              (SELECT coalesce(json_agg(${ACTION_JSON} ORDER BY length(a.reference), a.reference), '[]'::json)
                 ${ACTION_JOINS} WHERE a.meeting_id = $${n + 3} AND a.agenda_item_id = $${n + 4}) AS others`,
      [...claimParams, ...insert.params, now, actorPersonId, action.meetingId, action.agendaItemId],
    );
    const { created, others } = rows[0] as { created: RunAction | null; others: RunAction[] };
    if (!created) return null;
    const caseActions = [...others, created].sort(
      (a, b) =>
        a.reference.length - b.reference.length ||
        (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
    );
    return { created, caseActions };
  }

  async getAction(actionId: string) {
    if (!isUuid(actionId)) return null;
    const { rows } = await this.db.query<ActionRow>(`${ACTION_SELECT} WHERE a.id = $1`, [actionId]);
    return rows[0] ? { ...toAction(rows[0]), meetingId: rows[0].meeting_id } : null;
  }

  async listOutstanding(caseId: string, meetingId: string) {
    const { rows } = await this.db.query<{ reference: string; name: string; due_on: string }>(
      `SELECT a.reference, ag.name, a.due_on FROM action a JOIN agency ag ON ag.id = a.owner_agency_id
        WHERE a.case_id = $1 AND a.state = 'open' AND a.meeting_id IS DISTINCT FROM $2
        ORDER BY a.due_on, a.reference`,
      [caseId, meetingId],
    );
    return rows.map((r) => ({ reference: r.reference, ownerAgencyName: r.name, dueOn: r.due_on }));
  }

  async caseSubjects(caseId: string) {
    const { rows } = await this.db.query<{
      kind: string;
      full_name: string;
      date_of_birth: string | null;
      address: string | null;
    }>('SELECT kind, full_name, date_of_birth, address FROM case_subject WHERE case_id = $1', [
      caseId,
    ]);
    return rows.map((r) => ({
      kind: r.kind,
      fullName: r.full_name,
      dateOfBirth: r.date_of_birth,
      address: r.address,
    }));
  }

  async meetingSubjects(meetingId: string): Promise<SubjectRecord[]> {
    const { rows } = await this.db.query<{
      case_id: string;
      kind: string;
      full_name: string;
      aliases: string | null;
      date_of_birth: string | null;
      address: string | null;
    }>(
      `SELECT s.case_id, s.kind, s.full_name, s.aliases, to_char(s.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
              s.address
         FROM case_subject s JOIN agenda_item i ON i.case_id = s.case_id
        WHERE i.meeting_id = $1`,
      [meetingId],
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

  async listAgencies(areaId: string): Promise<AgencyRef[]> {
    const { rows } = await this.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agency WHERE area_id = $1 AND membership_status = 'approved'
          AND signatory_authority_confirmed ORDER BY name`,
      [areaId],
    );
    return rows;
  }

  async presentAgencyIds(meetingId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ agency_id: string }>(
      `SELECT DISTINCT p.agency_id FROM attendance_interval ai JOIN person p ON p.id = ai.person_id
        WHERE ai.meeting_id = $1 AND ai.left_at IS NULL AND p.agency_id IS NOT NULL`,
      [meetingId],
    );
    return rows.map((r) => r.agency_id);
  }

  async meetingPeople(meetingId: string): Promise<RunPerson[]> {
    const { rows } = await this.db.query<PersonRow>(
      `SELECT p.id, p.agency_id, p.entra_object_id FROM person p
        WHERE p.id IN (SELECT person_id FROM meeting_invitee WHERE meeting_id = $1
                       UNION SELECT unnest(ARRAY[chair_person_id, deputy_chair_person_id, delegate_chair_person_id])
                         FROM meeting WHERE id = $1)
        ORDER BY p.display_name`,
      [meetingId],
    );
    return rows.map(toPerson);
  }

  async caseInvitees(agendaItemId: string): Promise<RunPerson[]> {
    // FR-069: people permitted for this case, people invited for this case alone
    // (core/case-people), and case-specific invitees (referrers, keyworkers) of the agencies
    // involved in it.
    const { rows } = await this.db.query<PersonRow>(
      `SELECT p.id, p.agency_id, p.entra_object_id FROM person p
        WHERE p.id IN (
          SELECT person_id FROM agenda_item_permitted_person WHERE agenda_item_id = $1
          UNION
          SELECT person_id FROM case_person WHERE agenda_item_id = $1
          UNION
          SELECT mi.person_id FROM meeting_invitee mi JOIN agenda_item ai ON ai.meeting_id = mi.meeting_id
           WHERE ai.id = $1 AND mi.kind IN ('case-specific', 'referrer', 'keyworker')
             AND (mi.agency_id = ANY(ai.agencies_involved) OR mi.agency_id = ai.referring_agency_id)
             AND NOT EXISTS (SELECT 1 FROM case_person cp
                              WHERE cp.meeting_id = mi.meeting_id AND cp.person_id = mi.person_id))`,
      [agendaItemId],
    );
    return rows.map(toPerson);
  }

  async findPersonByEntraId(entraObjectId: string) {
    return this.person('p.entra_object_id = $1', entraObjectId);
  }

  async findPersonById(personId: string) {
    if (!isUuid(personId)) return null;
    return this.person('p.id = $1', personId);
  }

  private async person(where: string, value: string): Promise<(RunActor & RunPerson) | null> {
    const { rows } = await this.db.query<PersonRow & { area_id: string; roles: Role[] }>(
      `SELECT p.id, p.area_id, p.agency_id, p.entra_object_id,
              coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM person p LEFT JOIN person_role r ON r.person_id = p.id
        WHERE ${where} AND p.is_active GROUP BY p.id`,
      [value],
    );
    const r = rows[0];
    return r ? { ...toPerson(r), areaId: r.area_id, roles: r.roles } : null;
  }

  async setChecklist(meetingId: string, checklist: OpeningChecklist, actorId: string, now: Date) {
    // FR-045: the confidentiality statement's reading is timestamped.
    await this.db.query(
      `UPDATE meeting SET opening_checklist = $2, updated_at = $4,
              confidentiality_read_at = CASE WHEN $5::boolean THEN coalesce(confidentiality_read_at, $4) ELSE NULL END,
              confidentiality_read_by = CASE WHEN $5::boolean THEN coalesce(confidentiality_read_by, $3::uuid) ELSE NULL END
        WHERE id = $1`,
      [meetingId, checklist, actorId, now, checklist.confidentialityRead],
    );
  }

  async startItem(meetingId: string, agendaItemId: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE agenda_item SET actual_start = $3 WHERE id = $2 AND meeting_id = $1 AND actual_start IS NULL',
      [meetingId, agendaItemId, now],
    );
    await this.db.query(
      `UPDATE meeting SET status = 'in-progress', actual_start = coalesce(actual_start, $2), updated_at = $2
        WHERE id = $1 AND status NOT IN ('ended', 'cancelled')`,
      [meetingId, now],
    );
    return rowCount > 0;
  }

  async endItem(agendaItemId: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE agenda_item SET actual_end = $2 WHERE id = $1 AND actual_start IS NOT NULL AND actual_end IS NULL',
      [agendaItemId, now],
    );
    return rowCount > 0;
  }

  async recordUnheard(
    agendaItemId: string,
    record: {
      outcome: UnheardOutcome;
      reason: string | null;
      decidedBy: string | null;
      carriedToMeetingId: string | null;
      now: Date;
    },
  ): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE agenda_item SET unheard_outcome = $2, unheard_reason = $3, unheard_decided_by = $4,
              carried_to_meeting_id = $5, unheard_recorded_at = $6
        WHERE id = $1 AND actual_start IS NULL AND unheard_outcome IS NULL`,
      [
        agendaItemId,
        record.outcome,
        record.reason,
        record.decidedBy,
        record.carriedToMeetingId,
        record.now,
      ],
    );
    return rowCount > 0;
  }

  async nextOpenMeeting(meetingId: string): Promise<{ id: string; circulated: boolean } | null> {
    const { rows } = await this.db.query<{ id: string; circulated: boolean }>(
      `SELECT n.id, n.circulated_at IS NOT NULL AS circulated
         FROM meeting m JOIN meeting n ON n.area_id = m.area_id AND n.id <> m.id
          AND n.scheduled_start > m.scheduled_start AND n.kind <> 'closed'
          AND n.status NOT IN ('cancelled', 'ended', 'in-progress')
        WHERE m.id = $1 ORDER BY n.scheduled_start LIMIT 1`,
      [meetingId],
    );
    return rows[0] ?? null;
  }

  async carryForward(agendaItemId: string, toMeetingId: string, now: Date): Promise<boolean> {
    // The case's research and slot details go with it, at the end of the next agenda (the
    // coordinator orders it there); a case already on that agenda is left as it is.
    const { rowCount } = await this.db.query(
      `INSERT INTO agenda_item (meeting_id, case_id, position, risk_level, risk_score, is_repeat, repeat_count,
         last_heard_on, is_closed_session, referring_agency_id, agencies_involved, children_count, planned_minutes,
         referral_basis, incident_on, referred_on, victim_aware_of_referral, summary, victim_views,
         victim_views_direct, process_flags, added_after_circulation, carried_from_item_id, created_at)
       SELECT $2, ai.case_id,
              (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = $2),
              ai.risk_level, ai.risk_score, ai.is_repeat, ai.repeat_count, ai.last_heard_on, ai.is_closed_session,
              ai.referring_agency_id, ai.agencies_involved, ai.children_count, ai.planned_minutes, ai.referral_basis,
              ai.incident_on, ai.referred_on, ai.victim_aware_of_referral, ai.summary, ai.victim_views,
              ai.victim_views_direct, ai.process_flags,
              (SELECT circulated_at IS NOT NULL FROM meeting WHERE id = $2), ai.id, $3
         FROM agenda_item ai
        WHERE ai.id = $1
          AND NOT EXISTS (SELECT 1 FROM agenda_item x WHERE x.meeting_id = $2 AND x.case_id = ai.case_id)`,
      [agendaItemId, toMeetingId, now],
    );
    return rowCount > 0;
  }

  async markRunEnded(meetingId: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE meeting SET actual_end = coalesce(actual_end, $2),
              actual_start = coalesce(actual_start, least(scheduled_start, $2)),
              status = CASE WHEN status = 'cancelled' THEN status ELSE 'ended' END, updated_at = $2
        WHERE id = $1`,
      [meetingId, at],
    );
  }

  async confirmSummary(agendaItemId: string, actorId: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE agenda_item SET actions_confirmed_at = $3, actions_confirmed_by = $2
        WHERE id = $1 AND actions_confirmed_at IS NULL`,
      [agendaItemId, actorId, now],
    );
    return rowCount > 0;
  }

  async claimNextNotice(agendaItemId: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE agenda_item SET next_notice_sent_at = $2 WHERE id = $1 AND next_notice_sent_at IS NULL',
      [agendaItemId, now],
    );
    return rowCount > 0;
  }

  async recordPostedCard(card: {
    meetingId: string;
    agendaItemId: string | null;
    kind: PostedCardRecord['kind'];
    conversationId: string;
    activityId: string;
    now: Date;
  }) {
    await this.db.query(
      `INSERT INTO posted_card (meeting_id, agenda_item_id, kind, conversation_id, activity_id, posted_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (conversation_id, activity_id) DO NOTHING`,
      [
        card.meetingId,
        card.agendaItemId,
        card.kind,
        card.conversationId,
        card.activityId,
        card.now,
      ],
    );
  }

  async listPostedCards(meetingId: string): Promise<PostedCardRecord[]> {
    const { rows } = await this.db.query<{
      id: string;
      agenda_item_id: string | null;
      kind: PostedCardRecord['kind'];
      conversation_id: string;
      activity_id: string;
      redacted_at: Date | null;
    }>(
      `SELECT id, agenda_item_id, kind, conversation_id, activity_id, redacted_at FROM posted_card
        WHERE meeting_id = $1 ORDER BY posted_at, id`,
      [meetingId],
    );
    return rows.map((r) => ({
      id: r.id,
      agendaItemId: r.agenda_item_id,
      kind: r.kind,
      conversationId: r.conversation_id,
      activityId: r.activity_id,
      redactedAt: r.redacted_at,
    }));
  }

  async markRedacted(postedCardId: string, now: Date) {
    await this.db.query('UPDATE posted_card SET redacted_at = $2 WHERE id = $1', [
      postedCardId,
      now,
    ]);
  }

  async meetingsWithUnredactedCards(): Promise<string[]> {
    const { rows } = await this.db.query<{ meeting_id: string }>(
      `SELECT DISTINCT pc.meeting_id FROM posted_card pc JOIN meeting m ON m.id = pc.meeting_id
        WHERE pc.redacted_at IS NULL AND (m.status = 'ended' OR m.actual_end IS NOT NULL)`,
    );
    return rows.map((r) => r.meeting_id);
  }

  async claimInvoke(invoke: {
    invokeId: string;
    meetingId: string;
    personId: string;
    verb: string;
    now: Date;
  }): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO card_invoke (invoke_id, meeting_id, person_id, verb, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (invoke_id) DO NOTHING`,
      [invoke.invokeId, invoke.meetingId, invoke.personId, invoke.verb, invoke.now],
    );
    return rowCount > 0;
  }

  async invokeApplied(invokeId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM card_invoke WHERE invoke_id = $1', [
      invokeId,
    ]);
    return rows.length > 0;
  }

  async acknowledgePerpetratorWarning(actionId: string, personId: string, now: Date) {
    // FR-052: stamped once on the action, and recorded in its append-only history (FR-079).
    const { rowCount } = await this.db.query(
      `UPDATE action SET perpetrator_warning_acknowledged_by = $2, perpetrator_warning_acknowledged_at = $3
        WHERE id = $1 AND perpetrator_warning_acknowledged_at IS NULL`,
      [actionId, personId, now],
    );
    if (rowCount > 0)
      await this.db.query(
        `INSERT INTO action_history (action_id, at, actor_person_id, event, changes)
         VALUES ($1, $2, $3, 'perpetrator-warning-acknowledged', '{}'::jsonb)`,
        [actionId, now, personId],
      );
  }

  async rememberTeamsUser(entraObjectId: string, teamsUserId: string, now: Date) {
    await this.db.query(
      `INSERT INTO teams_user (entra_object_id, teams_user_id, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (entra_object_id) DO UPDATE SET teams_user_id = EXCLUDED.teams_user_id, seen_at = EXCLUDED.seen_at
        WHERE teams_user.teams_user_id <> EXCLUDED.teams_user_id`,
      [entraObjectId, teamsUserId, now],
    );
  }

  async teamsUserIds(entraObjectIds: string[]): Promise<Map<string, string>> {
    if (entraObjectIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ entra_object_id: string; teams_user_id: string }>(
      'SELECT entra_object_id, teams_user_id FROM teams_user WHERE entra_object_id = ANY($1::text[])',
      [entraObjectIds],
    );
    return new Map(rows.map((r) => [r.entra_object_id, r.teams_user_id]));
  }
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const MEETING_SELECT = `SELECT m.id, m.area_id, m.status, m.title, m.scheduled_start, m.chair_person_id,
    m.deputy_chair_person_id, m.delegate_chair_person_id, m.teams_meeting_id, m.chat_thread_id,
    m.conversation_reference, m.opening_checklist, m.actual_start, m.actual_end,
    a.time_zone, a.nation, a.policy
  FROM meeting m JOIN area a ON a.id = m.area_id`;

interface MeetingRow {
  id: string;
  area_id: string;
  status: string;
  title: string;
  scheduled_start: Date;
  chair_person_id: string | null;
  deputy_chair_person_id: string | null;
  delegate_chair_person_id: string | null;
  teams_meeting_id: string | null;
  chat_thread_id: string | null;
  conversation_reference: unknown;
  opening_checklist: Record<string, unknown> | null;
  actual_start: Date | null;
  actual_end: Date | null;
  time_zone: string;
  nation: string;
  policy: unknown;
}

function toMeeting(r: MeetingRow): RunMeeting {
  const stored = r.opening_checklist ?? {};
  return {
    id: r.id,
    areaId: r.area_id,
    status: r.status,
    title: r.title,
    scheduledStart: r.scheduled_start,
    timeZone: r.time_zone,
    nation: r.nation,
    areaPolicy: r.policy,
    chairPersonId: r.chair_person_id,
    deputyChairPersonId: r.deputy_chair_person_id,
    delegateChairPersonId: r.delegate_chair_person_id,
    teamsMeetingId: r.teams_meeting_id,
    chatThreadId: r.chat_thread_id,
    conversationReference: r.conversation_reference,
    openingChecklist: Object.fromEntries(
      CHECKLIST_ITEMS.map((k) => [k, stored[k] === true]),
    ) as OpeningChecklist,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
  };
}

interface AgendaRow {
  id: string;
  case_id: string;
  position: number;
  case_number: string;
  planned_start: Date | null;
  planned_minutes: number;
  actual_start: Date | null;
  actual_end: Date | null;
  is_closed_session: boolean;
  agencies_involved: string[] | null;
  referring_agency_id: string | null;
  victim_views_recorded: boolean;
  actions_confirmed_at: Date | null;
  next_notice_sent_at: Date | null;
  unheard_outcome: UnheardOutcome | null;
  unheard_reason: string | null;
  carried_to_meeting_id: string | null;
}

const ACTION_SELECT = `SELECT a.id, a.reference, a.agenda_item_id, a.case_id, a.meeting_id, a.owner_agency_id,
    ag.name AS owner_agency_name, a.owner_person_id, p.display_name AS owner_person_name, a.description,
    a.category, a.partner_agency_ids, a.due_on, a.state, a.version,
    a.perpetrator_warning_acknowledged_at IS NOT NULL AS acknowledged
  FROM action a JOIN agency ag ON ag.id = a.owner_agency_id LEFT JOIN person p ON p.id = a.owner_person_id`;
const ACTION_JOINS = `FROM action a JOIN agency ag ON ag.id = a.owner_agency_id
  LEFT JOIN person p ON p.id = a.owner_person_id`;
/** A RunAction as JSON, built by the database (see listCaseActions). */
const ACTION_JSON = `json_build_object('id', a.id, 'reference', a.reference, 'agendaItemId', a.agenda_item_id,
    'caseId', a.case_id, 'ownerAgency', json_build_object('id', a.owner_agency_id, 'name', ag.name),
    'ownerPerson', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'displayName', p.display_name) END,
    'description', a.description, 'category', a.category, 'partnerAgencyIds', a.partner_agency_ids,
    'dueOn', a.due_on, 'state', a.state, 'version', a.version,
    'perpetratorWarningAcknowledged', a.perpetrator_warning_acknowledged_at IS NOT NULL)`;

interface ActionRow {
  id: string;
  reference: string;
  agenda_item_id: string | null;
  case_id: string;
  meeting_id: string | null;
  owner_agency_id: string;
  owner_agency_name: string;
  owner_person_id: string | null;
  owner_person_name: string | null;
  description: string;
  category: RunAction['category'];
  partner_agency_ids: string[] | null;
  due_on: string;
  state: RunAction['state'];
  version: number;
  acknowledged: boolean;
}

function toAction(r: ActionRow): RunAction {
  return {
    id: r.id,
    reference: r.reference,
    agendaItemId: r.agenda_item_id,
    caseId: r.case_id,
    ownerAgency: { id: r.owner_agency_id, name: r.owner_agency_name },
    ownerPerson:
      r.owner_person_id && r.owner_person_name
        ? { id: r.owner_person_id, displayName: r.owner_person_name }
        : null,
    description: r.description,
    category: r.category,
    partnerAgencyIds: r.partner_agency_ids ?? [],
    dueOn: r.due_on,
    state: r.state,
    version: r.version,
    perpetratorWarningAcknowledged: r.acknowledged,
  };
}

interface PersonRow {
  id: string;
  agency_id: string | null;
  entra_object_id: string | null;
}

function toPerson(r: PersonRow): RunPerson {
  return { personId: r.id, agencyId: r.agency_id, entraObjectId: r.entra_object_id };
}

/**
 * The same store with the card's reference data kept for a moment (forty
 * representatives volunteering within one second must each get their card back well inside
 * Teams' deadline). Each invoke answers with a freshly rendered card, and most of what that card
 * shows (the meeting, the agenda, the area's agencies, the meeting's people and their Teams ids,
 * the case's outstanding actions, the case's subjects for the FR-049 guard) does not change
 * between two clicks. Those reads are shared for `ttlMs` (concurrent callers share one query);
 * the actions themselves and invoke claims are always read fresh; the people
 * present, and who is clicking (person, roles), are at most `ttlMs` old. The meeting run calls `forget(meetingId)` after its own writes; writes by other
 * features are seen within `ttlMs`. A meeting the bot has not joined yet (no conversation
 * reference) is never kept, so the first meeting-start event is seen at once.
 */
export class CachedMeetingRunStore extends PgMeetingRunStore {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly knownTeamsUsers = new Map<string, string>();

  constructor(
    db: Queryable,
    private readonly options: { ttlMs: number; now?: () => number } = { ttlMs: 1000 },
  ) {
    super(db);
  }

  private cached<T>(key: string, load: () => Promise<T>, keep?: (value: T) => boolean): Promise<T> {
    const now = (this.options.now ?? performance.now.bind(performance))();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.options.ttlMs) return hit.value as Promise<T>;
    if (this.entries.size > 2000) this.entries.clear();
    const value = load().then(
      (v) => {
        if (keep && !keep(v) && this.entries.get(key)?.value === value) this.entries.delete(key);
        return v;
      },
      (error: unknown) => {
        if (this.entries.get(key)?.value === value) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, { at: now, value });
    return value;
  }

  forget(meetingId: string): void {
    for (const key of this.entries.keys())
      if (key.includes(meetingId) || key.startsWith('conversation:')) this.entries.delete(key);
  }

  override findMeetingByConversation(conversationId: string, at: Date) {
    // Keyed by the minute too: the occurrence a series' chat resolves to depends on the time.
    return this.cached(
      `conversation:${conversationId}:${Math.floor(at.getTime() / 60_000)}`,
      () => super.findMeetingByConversation(conversationId, at),
      (m) => Boolean(m?.conversationReference),
    );
  }

  override findPersonByEntraId(entraObjectId: string) {
    return this.cached(`person:${entraObjectId}`, () => super.findPersonByEntraId(entraObjectId));
  }

  override presentAgencyIds(meetingId: string) {
    return this.cached(`present:${meetingId}`, () => super.presentAgencyIds(meetingId));
  }

  override getMeeting(meetingId: string) {
    return this.cached(
      `meeting:${meetingId}`,
      () => super.getMeeting(meetingId),
      (m) => Boolean(m?.conversationReference),
    );
  }

  override listAgenda(meetingId: string) {
    return this.cached(`agenda:${meetingId}`, () => super.listAgenda(meetingId));
  }

  override listAgencies(areaId: string) {
    return this.cached(`agencies:${areaId}`, () => super.listAgencies(areaId));
  }

  override meetingSubjects(meetingId: string) {
    return this.cached(`meeting-subjects:${meetingId}`, () => super.meetingSubjects(meetingId));
  }

  override caseSubjects(caseId: string) {
    return this.cached(`subjects:${caseId}`, () => super.caseSubjects(caseId));
  }

  override listOutstanding(caseId: string, meetingId: string) {
    return this.cached(`outstanding:${caseId}:${meetingId}`, () =>
      super.listOutstanding(caseId, meetingId),
    );
  }

  override meetingPeople(meetingId: string) {
    return this.cached(`people:${meetingId}`, () => super.meetingPeople(meetingId));
  }

  override teamsUserIds(entraObjectIds: string[]) {
    return this.cached(`teams:${entraObjectIds.join(',')}`, () =>
      super.teamsUserIds(entraObjectIds),
    );
  }

  /** Every activity reports its sender; the row is written only when the mapping is new. */
  override async rememberTeamsUser(entraObjectId: string, teamsUserId: string, now: Date) {
    if (this.knownTeamsUsers.get(entraObjectId) === teamsUserId) return;
    await super.rememberTeamsUser(entraObjectId, teamsUserId, now);
    this.knownTeamsUsers.set(entraObjectId, teamsUserId);
    for (const key of this.entries.keys())
      if (key.startsWith('teams:') && key.includes(entraObjectId)) this.entries.delete(key);
    if (this.knownTeamsUsers.size > 5000) this.knownTeamsUsers.clear();
  }
}
