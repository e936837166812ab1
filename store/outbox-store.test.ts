import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { PgOutboxStore } from './outbox-store.js';

let db: TestDb;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => db.dispose());

const mail = {
  idempotencyKey: 'circulation:m1:p1',
  purpose: 'circulation',
  to: [{ email: 'sam.testbury@northfield-police.example' }],
  subject: 'Northfield MARAC 18 Nov 2026: case list available',
  bodyHtml: '<p>15 cases. Open the case list in Teams.</p>',
};

describe('the outbox', () => {
  it('enqueues a mail once per idempotency key, inside the caller transaction', async () => {
    const now = new Date('2026-11-06T09:00:00Z');
    const first = await db.transaction((tx) => new PgOutboxStore(tx).enqueue(mail, now));
    const again = await db.transaction((tx) =>
      new PgOutboxStore(tx).enqueue({ ...mail, subject: 'changed' }, now),
    );
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const { rows } = await db.query(
      'SELECT state, subject, to_recipients, not_before FROM outbox_mail',
    );
    expect(rows).toEqual([
      { state: 'pending', subject: mail.subject, to_recipients: mail.to, not_before: now },
    ]);
  });

  it('enqueues nothing when the surrounding transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await new PgOutboxStore(tx).enqueue(mail, new Date());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect((await db.query('SELECT count(*) AS n FROM outbox_mail')).rows[0]).toEqual({ n: 0 });
  });
});
