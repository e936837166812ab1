import { addCalendarDays } from '../../core/calendar/index.js';
import { migrate } from '../../store/migrate.js';
import { CHASE_SCAN_SQL, PgChaseStore } from '../../store/chase-store.js';
import { PgDb } from '../../store/pg-db.js';
import { type Benchmark, interleaved, result } from './harness.js';

/**
 * The daily chase scan over 1,000,000 actions in 300 areas, generated in PostgreSQL
 * with generate_series: 5% open (as in a register where most actions are long closed), due
 * dates spread over 120 days around today. For every area the scan runs PgChaseStore's real
 * scan (open actions due by the look-ahead day, then their owners, deputies and escalation
 * contacts);
 * the figure is the time per 1,000 due actions. Baseline in the same run: the same rows by a
 * bare indexed select (no joins). The EXPLAIN of one area's scan is printed to show the partial
 * index (area_id, due_on) WHERE state = 'open' is used. PostgreSQL only (DATABASE_URL).
 */
const ACTIONS = 1_000_000;
const AREAS = 300;
const TODAY = '2026-11-04';
const HORIZON = addCalendarDays(TODAY, 2);

export const chaseScanBench: Benchmark = {
  name: 'chase-scan',
  async run() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      console.log('  chase-scan: skipped (needs DATABASE_URL, a PostgreSQL server)');
      return [];
    }
    const schema = `bench_chase_${Date.now()}`;
    const admin = new PgDb({ connectionString: url, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const db = new PgDb({ connectionString: url, searchPath: schema, max: 2 });
    try {
      await migrate(db);
      const t0 = performance.now();
      await db.exec(`
        INSERT INTO area (id, name, nation, confidentiality_statement)
          SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(a), 12, '0'))::uuid, 'Area ' || a, 'england-and-wales', 'Confidential.'
            FROM generate_series(1, ${AREAS}) a;
        INSERT INTO agency (id, area_id, name, sector, escalation_contact_email)
          SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(a * 10 + g), 12, '0'))::uuid,
                 ('00000000-0000-4000-8000-' || lpad(to_hex(a), 12, '0'))::uuid, 'Agency ' || g, 'other',
                 'lead' || g || '@area' || a || '.example'
            FROM generate_series(1, ${AREAS}) a, generate_series(0, 4) g;
        INSERT INTO person (id, area_id, agency_id, display_name, email)
          SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(a * 10 + g), 12, '0'))::uuid,
                 ('00000000-0000-4000-8000-' || lpad(to_hex(a), 12, '0'))::uuid,
                 ('00000000-0000-4000-9000-' || lpad(to_hex(a * 10 + g), 12, '0'))::uuid,
                 'Rep ' || g, 'rep' || g || '@area' || a || '.example'
            FROM generate_series(1, ${AREAS}) a, generate_series(0, 4) g;
        INSERT INTO marac_case (id, area_id, case_number)
          SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(a * 100 + c), 12, '0'))::uuid,
                 ('00000000-0000-4000-8000-' || lpad(to_hex(a), 12, '0'))::uuid, 'C-' || a || '-' || c
            FROM generate_series(1, ${AREAS}) a, generate_series(0, 49) c;
        INSERT INTO action (area_id, case_id, reference, owner_agency_id, owner_person_id, description, category, due_on, state)
          SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(a), 12, '0'))::uuid,
                 ('00000000-0000-4000-b000-' || lpad(to_hex(a * 100 + i % 50), 12, '0'))::uuid,
                 'A-' || lpad(i::text, 7, '0'),
                 ('00000000-0000-4000-9000-' || lpad(to_hex(a * 10 + i % 5), 12, '0'))::uuid,
                 ('00000000-0000-4000-a000-' || lpad(to_hex(a * 10 + i % 5), 12, '0'))::uuid,
                 'generated', 'other', DATE '${TODAY}' + ((i::bigint * 7919) % 120 - 60)::int,
                 CASE WHEN (i / ${AREAS}) % 20 = 0 THEN 'open' ELSE 'done' END
            FROM (SELECT i, 1 + i % ${AREAS} AS a FROM generate_series(1, ${ACTIONS}) i) s;
        ANALYZE;
      `);
      const generateSeconds = (performance.now() - t0) / 1000;
      const areaIds = (await db.query<{ id: string }>('SELECT id FROM area ORDER BY id')).rows.map(
        (r) => r.id,
      );
      const store = new PgChaseStore(db);
      let due = 0;
      const scan = async () => {
        const t = performance.now();
        let n = 0;
        for (const id of areaIds) n += (await store.openActionsDue(id, HORIZON)).length;
        due = n;
        return performance.now() - t;
      };
      const bare = async () => {
        const t = performance.now();
        for (const id of areaIds)
          await db.query(
            `SELECT id, due_on FROM action WHERE state = 'open' AND area_id = $1 AND due_on <= $2::date`,
            [id, HORIZON],
          );
        return performance.now() - t;
      };
      // Seven alternations: on a shared machine one slow round must not decide the median.
      const { subject, baseline } = await interleaved(7, scan, bare);
      const seqT = performance.now();
      await db.query('SELECT count(*) FROM action');
      const seqScanMs = performance.now() - seqT;
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${CHASE_SCAN_SQL}`,
        [areaIds[0], HORIZON],
      );
      const planText = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      console.log(
        `  chase-scan: ${due} due actions of ${ACTIONS} in ${AREAS} areas (generated in ${generateSeconds.toFixed(1)} s)`,
      );
      console.log(
        `  chase-scan: whole scan ${subject.toFixed(0)} ms; bare indexed select ${baseline.toFixed(0)} ms; count(*) seq scan ${seqScanMs.toFixed(0)} ms`,
      );
      console.log(`  chase-scan: EXPLAIN of one area's scan:\n${planText.replace(/^/gm, '    ')}`);
      if (!/action_open_area_due_idx/.test(planText))
        throw new Error('the chase scan does not use action_open_area_due_idx');
      const per1000 = (ms: number) => (ms * 1000) / Math.max(1, due);
      return [
        result(
          'chase scan (PostgreSQL, 1M actions / 300 areas)',
          'ms per 1,000 due actions',
          per1000(subject),
          'bare indexed select of the same rows',
          per1000(baseline),
          { dueActions: due, totalMs: Math.round(subject), seqScanCountMs: Math.round(seqScanMs) },
          ({ ratio }) => ({ text: '≤ 2× the bare indexed select', met: ratio <= 2 }),
        ),
      ];
    } finally {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  },
};
