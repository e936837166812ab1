import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { listAuditEntries, PgAuditLog } from './audit-log-store.js';
import { seedDemo } from './seed/seed-demo.js';

let db: TestDb;
let areaId: string;
beforeEach(async () => {
  db = await createTestDb();
  areaId = (await seedDemo(db, { now: new Date('2026-11-02T10:00:00Z'), tenantId: 'tenant' }))
    .areaId;
});
afterEach(async () => db.dispose());

describe('audit log (FR-104)', () => {
  it('records entries and reads them back newest first', async () => {
    const audit = new PgAuditLog(db);
    await audit.record({
      at: new Date('2026-11-02T10:00:00Z'),
      areaId,
      actor: { kind: 'system' },
      action: 'case-list.view',
      recordType: 'meeting',
      recordId: 'm1',
    });
    await audit.record({
      at: new Date('2026-11-02T10:01:00Z'),
      areaId,
      actor: { kind: 'job' },
      action: 'research.purge',
      recordType: 'meeting',
      recordId: 'm1',
      detail: { purged: 3 },
    });
    const rows = await listAuditEntries(db, { areaId, recordType: 'meeting', recordId: 'm1' });
    expect(rows.map((r) => r.action)).toEqual(['research.purge', 'case-list.view']);
    expect(rows[0]?.detail).toEqual({ purged: 3 });
  });

  it('cannot be updated, deleted or truncated, even with raw SQL', async () => {
    await new PgAuditLog(db).record({
      at: new Date(),
      areaId,
      actor: { kind: 'system' },
      action: 'x.y',
      recordType: 'r',
      recordId: '1',
    });
    await expect(db.query(`UPDATE audit_log SET action = 'rewritten'`)).rejects.toThrow(
      /APPEND_ONLY/,
    );
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/APPEND_ONLY/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/APPEND_ONLY/);
    const { rows } = await db.query<{ action: string }>('SELECT action FROM audit_log');
    expect(rows).toEqual([{ action: 'x.y' }]);
  });
});

describe('action history (FR-079)', () => {
  it('is append-only', async () => {
    const {
      rows: [c],
    } = await db.query<{ id: string }>('SELECT id FROM marac_case LIMIT 1');
    const {
      rows: [agency],
    } = await db.query<{ id: string }>('SELECT id FROM agency LIMIT 1');
    const {
      rows: [action],
    } = await db.query<{ id: string }>(
      `INSERT INTO action (area_id, case_id, reference, owner_agency_id, description, category, due_on)
       VALUES ($1, $2, 'A-0001', $3, 'Flag files', 'victim', '2026-12-01') RETURNING id`,
      [areaId, c?.id, agency?.id],
    );
    await db.query(
      `INSERT INTO action_history (action_id, event, changes) VALUES ($1, 'created', '{}')`,
      [action?.id],
    );
    await db.query(
      `INSERT INTO action_history (action_id, event, changes) VALUES ($1, 'confirmed', '{}')`,
      [action?.id],
    );
    await expect(db.query(`UPDATE action_history SET event = 'nothing happened'`)).rejects.toThrow(
      /APPEND_ONLY/,
    );
    await expect(db.query(`DELETE FROM action_history WHERE event = 'created'`)).rejects.toThrow(
      /APPEND_ONLY/,
    );
    const { rows } = await db.query<{ event: string }>(
      'SELECT event FROM action_history ORDER BY id',
    );
    expect(rows.map((r) => r.event)).toEqual(['created', 'confirmed']);
  });
});
