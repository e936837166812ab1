import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgOutboxStore } from '../../store/outbox-store.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The coordinator's notice of late and failed mail, and the resend of a failed one: visible
 * to the coordinator only, for their own area only, audited.
 */
let app: TestApp;
let areaId: string;
let failedId: string;
let lateId: string;
beforeAll(async () => {
  app = await startTestApp();
  areaId = (await app.db.query<{ id: string }>('SELECT id FROM area ORDER BY created_at LIMIT 1'))
    .rows[0]!.id;
  const outbox = new PgOutboxStore(app.db);
  const enqueue = async (n: number) =>
    (
      await outbox.enqueue(
        {
          idempotencyKey: `chaser:attention-${n}:${randomUUID()}`,
          purpose: 'chaser',
          areaId,
          to: [{ email: 'housing.rep@northfield-housing.example' }],
          subject: `Northfield MARAC: action A-000${n} due for your update`,
          bodyHtml: `<p>A-000${n}</p>`,
          notBefore: new Date(Date.now() + 24 * 3600_000),
        },
        new Date(),
      )
    ).id;
  failedId = await enqueue(1);
  lateId = await enqueue(2);
  await enqueue(3); // queued and not yet tried: neither late nor failed
  await app.db.query(
    `UPDATE outbox_mail SET state = 'failed', attempts = 30, first_attempt_at = now() - interval '25 hours',
            last_error = 'Graph 429' WHERE id = $1`,
    [failedId],
  );
  await app.db.query(
    `UPDATE outbox_mail SET attempts = 12, first_attempt_at = now() - interval '40 minutes' WHERE id = $1`,
    [lateId],
  );
}, 120_000);
afterAll(() => app?.close());

describe('late and failed mail on the coordinator’s workspace', () => {
  it('lists late and failed mail to the coordinator, references only', async () => {
    const res = await app.as('coordinator')('/api/outbox/attention');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { late: { id: string }[]; failed: { id: string }[] };
    expect(body.failed.map((m) => m.id)).toEqual([failedId]);
    expect(body.late.map((m) => m.id)).toEqual([lateId]);
    expect(JSON.stringify(body)).not.toContain('housing.rep@');
    expectNoPersonalData(JSON.stringify(body), 'the undelivered-mail notice');
  });

  it.each(['chair', 'police-rep'])('is refused to the %s', async (who) => {
    expect((await app.as(who)('/api/outbox/attention')).status).toBe(403);
    const res = await app.as(who)(`/api/outbox/${failedId}/resend`, { method: 'POST' });
    expect(res.status).toBe(403);
  });

  it('resends a failed mail once, audited; a mail that has not failed is not resent', async () => {
    const res = await app.as('coordinator')(`/api/outbox/${failedId}/resend`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { rows } = await app.db.query<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM outbox_mail WHERE id = $1',
      [failedId],
    );
    expect(rows[0]).toEqual({ state: 'pending', attempts: 0 });
    const audit = await app.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE record_id = $1',
      [failedId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['mail.resend']);
    const again = await app.as('coordinator')(`/api/outbox/${failedId}/resend`, {
      method: 'POST',
    });
    expect(again.status).toBe(409);
    const late = await app.as('coordinator')(`/api/outbox/${lateId}/resend`, { method: 'POST' });
    expect(late.status).toBe(409);
  });

  it('answers an unknown or malformed id with 404 or 400', async () => {
    const unknown = await app.as('coordinator')(`/api/outbox/${randomUUID()}/resend`, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
    const malformed = await app.as('coordinator')('/api/outbox/nope/resend', { method: 'POST' });
    expect(malformed.status).toBe(400);
  });
});
