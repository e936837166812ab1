import type { Outbox, OutboxAttention, QueuedMail, UnsentMail } from '../core/ports/outbox.js';
import type { Queryable } from './db.js';

/** Outbox writes (the dispatcher that sends them lives with the mail worker). */
export class PgOutboxStore implements Outbox, OutboxAttention {
  constructor(private readonly db: Queryable) {}

  async enqueue(mail: QueuedMail, now: Date): Promise<{ id: string; created: boolean }> {
    const inserted = await this.db.query<{ id: string }>(
      `INSERT INTO outbox_mail (idempotency_key, purpose, to_recipients, cc_recipients, subject, body_html, not_before, created_at, area_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        mail.idempotencyKey,
        mail.purpose,
        JSON.stringify(mail.to),
        JSON.stringify(mail.cc ?? []),
        mail.subject,
        mail.bodyHtml,
        mail.notBefore ?? now,
        now,
        mail.areaId ?? null,
      ],
    );
    if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
    const existing = await this.db.query<{ id: string }>(
      'SELECT id FROM outbox_mail WHERE idempotency_key = $1',
      [mail.idempotencyKey],
    );
    return { id: (existing.rows[0] as { id: string }).id, created: false };
  }

  /** Mail of an area that failed, or is unsent and was first tried before `lateBefore`. */
  async needingAttention(areaId: string, lateBefore: Date): Promise<UnsentMail[]> {
    const { rows } = await this.db.query<{
      id: string;
      purpose: string;
      subject: string;
      state: 'pending' | 'sending' | 'failed';
      attempts: number;
      recipients: number;
      created_at: Date;
      first_attempt_at: Date | null;
    }>(
      `SELECT id, purpose, subject, state, attempts, created_at, first_attempt_at,
              jsonb_array_length(to_recipients) + jsonb_array_length(cc_recipients) AS recipients
         FROM outbox_mail
        WHERE area_id = $1
          AND (state = 'failed' OR (state IN ('pending', 'sending') AND first_attempt_at <= $2))
        ORDER BY created_at
        LIMIT 200`,
      [areaId, lateBefore],
    );
    return rows.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      subject: r.subject,
      state: r.state,
      attempts: r.attempts,
      recipients: Number(r.recipients),
      createdAt: new Date(r.created_at),
      firstAttemptAt: r.first_attempt_at ? new Date(r.first_attempt_at) : null,
    }));
  }

  /** Puts a failed mail of the area back in the queue with a fresh retry window. */
  async resend(
    areaId: string,
    id: string,
    now: Date,
  ): Promise<'queued' | 'not-found' | 'not-failed'> {
    // One statement, so a resend never races the dispatcher (which never claims failed rows).
    const { rows } = await this.db.query<{ id: string }>(
      `UPDATE outbox_mail
          SET state = 'pending', not_before = $3, attempts = 0, first_attempt_at = NULL,
              late_noticed_at = NULL, claimed_at = NULL
        WHERE id = $1 AND area_id = $2 AND state = 'failed'
        RETURNING id`,
      [id, areaId, now],
    );
    if (rows[0]) return 'queued';
    const exists = await this.db.query('SELECT 1 FROM outbox_mail WHERE id = $1 AND area_id = $2', [
      id,
      areaId,
    ]);
    return exists.rows.length > 0 ? 'not-failed' : 'not-found';
  }
}
