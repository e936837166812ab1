import type {
  ChaseReplyRepository,
  ConversationMatch,
  NewReply,
  ReplyRow,
  SentChaser,
} from '../core/chasing/chase-replies.js';
import type { Queryable } from './db.js';

/** How long after sending a chaser its conversation is looked for, and how often. */
const LEARN_FOR_DAYS = 30;
const LOOK_AGAIN_MS = 5 * 60_000;

const REPLY_COLUMNS = `r.id, r.area_id AS "areaId", r.action_id AS "actionId", a.reference,
  c.case_number AS "caseReference", g.name AS "ownerAgencyName", r.sender,
  r.from_email AS "fromEmail", p.display_name AS "fromName", r.received_at AS "receivedAt",
  r.body_text AS text, r.state, a.state AS "actionState", a.version AS "actionVersion"`;
const REPLY_FROM = `chase_reply r
  JOIN action a ON a.id = r.action_id
  JOIN marac_case c ON c.id = a.case_id
  JOIN agency g ON g.id = a.owner_agency_id
  LEFT JOIN person p ON p.id = r.from_person_id`;

/** Replies to chasers and the mailbox poll's cursor (core/chasing/chase-replies.ts). */
export class PgChaseReplyStore implements ChaseReplyRepository {
  constructor(private readonly db: Queryable) {}

  async conversationsToLearn(now: Date, limit: number): Promise<SentChaser[]> {
    const { rows } = await this.db.query<SentChaser>(
      `SELECT o.id AS "outboxId", o.idempotency_key AS "idempotencyKey"
         FROM outbox_mail o
        WHERE o.state = 'sent' AND o.conversation_id IS NULL AND o.sent_at >= $2
          AND (o.conversation_looked_at IS NULL OR o.conversation_looked_at < $3)
          AND EXISTS (SELECT 1 FROM chase_step s WHERE s.outbox_id = o.id)
        ORDER BY o.sent_at
        LIMIT $1`,
      [
        limit,
        new Date(now.getTime() - LEARN_FOR_DAYS * 86_400_000),
        new Date(now.getTime() - LOOK_AGAIN_MS),
      ],
    );
    return rows;
  }

  async setConversation(outboxId: string, conversationId: string | null, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE outbox_mail SET conversation_id = $2, conversation_looked_at = $3 WHERE id = $1`,
      [outboxId, conversationId, now],
    );
  }

  async cursor(mailbox: string): Promise<Date | null> {
    const { rows } = await this.db.query<{ at: Date }>(
      `SELECT received_through AS at FROM mailbox_poll WHERE mailbox = $1`,
      [mailbox.toLowerCase()],
    );
    return rows[0] ? new Date(rows[0].at) : null;
  }

  async advanceCursor(mailbox: string, receivedThrough: Date, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO mailbox_poll (mailbox, received_through, polled_at) VALUES ($1, $2, $3)
       ON CONFLICT (mailbox) DO UPDATE
         SET received_through = GREATEST(mailbox_poll.received_through, EXCLUDED.received_through),
             polled_at = EXCLUDED.polled_at`,
      [mailbox.toLowerCase(), receivedThrough, now],
    );
  }

  async matchConversations(conversationIds: string[]): Promise<ConversationMatch[]> {
    if (conversationIds.length === 0) return [];
    const { rows } = await this.db.query<ConversationMatch>(
      `SELECT o.conversation_id AS "conversationId", o.id AS "outboxId", a.area_id AS "areaId",
              array_agg(DISTINCT s.action_id::text ORDER BY s.action_id::text) AS "actionIds"
         FROM outbox_mail o
         JOIN chase_step s ON s.outbox_id = o.id
         JOIN action a ON a.id = s.action_id AND a.state = 'open'
        WHERE o.conversation_id = ANY($1::text[])
        GROUP BY o.conversation_id, o.id, a.area_id`,
      [conversationIds],
    );
    return rows;
  }

  async recordReply(reply: NewReply, now: Date): Promise<boolean> {
    const m = reply.message;
    // The sender, as the action sees them: its owner, the owner's deputy, someone else at the
    // owning agency, or anyone else (a colleague, a forward).
    const { rows } = await this.db.query(
      `WITH sender AS (
         SELECT p.id, p.agency_id FROM person p
          WHERE p.area_id = $1 AND lower(p.email) = $5 AND p.is_active
          LIMIT 1)
       INSERT INTO chase_reply (area_id, action_id, outbox_id, graph_message_id, from_email,
                                from_person_id, sender, received_at, body_text, created_at)
       SELECT $1, a.id, $3, $4, $5, s.id,
              CASE
                WHEN s.id IS NOT NULL AND s.id = a.owner_person_id THEN 'owner'
                WHEN s.id IS NOT NULL AND EXISTS (
                  SELECT 1 FROM deputy_link dl
                   WHERE dl.deputy_person_id = s.id AND dl.representative_person_id = a.owner_person_id)
                  THEN 'deputy'
                WHEN s.agency_id IS NOT NULL AND s.agency_id = a.owner_agency_id THEN 'agency'
                ELSE 'other'
              END,
              $6, $7, $8
         FROM action a LEFT JOIN sender s ON true
        WHERE a.id = $2 AND a.area_id = $1
       ON CONFLICT (graph_message_id, action_id) DO NOTHING
       RETURNING id`,
      [
        reply.areaId,
        reply.actionId,
        reply.outboxId,
        m.id,
        m.fromEmail.toLowerCase(),
        m.receivedAt,
        m.text.slice(0, 20_000),
        now,
      ],
    );
    return rows.length > 0;
  }

  async replies(areaId: string, states: ReplyRow['state'][], limit: number): Promise<ReplyRow[]> {
    const { rows } = await this.db.query<ReplyRow>(
      `SELECT ${REPLY_COLUMNS} FROM ${REPLY_FROM}
        WHERE r.area_id = $1 AND r.state = ANY($2::text[])
        ORDER BY r.received_at DESC, a.reference
        LIMIT $3`,
      [areaId, states, limit],
    );
    return rows;
  }

  async getReply(id: string): Promise<ReplyRow | null> {
    const { rows } = await this.db.query<ReplyRow>(
      `SELECT ${REPLY_COLUMNS} FROM ${REPLY_FROM} WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markHandled(
    id: string,
    state: 'completed' | 'dismissed',
    by: string,
    now: Date,
  ): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE chase_reply SET state = $2, handled_by = $3, handled_at = $4
        WHERE id = $1 AND state = 'new'`,
      [id, state, by, now],
    );
    return (rowCount ?? 0) > 0;
  }

  async purgeBodies(areaId: string, before: Date, now: Date): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE chase_reply SET body_text = NULL, body_purged_at = $3
        WHERE area_id = $1 AND received_at < $2 AND body_text IS NOT NULL`,
      [areaId, before, now],
    );
    return rowCount ?? 0;
  }
}
