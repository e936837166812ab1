import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphMailer, IDEMPOTENCY_HEADER } from '../../graph/graph-mailer.js';
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
 * Issue 6 "Done when": a 429 storm from the simulated mailbox is ridden out with nothing lost
 * or duplicated. The Graph client is set not to retry here, so the dispatcher puts
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

const mail = (i: number) => ({
  idempotencyKey: `chaser:storm-${i}:due-today:${emailOf('housing-rep')}`,
  purpose: 'chaser',
  to: [{ email: emailOf('housing-rep') }],
  subject: `Northfield MARAC: action A-${String(i).padStart(4, '0')} due for your update`,
  bodyHtml: `<p>A-${i}</p>`,
});

describe('a 429 storm (issue 6)', () => {
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
