import type {
  ActionFilter,
  ActionHistoryEntry,
  ActionRepository,
  NewAction,
  TransitionRequest,
} from '../core/actions/action-repository.js';
import type { ActionRecord } from '../core/actions/action.js';
import { canTransition, transitionEvent } from '../core/actions/action.js';
import { DomainError } from '../core/errors.js';
import type { Db, Queryable } from './db.js';

/**
 * The action register (REQUIREMENTS.md §3.7, FR-071..FR-079) on PostgreSQL / PGlite.
 *
 *   const actions = new PgActionStore(dbOrTx);
 *   createAction(input, actorPersonId, now)  → ActionRecord; any state (default 'volunteered');
 *       allocates the area's next reference (A-0001...) and writes action_history 'created'.
 *   getAction(id)                             → ActionRecord | null
 *   listActions({ areaId, caseId, caseIds, meetingId, ownerPersonId, ownerAgencyId,
 *                 state: 'open'|'done'|...|'overdue', today })  → ActionRecord[] (by reference)
 *   transition(id, { to, expectedVersion, actorPersonId, now, changes?, event?, note? })
 *       → the updated ActionRecord; checks the state machine (core/actions canTransition) and
 *       the optimistic `version`; bumps version; appends action_history. Errors: NOT_FOUND,
 *       CONFLICT (someone else changed it), INVALID_STATE.
 *   history(id)                               → [{ at, event, actorPersonId, actorName, changes }]
 *
 * Given a Db the multi-statement writes run in their own transaction; given a Tx they join it.
 * Business rules (who may close, evidence, reasons) live in core/actions (planClose).
 */
export class PgActionStore implements ActionRepository {
  constructor(private readonly db: Queryable) {}

