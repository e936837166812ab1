import { PgAuditLog } from '../../store/audit-log-store.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { PgDb } from '../../store/pg-db.js';
import { PgliteDb } from '../../store/pglite-db.js';
import { type Benchmark, interleaved, result } from './harness.js';

const BATCH = 500;

/** Audit appends (append-only trigger, jsonb detail) against a bare single-column INSERT. */
async function measure(db: Db, label: string) {
  await migrate(db);
  await db.exec('CREATE TABLE IF NOT EXISTS bench_bare (at timestamptz, action text)');
  const audit = new PgAuditLog(db);
  const timeBatch = async (one: (i: number) => Promise<unknown>) => {
    const t = performance.now();
    for (let i = 0; i < BATCH; i++) await one(i);
    return ((performance.now() - t) * 1000) / BATCH; // µs per row
  };
  const { subject, baseline } = await interleaved(
    5,
    () =>
      timeBatch((i) =>
        audit.record({
          at: new Date(),
          areaId: null,
          actor: { kind: 'system' },
          action: 'bench.view',
          recordType: 'meeting',
          recordId: String(i),
          detail: { n: i },
        }),
      ),
    () =>
      timeBatch(() =>
        db.query('INSERT INTO bench_bare (at, action) VALUES ($1, $2)', [new Date(), 'bench.view']),
      ),
  );
  return result(
    `audit log append (${label})`,
    'µs/row',
    subject,
    `bare INSERT (${label})`,
    baseline,
    { rows: BATCH * 5 },
  );
}

export const auditLogBench: Benchmark = {
  name: 'audit-log',
  async run() {
    const results = [];
    const pglite = await PgliteDb.open();
    try {
      results.push(await measure(pglite, 'PGlite'));
    } finally {
      await pglite.close();
    }
    const url = process.env.DATABASE_URL;
    if (url) {
      const schema = `bench_${Date.now()}`;
      const admin = new PgDb({ connectionString: url, max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const pg = new PgDb({ connectionString: url, searchPath: schema, max: 2 });
      try {
        results.push(await measure(pg, 'PostgreSQL'));
      } finally {
        await pg.close();
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
    }
    return results;
  },
};
