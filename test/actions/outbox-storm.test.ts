import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphMailer, IDEMPOTENCY_HEADER } from '../../graph/graph-mailer.js';
import { KeyedLimiter } from '../../graph/keyed-limiter.js';
import { dispatchOutbox } from '../../server/outbox-dispatcher.js';
import { PgOutboxStore } from '../../store/outbox-store.js';
import {
  type ContractTenant,
  emailOf,
  MAILBOX,
  startContractTenant,
} from '../contract/support/contract-tenant.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/**
 * A 429 storm from the simulated mailbox is ridden out with nothing lost or duplicated, and a
 * long one (far past the old ten-attempt limit) too: mail is retried by time, not by count. The Graph client is set not to retry here, so the dispatcher puts
 * the row back with not_before = now + Retry-After and claims it again when that has passed.
 */
let tenant: ContractTenant;
let db: TestDb;
beforeAll(async () => {
  tenant = await startContractTenant();
});
afterAll(() => tenant?.close());
beforeEach(async () => {
  tenant.reset();
  db = await createTestDb();
});
afterEach(() => db.dispose());

const mail = (i: number, run = 'storm') => ({
  idempotencyKey: `chaser:${run}-${i}:due-today:${emailOf('housing-rep')}`,
  purpose: 'chaser',
  to: [{ email: emailOf('housing-rep') }],
  subject: `Northfield MARAC: action A-${String(i).padStart(4, '0')} due for your update`,
  bodyHtml: `<p>A-${i}</p>`,
});

describe('a 429 storm', () => {
  it('is ridden out: every mail sent once, Retry-After honoured, never more than 4 in flight', async () => {
    const clock = new FakeClock('2026-11-04T10:00:00Z');
    const outbox = new PgOutboxStore(db);
    for (let i = 1; i <= 30; i++) await outbox.enqueue(mail(i), clock.now());
    tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'throttle',
      times: 60,
      retryAfterSeconds: 30,
    });
    tenant.tenant.faults.add({ call: 'POST /users/{id}/sendMail', kind: 'latency', latencyMs: 20 });
    const mailer = new GraphMailer({
      graph: tenant.client({ maxRetries: 0 }),
      mailbox: MAILBOX,
      sleep: async () => {},
    });
    const totals = { sent: 0, alreadySent: 0, retried: 0, failed: 0 };
    let rounds = 0;
    let maxInFlight = 0;
    let inFlight = 0;
    const counting = {
      send: async (m: Parameters<typeof mailer.send>[0]) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await mailer.send(m);
        } finally {
          inFlight -= 1;
        }
      },
      wasSent: (key: string) => mailer.wasSent(key),
    };
    for (; rounds < 40; rounds++) {
      const r = await dispatchOutbox(db, { clock, mailer: counting, mailbox: MAILBOX });
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox_mail WHERE state <> 'sent'",
      );
      if (rows[0]?.n === 0) break;
      // Rows waiting for Retry-After are not claimed early.
      const early = await dispatchOutbox(db, { clock, mailer: counting, mailbox: MAILBOX });
      expect(early.claimed).toBe(0);
      clock.advance(30_000);
    }
    const keys = tenant.tenant.outbox.map(
      (m) => m.internetMessageHeaders.find((h) => h.name === IDEMPOTENCY_HEADER)?.value,
    );
    expect(keys.sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => mail(i + 1).idempotencyKey).sort(),
    );
    expect(totals.failed).toBe(0);
    expect(totals.retried).toBeGreaterThan(0);
    expect(rounds).toBeGreaterThan(0);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    const throttled = tenant.tenant.requests.filter((r) => r.status === 429);
    expect(throttled.length).toBe(60);
    const { rows } = await db.query<{ state: string; retried: number }>(
      `SELECT state, count(*) FILTER (WHERE attempts > 1)::int AS retried FROM outbox_mail GROUP BY state`,
    );
    expect(rows.map((r) => r.state)).toEqual(['sent']);
    expect(rows[0]!.retried).toBeGreaterThan(0);
  }, 120_000);

  it('marks a permanently refused mail failed with the reason, and sends the rest', async () => {
    const clock = new FakeClock('2026-11-04T10:00:00Z');
    const outbox = new PgOutboxStore(db);
    await outbox.enqueue(mail(1), clock.now());
    await outbox.enqueue({ ...mail(2), to: [] }, clock.now()); // Graph: 400 ErrorInvalidRecipients
    const mailer = new GraphMailer({
      graph: tenant.graph,
      mailbox: MAILBOX,
      sleep: async () => {},
    });
    const report = await dispatchOutbox(db, { clock, mailer, mailbox: MAILBOX });
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    const { rows } = await db.query<{
      idempotency_key: string;
      state: string;
      last_error: string | null;
    }>('SELECT idempotency_key, state, last_error FROM outbox_mail ORDER BY idempotency_key');
    expect(rows.map((r) => r.state)).toEqual(['sent', 'failed']);
    expect(rows[1]!.last_error).toMatch(/400/);
  });
});

