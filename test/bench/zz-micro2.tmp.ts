import { PgliteDb } from '../../store/pglite-db.js';
import { migrate } from '../../store/migrate.js';
import { seedDemo, demoUuid } from '../../store/seed/seed-demo.js';
import { PgMeetingRunStore } from '../../store/meeting-run-store.js';
import { PgActionStore } from '../../store/action-store.js';
import { PgAuditLog } from '../../store/audit-log-store.js';
const db = await PgliteDb.open();
if (process.env.GENERIC) await db.exec('SET plan_cache_mode = force_generic_plan');
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
const N = Number(process.env.N ?? 100);
const t: Record<string, number> = {};
const time = async <T>(k: string, f: () => Promise<T>) => {
  const s = process.cpuUsage();
  const r = await f();
  const d = process.cpuUsage(s);
  t[k] = (t[k] ?? 0) + (d.user + d.system) / 1000;
  return r;
};
const runs = new PgMeetingRunStore(db);
let lastSql = '';
let lastParams: unknown[] = [];
const spy = {
  query: (sql: string, params: unknown[]) => {
    lastSql = sql;
    lastParams = params;
    return db.query(sql, params);
  },
};
const spyRuns = new PgMeetingRunStore(spy as any);
for (let i = 0; i < N; i++) {
  await time('volunteerAction', () =>
    spyRuns.volunteerAction({
      action: {
        areaId: item.area_id,
        caseId: item.case_id,
        meetingId: item.meeting_id,
        agendaItemId: item.id,
        ownerAgencyId: p.agency_id,
        ownerPersonId: null,
        description: 'Bench action: follow-up within the week',
        category: 'victim',
        partnerAgencyIds: [],
        dueOn: '2026-12-20',
        dueOverridden: false,
        state: 'volunteered',
        volunteeredBy: p.id,
      },
      actorPersonId: p.id,
      acknowledged: false,
      claim: { invokeId: `x${i}`, verb: 'volunteer' },
      now: new Date(),
    }),
  );
  await time('person', () => runs.findPersonByEntraId('nobody'));
  await time('bare select 1', () => db.query('SELECT 1'));
  await time('case actions', () => runs.listCaseActions(item.meeting_id, item.id));
  await time('case actions 2 cols', () =>
    db.query('SELECT id, reference FROM action WHERE meeting_id = $1 AND agenda_item_id = $2', [
      item.meeting_id,
      item.id,
    ]),
  );
  await time('createAction alone', () =>
    new PgActionStore(db).createAction(
      {
        areaId: item.area_id,
        caseId: item.case_id,
        meetingId: item.meeting_id,
        agendaItemId: null,
        ownerAgencyId: p.agency_id,
        ownerPersonId: null,
        description: 'Bench action: follow-up within the week',
        category: 'victim',
        partnerAgencyIds: [],
        dueOn: '2026-12-20',
        dueOverridden: false,
        state: 'volunteered',
        volunteeredBy: p.id,
      },
      p.id,
      new Date(),
    ),
  );
  await time('claim alone', () =>
    runs.claimInvoke({
      invokeId: `y${i}`,
      meetingId: item.meeting_id,
      personId: p.id,
      verb: 'volunteer',
      now: new Date(),
    }),
  );
  await time('audit alone', () =>
    new PgAuditLog(db).record({
      at: new Date(),
      areaId: item.area_id,
      actor: { kind: 'person', personId: p.id },
      action: 'action.volunteer',
      recordType: 'action',
      recordId: 'x',
      meetingId: item.meeting_id,
    }),
  );
  await time('insert history alone', () =>
    db.query(
      `INSERT INTO action_history (action_id, at, actor_person_id, event, changes) SELECT id, now(), NULL, 'x', '{}' FROM action WHERE meeting_id = $1 LIMIT 1`,
      [item.meeting_id],
    ),
  );
  const vals = [
    item.area_id,
    item.case_id,
    item.meeting_id,
    p.agency_id,
    'desc',
    'victim',
    '2026-12-20',
  ];
  await time('raw insert action', () =>
    db.query(
      `INSERT INTO action (area_id, case_id, meeting_id, reference, owner_agency_id, description, category, due_on) VALUES ($1, $2, $3, 'B-' || $8, $4, $5, $6, $7) RETURNING id`,
      [...vals, String(i)],
    ),
  );
  await time('raw insert action id', () =>
    db.query(
      `INSERT INTO action (id, area_id, case_id, meeting_id, reference, owner_agency_id, description, category, due_on) VALUES ($9::uuid, $1, $2, $3, 'C-' || $8, $4, $5, $6, $7)`,
      [...vals, String(i), crypto.randomUUID()],
    ),
  );
  await time('gen_random_uuid', () => db.query(`SELECT gen_random_uuid()`));
  await time('counter cte only', () =>
    db.query(
      `UPDATE action_reference_counter SET last_value = last_value + 1 WHERE area_id = $1 RETURNING last_value`,
      [item.area_id],
    ),
  );
  const ca = new PgActionStore({
    query: async (sql: string, params: unknown[]) => {
      await time('  createAction plan only', () => db.query('EXPLAIN ' + sql, params));
      return db.query(sql, params);
    },
  } as any);
  await ca.createAction(
    {
      areaId: item.area_id,
      caseId: item.case_id,
      meetingId: item.meeting_id,
      agendaItemId: null,
      ownerAgencyId: p.agency_id,
      ownerPersonId: null,
      description: 'Bench action: follow-up within the week',
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
  await time('tx begin+commit', () => db.transaction(async () => undefined));
}
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(20), (v / N).toFixed(2), 'ms');
await db.close();