  private atomically<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    const db = this.db as Partial<Db>;
    return typeof db.transaction === 'function' && typeof db.close === 'function'
      ? db.transaction((tx) => work(tx))
      : work(this.db);
  }

  createAction(input: NewAction, actorPersonId: string | null, now: Date): Promise<ActionRecord> {
    const insert = createActionStatement(input, actorPersonId, now);
    return this.atomically(async (q) => {
      const { rows } = await q.query<ActionRow>(
        `WITH ${insert.ctes} ${ACTION_SELECT.replace('FROM action a', 'FROM created a')}`,
        insert.params,
      );
      return toAction(rows[0] as ActionRow);
    });
  }

  getAction(id: string): Promise<ActionRecord | null> {
    return fetchAction(this.db, id);
  }

  async listActions(filter: ActionFilter): Promise<ActionRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.areaId) add('a.area_id = ?', filter.areaId);
    if (filter.caseId) add('a.case_id = ?', filter.caseId);
    if (filter.caseIds) add('a.case_id = ANY(?::uuid[])', filter.caseIds);
    if (filter.meetingId) add('a.meeting_id = ?', filter.meetingId);
    if (filter.ownerPersonId) add('a.owner_person_id = ?', filter.ownerPersonId);
    if (filter.ownerAgencyId) add('a.owner_agency_id = ?', filter.ownerAgencyId);
    if (filter.state === 'overdue') {
      if (!filter.today) throw new Error('listActions: state "overdue" needs today');
      where.push("a.state = 'open'");
      add('a.due_on < ?::date', filter.today);
    } else if (filter.state) add('a.state = ?', filter.state);
    let sql = `${ACTION_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.area_id, length(a.reference), a.reference`;
    if (filter.limit) {
      params.push(filter.limit);
      sql += ` LIMIT $${params.length}`;
    }
    const { rows } = await this.db.query<ActionRow>(sql, params);
    return rows.map(toAction);
  }

  transition(id: string, request: TransitionRequest): Promise<ActionRecord> {
    return this.atomically(async (q) => {
      const current = await fetchAction(q, id);
      if (!current) throw new DomainError('NOT_FOUND', `No action ${id}.`);
      if (current.version !== request.expectedVersion)
        throw new DomainError(
          'CONFLICT',
          `Action ${current.reference} was changed by someone else (version ${current.version}, you had ${request.expectedVersion}); reload and try again.`,
        );
      if (!canTransition(current.state, request.to))
        throw new DomainError(
          'INVALID_STATE',
          `Action ${current.reference} is ${current.state}; it cannot become ${request.to}.`,
        );
      const c = request.changes ?? {};
      const closing = request.to === 'done' || request.to === 'not-achievable';
      const reopening =
        current.state !== 'open' && request.to === 'open' && current.state !== 'volunteered';
      const confirming = current.state === 'volunteered' && request.to === 'open';
      const set: string[] = ['state = $3', 'version = version + 1', 'updated_at = $4'];
      const params: unknown[] = [id, request.expectedVersion, request.to, request.now];
      const put = (column: string, value: unknown) => {
        params.push(value);
        set.push(`${column} = $${params.length}`);
      };
      const diff: Record<string, unknown> = {};
      const field = (key: keyof typeof c, column: string) => {
        if (c[key] === undefined) return;
        put(column, c[key]);
        diff[key] = c[key];
      };
      field('dueOn', 'due_on');
      field('dueOverridden', 'due_overridden');
      field('description', 'description');
      field('ownerPersonId', 'owner_person_id');
      field('ownerAgencyId', 'owner_agency_id');
      field('notAchievableReason', 'not_achievable_reason');
      field('completionEvidence', 'completion_evidence');
      field('completedOn', 'completed_on');
      field('confirmationSource', 'confirmation_source');
      field('escalationLevel', 'escalation_level');
      if (closing) {
        put('completed_at', request.now);
        put('completed_by', request.actorPersonId);
        if (c.completedOn === undefined)
          put('completed_on', request.now.toISOString().slice(0, 10));
      }
      if (confirming) {
        put('confirmed_by', request.actorPersonId);
        put('confirmed_at', request.now);
      }
      if (reopening) {
        for (const column of [
          'completed_on',
          'completed_at',
          'completed_by',
          'confirmation_source',
          'not_achievable_reason',
          'completion_evidence',
        ])
          if (!set.some((s) => s.startsWith(`${column} =`))) set.push(`${column} = NULL`);
      }
      const updated = await q.query(
        `UPDATE action SET ${set.join(', ')} WHERE id = $1 AND version = $2`,
        params,
      );
      if (updated.rowCount !== 1)
        throw new DomainError(
          'CONFLICT',
          `Action ${current.reference} was changed by someone else; reload and try again.`,
        );
      if (current.state !== request.to) diff.state = { from: current.state, to: request.to };
      await appendHistory(
        q,
        id,
        request.now,
        request.actorPersonId,
        request.event ?? transitionEvent(current.state, request.to),
        { ...diff, ...(request.note ?? {}) },
      );
      return (await fetchAction(q, id)) as ActionRecord;
    });
  }

  /**
   * FR-077: the cases an agency is invited to: listed at a meeting one of its people was invited
   * to (closed-session cases only when one of them is permitted), or where it owns or partners
   * an action.
   */
  async casesVisibleToAgency(areaId: string, agencyId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ case_id: string }>(
      `SELECT ai.case_id
         FROM agenda_item ai
         JOIN meeting m ON m.id = ai.meeting_id AND m.area_id = $1
        WHERE EXISTS (SELECT 1 FROM meeting_invitee mi JOIN person p ON p.id = mi.person_id
                       WHERE mi.meeting_id = ai.meeting_id AND p.agency_id = $2)
          AND (NOT ai.is_closed_session OR EXISTS (
                SELECT 1 FROM agenda_item_permitted_person pp JOIN person p ON p.id = pp.person_id
                 WHERE pp.agenda_item_id = ai.id AND p.agency_id = $2))
       UNION
       SELECT case_id FROM action
        WHERE area_id = $1 AND (owner_agency_id = $2 OR $2 = ANY(partner_agency_ids))`,
      [areaId, agencyId],
    );
    return rows.map((r) => r.case_id);
  }

  /** Queued (not yet sending) chasers whose every listed action is now closed are cancelled. */
  async cancelChasersFor(actionId: string, now: Date): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE outbox_mail o SET state = 'failed', last_error = 'cancelled: every action it lists is closed', claimed_at = $2
        WHERE o.state = 'pending'
          AND o.id IN (SELECT outbox_id FROM chase_step WHERE action_id = $1 AND outbox_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM chase_step cs JOIN action a ON a.id = cs.action_id
                           WHERE cs.outbox_id = o.id AND a.state = 'open')`,
      [actionId, now],
    );
    return rowCount;
  }

  async history(id: string): Promise<ActionHistoryEntry[]> {
    const { rows } = await this.db.query<ActionHistoryEntry>(
      `SELECT h.at, h.event, h.actor_person_id AS "actorPersonId", p.display_name AS "actorName", h.changes
         FROM action_history h LEFT JOIN person p ON p.id = h.actor_person_id
        WHERE h.action_id = $1 ORDER BY h.id`,
      [id],
    );
    return rows;
  }
}

async function appendHistory(
  q: Queryable,
  actionId: string,
  at: Date,
  actorPersonId: string | null,
  event: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await q.query(
    `INSERT INTO action_history (action_id, at, actor_person_id, event, changes) VALUES ($1, $2, $3, $4, $5)`,
    [actionId, at, actorPersonId, event, JSON.stringify(changes)],
  );
}

/**
 * Creating an action as one statement's CTEs, to be followed by a SELECT (or embedded in a
 * larger statement, as the meeting run's card volunteering does): `counter` allocates the area's
 * next reference (the counter row's lock is taken here and held to commit), `created` is the
 * new action row, `history` its 'created' entry (and, when `acknowledgedBy` is given, the FR-052
 * acknowledgement after it). Forty representatives volunteering at once queue on the counter
 * lock, so it is taken as late and held as briefly as a statement allows. `gate`, an SQL
 * condition over earlier CTEs, stops the whole insert when false (an invoke already applied).
 * Placeholders are numbered from `first`.
 */
export function createActionStatement(
  input: NewAction,
  actorPersonId: string | null,
  now: Date,
  options: { first?: number; gate?: string; acknowledgedBy?: string | null } = {},
): { ctes: string; params: unknown[] } {
  const description = input.description?.trim();
  if (!description) throw new DomainError('VALIDATION_FAILED', 'An action needs a description.');
  const state = input.state ?? 'volunteered';
  const confirmed = state === 'open';
  const gate = options.gate ? ` AND ${options.gate}` : '';
  const first = options.first ?? 1;
  const ctes = `bumped AS (
      UPDATE action_reference_counter SET last_value = last_value + 1 WHERE area_id = $1${gate}
      RETURNING last_value),
    -- The area's first action since the counter existed: start after its highest reference.
    -- Only then is the area's register read (scanning it on every insert made each reference
    -- cost more than the last).
    started AS (
      INSERT INTO action_reference_counter (area_id, last_value)
      SELECT $1, (SELECT coalesce(max(substring(reference FROM 3)::int), 0) + 1
                    FROM action WHERE area_id = $1 AND reference ~ '^A-[0-9]+$')
       WHERE NOT EXISTS (SELECT 1 FROM bumped)${gate}
      ON CONFLICT (area_id) DO UPDATE SET last_value = action_reference_counter.last_value + 1
      RETURNING last_value),
    counter AS (SELECT last_value FROM bumped UNION ALL SELECT last_value FROM started),
    created AS (
      INSERT INTO action (area_id, case_id, meeting_id, agenda_item_id, reference, owner_agency_id, owner_person_id,
        description, category, action_type, linked_process, is_joint, partner_agency_ids, due_on, due_overridden,
        state, volunteered_by, volunteered_at, confirmed_by, confirmed_at, created_at, updated_at,
        perpetrator_warning_acknowledged_by, perpetrator_warning_acknowledged_at)
      SELECT $1, $2, $3, $4, 'A-' || lpad(counter.last_value::text, greatest(4, length(counter.last_value::text)), '0'),
        $5, $6, $7, $8, $9, $10, $11, $12::uuid[], $13, $14, $15, $16, $17, $18, $19, $20, $20,
        $23::uuid, CASE WHEN $23::uuid IS NULL THEN NULL ELSE $20::timestamptz END
        FROM counter
      RETURNING *),
    history AS (
      INSERT INTO action_history (action_id, at, actor_person_id, event, changes)
      SELECT created.id, $20, e.actor, e.event, e.changes
        FROM created CROSS JOIN LATERAL (VALUES
          (1, $21::uuid, 'created', $22::jsonb || jsonb_build_object('reference', created.reference)),
          (2, $23::uuid, 'perpetrator-warning-acknowledged', '{}'::jsonb)) e(n, actor, event, changes)
       WHERE e.n = 1 OR $23::uuid IS NOT NULL
       ORDER BY e.n)`.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + first - 1}`);
  return {
    ctes,
    params: [
      input.areaId,
      input.caseId,
      input.meetingId ?? null,
      input.agendaItemId ?? null,
      input.ownerAgencyId,
      input.ownerPersonId ?? null,
      description,
      input.category,
      input.actionType ?? null,
      input.linkedProcess ?? null,
      input.isJoint ?? (input.partnerAgencyIds?.length ?? 0) > 0,
      input.partnerAgencyIds ?? [],
      input.dueOn,
      input.dueOverridden ?? false,
      state,
      input.volunteeredBy ?? (state === 'volunteered' ? actorPersonId : null),
      state === 'volunteered' || input.volunteeredBy ? now : null,
      confirmed ? actorPersonId : null,
      confirmed ? now : null,
      now,
      actorPersonId,
      JSON.stringify({
        state,
        dueOn: input.dueOn,
        dueOverridden: input.dueOverridden ?? false,
        ownerAgencyId: input.ownerAgencyId,
        ownerPersonId: input.ownerPersonId ?? null,
      }),
      options.acknowledgedBy ?? null,
    ],
  };
}

