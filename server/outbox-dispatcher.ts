import {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  type RetryPolicy,
} from '../core/outbox/retry-policy.js';
import type { Clock } from '../core/ports/clock.js';
import type { Mailer, MailRecipient } from '../core/ports/mailer.js';
import { KeyedLimiter } from '../graph/keyed-limiter.js';
import type { Queryable } from '../store/db.js';

/**
 * The outbox dispatcher ("Exactly once"): sends queued outbox_mail rows through the
 * Mailer port.
 *
 * 1. Claim: pending rows whose not_before has come, and rows left in 'sending' longer than
 *    `staleAfterMs` (a worker died mid-send), are moved to 'sending' with
 *    `FOR UPDATE SKIP LOCKED`, so several workers never claim the same row.
 * 2. Send: a row claimed before (attempts > 1) might already have gone — the crash window is
 *    between Graph accepting it and our marking it sent — so Sent Items is searched for the
 *    row's idempotency key (carried in the message as the x-marac-idempotency-key header and an
 *    extended property) and the mail is sent only if it is not there. At most
 *    `maxInFlight` (4, Exchange's per-mailbox limit) sends run at once per mailbox.
 * 3. Record: 'sent'; or back to 'pending' at the time core/outbox/retry-policy.ts decides
 *    (Retry-After, or backoff), for up to 24 hours from the first attempt; 'failed' after that
 *    or for a permanent 4xx, until the coordinator resends it.
 * 4. Notice: mail still unsent `lateAfterMs` after its first attempt is logged once as late;
 *    the coordinator's workspace lists late and failed mail (tab/api/routes/outbox.ts).
 * No mail is lost (a row stays until sent or failed, visible to the coordinator) and none goes
 * twice for the same key. The per-mailbox limiter is the caller's (one per process, made by the
 * wiring), so this module holds no state.
 */
export interface DispatchOptions {
  clock: Clock;
  mailer: Mailer;
  /** The mailbox sends go from, for the per-mailbox limit. */
  mailbox: string;
  batchSize?: number;
  maxInFlight?: number;
  staleAfterMs?: number;
  policy?: RetryPolicy;
  /** Shared by every dispatch of a process, so its sends stay within `maxInFlight` together. */
  limiter?: KeyedLimiter;
  log?: { warn(obj: object, msg: string): void };
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  alreadySent: number;
  retried: number;
  failed: number;
  /** Mail newly found late in this run. */
  late: number;
}

interface ClaimedRow {
  id: string;
  idempotency_key: string;
  to_recipients: MailRecipient[];
  cc_recipients: MailRecipient[];
  subject: string;
  body_html: string;
  attempts: number;
  first_attempt_at: Date;
}

export async function claimOutbox(
  db: Queryable,
  now: Date,
  options: { batchSize: number; staleAfterMs: number },
): Promise<ClaimedRow[]> {
  const stale = new Date(now.getTime() - options.staleAfterMs);
  const { rows } = await db.query<ClaimedRow>(
    `UPDATE outbox_mail o SET state = 'sending', claimed_at = $1, attempts = o.attempts + 1,
            first_attempt_at = COALESCE(o.first_attempt_at, $1)
      WHERE o.id IN (
        SELECT id FROM outbox_mail
         WHERE (state = 'pending' AND not_before <= $1) OR (state = 'sending' AND claimed_at < $2)
         ORDER BY not_before, created_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.idempotency_key, o.to_recipients, o.cc_recipients, o.subject, o.body_html, o.attempts, o.first_attempt_at`,
    [now, stale, options.batchSize],
  );
  return rows;
}

/** Claims and sends until nothing is due; returns what happened. Safe to run on many servers. */
export async function dispatchOutbox(db: Queryable, o: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = {
    claimed: 0,
    sent: 0,
    alreadySent: 0,
    retried: 0,
    failed: 0,
    late: 0,
  };
  const limiter = o.limiter ?? new KeyedLimiter(o.maxInFlight ?? 4);
  for (;;) {
    const rows = await claimOutbox(db, o.clock.now(), {
      batchSize: o.batchSize ?? 20,
      staleAfterMs: o.staleAfterMs ?? 120_000,
    });
    if (rows.length === 0) {
      report.late = await noticeLate(db, o);
      return report;
    }
    report.claimed += rows.length;
    await Promise.all(rows.map((row) => limiter.run(o.mailbox, () => sendOne(db, row, o, report))));
  }
}

async function sendOne(
  db: Queryable,
  row: ClaimedRow,
  o: DispatchOptions,
  report: DispatchReport,
): Promise<void> {
  try {
    if (row.attempts > 1 && (await o.mailer.wasSent(row.idempotency_key))) {
      report.alreadySent += 1;
    } else {
      await o.mailer.send({
        idempotencyKey: row.idempotency_key,
        to: row.to_recipients,
        cc: row.cc_recipients,
        subject: row.subject,
        bodyHtml: row.body_html,
      });
      report.sent += 1;
    }
    await db.query(
      `UPDATE outbox_mail SET state = 'sent', sent_at = $2, last_error = NULL WHERE id = $1`,
      [row.id, o.clock.now()],
    );
  } catch (error) {
    const e = error as {
      status?: number;
      retryAfterSeconds?: number | null;
      transient?: boolean;
      message?: string;
    };
    const message = (e.message ?? String(error)).slice(0, 500);
    const decision = decideRetry(
      e,
      { attempts: row.attempts, firstAttemptAt: new Date(row.first_attempt_at) },
      o.clock.now(),
      o.policy ?? DEFAULT_RETRY_POLICY,
    );
    if (decision.kind === 'fail') {
      report.failed += 1;
      o.log?.warn(
        { outboxId: row.id, status: e.status ?? null, reason: decision.reason },
        'outbox mail failed permanently',
      );
      await db.query(`UPDATE outbox_mail SET state = 'failed', last_error = $2 WHERE id = $1`, [
        row.id,
        message,
      ]);
      return;
    }
    report.retried += 1;
    await db.query(
      `UPDATE outbox_mail SET state = 'pending', not_before = $2, last_error = $3 WHERE id = $1`,
      [row.id, decision.notBefore, message],
    );
  }
}

/** Marks mail late once (first tried `lateAfterMs` ago, still unsent) and logs it for operators. */
async function noticeLate(db: Queryable, o: DispatchOptions): Promise<number> {
  const policy = o.policy ?? DEFAULT_RETRY_POLICY;
  const now = o.clock.now();
  const { rows } = await db.query<{ id: string; area_id: string | null }>(
    `UPDATE outbox_mail SET late_noticed_at = $1
      WHERE state IN ('pending', 'sending') AND late_noticed_at IS NULL
        AND first_attempt_at <= $2
      RETURNING id, area_id`,
    [now, new Date(now.getTime() - policy.lateAfterMs)],
  );
  if (rows.length > 0)
    o.log?.warn(
      { late: rows.length, outboxIds: rows.slice(0, 20).map((r) => r.id) },
      'outbox mail is late; the coordinator sees it in the tab',
    );
  return rows.length;
}
