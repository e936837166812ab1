import { PgliteDb } from '../../store/pglite-db.js';
import { migrate } from '../../store/migrate.js';
import { seedDemo, demoUuid } from '../../store/seed/seed-demo.js';
import { createActionStatement } from '../../store/action-store.js';
const db = await PgliteDb.open();
await migrate(db);
await seedDemo(db, { now: new Date(), tenantId: '00000000-0000-0000-0000-000000000001' });
const {
  rows: [item],
} = await db.query<any>(
  `SELECT ai.id, ai.case_id, m.area_id, m.id AS meeting_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id WHERE m.id = $1 ORDER BY position LIMIT 1`,
  [demoUuid('meeting:next')],
);
const {
  rows: [p],
} = await db.query<any>(`SELECT id, agency_id FROM person WHERE agency_id IS NOT NULL LIMIT 1`);
const N = 30;
const cpu = async (label: string, sql: string, params: unknown[]) => {
  let total = 0;
  try {
    for (let i = 0; i < N; i++) {
      const s = process.cpuUsage();
      await db.query('EXPLAIN ' + sql, params);
      const d = process.cpuUsage(s);
      total += d.user + d.system;
    }
  } catch (e) {
    console.log(label, 'failed', (e as Error).message);
    return;
  }
  console.log(label.padEnd(40), (total / N / 1000).toFixed(2), 'ms plan');
};
const ins = createActionStatement(
  {
    areaId: item.area_id,
    caseId: item.case_id,
    meetingId: item.meeting_id,
    agendaItemId: null,
    ownerAgencyId: p.agency_id,
    ownerPersonId: null,
    description: 'Bench action',
    category: 'victim',
    partnerAgencyIds: [],
    dueOn: '2026-12-20',
    dueOverridden: false,
    state: 'volunteered',
    volunteeredBy: p.id,
  },
  p.id,
  new Date(),
);
await cpu('select 1', 'SELECT 1', []);
await cpu(
  'raw insert',
  `INSERT INTO action (area_id, case_id, meeting_id, reference, owner_agency_id, description, category, due_on) VALUES ($1, $2, $3, 'B-1', $4, 'd', 'victim', '2026-01-01') RETURNING id`,
  [item.area_id, item.case_id, item.meeting_id, p.agency_id],
);
await cpu('ctes + select id', `WITH ${ins.ctes} SELECT id FROM created`, ins.params);
const noHist = ins.ctes.slice(0, ins.ctes.indexOf('history AS'));
await cpu(
  'ctes without history',
  `WITH ${noHist.replace(/,\s*$/, '')} SELECT id FROM created, (SELECT $21::uuid, $22::jsonb, $23::uuid) x`,
  ins.params,
);
await cpu(
  'counter only',
  `WITH ${ins.ctes.slice(0, ins.ctes.indexOf('created AS')).replace(/,\s*$/, '')} SELECT * FROM counter`,
  [ins.params[0]],
);
await cpu(
  'bumped only',
  `WITH ${ins.ctes.slice(0, ins.ctes.indexOf('-- The area')).replace(/,\s*$/, '')} SELECT * FROM bumped`,
  [ins.params[0]],
);
const noStarted = ins.ctes
  .replace(/started AS \([\s\S]*?RETURNING last_value\),/, '')
  .replace('UNION ALL SELECT last_value FROM started', '');
await cpu('ctes without started', `WITH ${noStarted} SELECT id FROM created`, ins.params);
await cpu(
  'select single action joined',
  `SELECT a.*, c.case_number, g.name, p.display_name FROM action a JOIN marac_case c ON c.id = a.case_id JOIN agency g ON g.id = a.owner_agency_id LEFT JOIN person p ON p.id = a.owner_person_id WHERE a.id = $1`,
  [item.id],
);
await db.close();