const ACTION_SELECT = `
  SELECT a.id, a.area_id, a.case_id, c.case_number, a.meeting_id, a.agenda_item_id, a.reference,
         a.owner_agency_id, g.name AS owner_agency_name, a.owner_person_id, p.display_name AS owner_person_name,
         a.description, a.category, a.action_type, a.linked_process, a.is_joint, a.partner_agency_ids,
         a.due_on, a.due_overridden, a.state, a.not_achievable_reason, a.completion_evidence, a.completed_on,
         a.completed_at, a.completed_by, a.confirmation_source, a.volunteered_by, a.volunteered_at,
         a.confirmed_by, a.confirmed_at, a.escalation_level, a.version, a.created_at, a.updated_at
    FROM action a
    JOIN marac_case c ON c.id = a.case_id
    JOIN agency g ON g.id = a.owner_agency_id
    LEFT JOIN person p ON p.id = a.owner_person_id`;

async function fetchAction(q: Queryable, id: string): Promise<ActionRecord | null> {
  const { rows } = await q.query<ActionRow>(`${ACTION_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ? toAction(rows[0]) : null;
}

interface ActionRow {
  id: string;
  area_id: string;
  case_id: string;
  case_number: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  reference: string;
  owner_agency_id: string;
  owner_agency_name: string;
  owner_person_id: string | null;
  owner_person_name: string | null;
  description: string;
  category: ActionRecord['category'];
  action_type: string | null;
  linked_process: string | null;
  is_joint: boolean;
  partner_agency_ids: string[] | string;
  due_on: string;
  due_overridden: boolean;
  state: ActionRecord['state'];
  not_achievable_reason: string | null;
  completion_evidence: string | null;
  completed_on: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  confirmation_source: ActionRecord['confirmationSource'];
  volunteered_by: string | null;
  volunteered_at: Date | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  escalation_level: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toAction(r: ActionRow): ActionRecord {
  return {
    id: r.id,
    areaId: r.area_id,
    caseId: r.case_id,
    caseReference: r.case_number,
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    reference: r.reference,
    ownerAgencyId: r.owner_agency_id,
    ownerAgencyName: r.owner_agency_name,
    ownerPersonId: r.owner_person_id,
    ownerPersonName: r.owner_person_name,
    description: r.description,
    category: r.category,
    actionType: r.action_type,
    linkedProcess: r.linked_process,
    isJoint: r.is_joint,
    partnerAgencyIds: parseUuidArray(r.partner_agency_ids),
    dueOn: r.due_on,
    dueOverridden: r.due_overridden,
    state: r.state,
    notAchievableReason: r.not_achievable_reason,
    completionEvidence: r.completion_evidence,
    completedOn: r.completed_on,
    completedAt: r.completed_at,
    completedBy: r.completed_by,
    confirmationSource: r.confirmation_source,
    volunteeredBy: r.volunteered_by,
    volunteeredAt: r.volunteered_at,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
    escalationLevel: r.escalation_level,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** uuid[] arrives as a JS array from both drivers; tolerate the '{a,b}' text form too. */
function parseUuidArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
