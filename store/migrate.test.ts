import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, usingPostgres } from '../test/support/test-db.js';
import { loadMigrations, migrate, MigrationError } from './migrate.js';

let db: TestDb;
afterEach(async () => db?.dispose());

describe(`migrations (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('apply every numbered migration to an empty database and create the whole domain', async () => {
    db = await createTestDb({ migrate: false });
    const report = await migrate(db);
    const known = await loadMigrations();
    expect(report.applied).toEqual(known.map((m) => m.name));
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const table of [
      'area',
      'agency',
      'person',
      'person_role',
      'deputy_link',
      'meeting_series',
      'meeting',
      'meeting_invitee',
      'marac_case',
      'case_subject',
      'agenda_item',
      'agenda_item_permitted_person',
      'agenda_move',
      'circulation',
      'circulation_recipient',
      'attendance_interval',
      'camera_interval',
      'unmatched_identity',
      'action',
      'action_history',
      'chase_step',
      'outbox_mail',
      'audit_log',
    ])
      expect(tables).toContain(table);
  });

  it('are a no-op the second time', async () => {
    db = await createTestDb();
    const report = await migrate(db);
    expect(report.applied).toEqual([]);
    // The newest numbered file, whichever issue added it.
    const newest = (await readdir(new URL('./migrations/', import.meta.url)))
      .filter((f) => /^\d{4}_.*\.sql$/.test(f))
      .sort()
      .at(-1);
    expect(`${report.current}.sql`).toBe(newest);
  });

  it('refuse a database at a newer migration than the code, saying what to do', async () => {
    db = await createTestDb();
    await db.query(
      `INSERT INTO schema_migrations (id, name, checksum) VALUES (9999, '9999_from_the_future', 'x')`,
    );
    const error = await migrate(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe('DB_NEWER_THAN_CODE');
    expect((error as MigrationError).message).toContain('9999_from_the_future');
    expect((error as MigrationError).message).toMatch(/newer release/);
  });

  it('refuse a migration that was edited after it was applied', async () => {
    db = await createTestDb();
    await db.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE id = 1`);
    await expect(migrate(db)).rejects.toMatchObject({ code: 'MIGRATION_CHANGED' });
  });

  it('roll back a failing migration completely and name it', async () => {
    db = await createTestDb();
    const known = await loadMigrations();
    const broken = [
      ...known,
      {
        id: 2,
        name: '0002_broken',
        sql: 'CREATE TABLE half_done (a int); SELECT * FROM missing_table;',
        checksum: 'b',
      },
    ];
    await expect(migrate(db, broken)).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringContaining('0002_broken'),
    });
    const { rows } = await db.query(`SELECT to_regclass('half_done') AS t`);
    expect(rows[0]).toEqual({ t: null });
  });
});