describe('outbox retries by time, not by count', () => {
  it('rides out twenty minutes of 429s: every notice sent once after recovery, late ones reported', async () => {
    const clock = new FakeClock('2026-11-04T10:00:00Z');
    const outbox = new PgOutboxStore(db);
    for (let i = 1; i <= 12; i++) await outbox.enqueue(mail(i, 'window'), clock.now());
    const storm = tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'throttle',
      retryAfterSeconds: 30,
    });
    const mailer = new GraphMailer({
      graph: tenant.client({ maxRetries: 0 }),
      mailbox: MAILBOX,
      sleep: async () => {},
    });
    const warnings: string[] = [];
    const options = {
      clock,
      mailer,
      mailbox: MAILBOX,
      limiter: new KeyedLimiter(4),
      log: { warn: (_o: object, msg: string) => warnings.push(msg) },
    };
    const totals = { sent: 0, failed: 0, retried: 0, late: 0 };
    const run = async () => {
      const r = await dispatchOutbox(db, options);
      totals.sent += r.sent + r.alreadySent;
      totals.failed += r.failed;
      totals.retried += r.retried;
      totals.late += r.late;
    };
    // Twenty minutes of throttling, dispatching every 30 s as the job would.
    for (let t = 0; t < 40; t++) {
      await run();
      clock.advance(30_000);
    }
    expect(totals.failed).toBe(0);
    expect(totals.sent).toBe(0);
    expect(totals.retried).toBeGreaterThan(12 * 10);
    // Late once each, not once per run.
    expect(totals.late).toBe(12);
    expect(warnings.filter((w) => /late/.test(w)).length).toBeGreaterThan(0);
    // Recovery.
    tenant.tenant.faults.clear({ id: storm.id });
    for (let t = 0; t < 4; t++) {
      await run();
      clock.advance(30_000);
    }
    const keys = tenant.tenant.outbox.map(
      (m) => m.internetMessageHeaders.find((h) => h.name === IDEMPOTENCY_HEADER)?.value,
    );
    expect(keys.sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => mail(i + 1, 'window').idempotencyKey).sort(),
    );
    const { rows } = await db.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM outbox_mail GROUP BY state',
    );
    expect(rows).toEqual([{ state: 'sent', n: 12 }]);
  }, 180_000);

  it('gives a mail up 24 hours after its first attempt, and it waits for a resend', async () => {
    const clock = new FakeClock('2026-11-04T10:00:00Z');
    await new PgOutboxStore(db).enqueue(mail(1, 'window'), clock.now());
    tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'throttle',
      retryAfterSeconds: 3600,
    });
    const mailer = new GraphMailer({
      graph: tenant.client({ maxRetries: 0 }),
      mailbox: MAILBOX,
      sleep: async () => {},
    });
    let failed = 0;
    for (let hour = 0; hour <= 25; hour++) {
      failed += (await dispatchOutbox(db, { clock, mailer, mailbox: MAILBOX })).failed;
      clock.advance(3600_000);
    }
    expect(failed).toBe(1);
    const { rows } = await db.query<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM outbox_mail',
    );
    expect(rows[0]).toMatchObject({ state: 'failed' });
    expect(rows[0]!.attempts).toBeGreaterThan(20);
  }, 180_000);
});
