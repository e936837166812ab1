import type { Outbox, QueuedMail } from '../core/ports/outbox.js';
import type { Queryable } from './db.js';

/** Outbox writes (the dispatcher that sends them lives with issue 6's mail worker). */
export class PgOutboxStore implements Outbox {
  constructor(private readonly db: Queryable) {}

  async enqueue(mail: QueuedMail, now: Date): Promise<{ id: string; created: boolean }> {
    const inserted = await this.db.query<{ id: string }>(
      `INSERT INTO outbox_mail (idempotency_key, purpose, to_recipients, cc_recipients, subject, body_html, not_before, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
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
      ],
    );
    if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true };
    const existing = await this.db.query<{ id: string }>(
      'SELECT id FROM outbox_mail WHERE idempotency_key = $1',
      [mail.idempotencyKey],
    );
    return { id: (existing.rows[0] as { id: string }).id, created: false };
  }
}
