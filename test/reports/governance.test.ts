import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { FakeClock } from '../support/fake-clock.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * GET /api/reports/governance (steering report, FR-115, FR-075, KPI-1, KPI-3, KPI-4,
 * KPI-6, KPI-12, KPI-13): generated meetings, cases, actions and attendance in Q1 2025 with
 * hand-computed answers, on PGlite and (DATABASE_URL) PostgreSQL.
 *
 * Today is Thursday 2025-03-20 (Europe/London, england-and-wales). The seeded demo meeting is
 * 15+ days later and not ended, so it is in no period below.
 */
const NOW = new Date('2025-03-20T12:00:00Z');
const FROM = '2025-01-01T00:00:00Z';
const TO = '2025-04-01T00:00:00+01:00';
const route = (from = FROM, to = TO) =>
  `/api/reports/governance?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

const agency = (key: string) => demoUuid(`agency:${key}`);
const person = (key: string) => demoUuid(`person:${key}`);
const meetingId = (n: string) => demoUuid(`gov-meeting:${n}`);

let app: TestApp;
let areaId: string;

async function meeting(
  n: string,
  start: string,
  opts: { status?: string; kind?: string; parent?: string; reconciled?: boolean } = {},
) {
  const startsAt = new Date(start);
  await app.db.query(
    `INSERT INTO meeting (id, area_id, kind, title, scheduled_start, scheduled_end, status, actual_start,
       actual_end, parent_meeting_id, reconciled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $5, $6, $8, $9)`,
    [
      meetingId(n),
      areaId,
      opts.kind ?? 'scheduled',
      `Governance test ${n}`,
      startsAt,
      new Date(startsAt.getTime() + 3 * 3600_000),
      opts.status ?? 'ended',
      opts.parent ? meetingId(opts.parent) : null,
      opts.reconciled ? new Date(startsAt.getTime() + 4 * 3600_000) : null,
    ],
  );
}

/**
 * A case at a meeting: MC-G<n>, repeat flag, children in the household, referrer; heard (the
 * chair started and closed it) unless `wasHeard` is false.
 */
async function heard(
  m: string,
  n: number,
  isRepeat: boolean,
  children: number,
  referrer: string | null,
  wasHeard = true,
) {
  const caseId = demoUuid(`gov-case:${n}`);
  await app.db.query('INSERT INTO marac_case (id, area_id, case_number) VALUES ($1, $2, $3)', [
    caseId,
    areaId,
    `MC-G${n}`,
  ]);
  await app.db.query(
    `INSERT INTO agenda_item (meeting_id, case_id, position, risk_level, is_repeat, children_count,
       referring_agency_id, actual_start, actual_end)
     SELECT $1, $2, $3, 'high', $4, $5, $6, CASE WHEN $7 THEN m.actual_start END,
            CASE WHEN $7 THEN m.actual_start + interval '10 minutes' END
       FROM meeting m WHERE m.id = $1`,
    [meetingId(m), caseId, n, isRepeat, children, referrer ? agency(referrer) : null, wasHeard],
  );
}

async function action(
  ref: string,
  m: string,
  caseN: number,
  owner: string,
  state: string,
  dueOn: string,
  opts: { completedOn?: string; level?: number; createdAt: string },
) {
  await app.db.query(
    `INSERT INTO action (area_id, case_id, meeting_id, reference, owner_agency_id, description, category,
       due_on, state, completed_on, escalation_level, created_at)
     VALUES ($1, $2, $3, $4, $5, 'generated action', 'victim', $6, $7, $8, $9, $10)`,
    [
      areaId,
      demoUuid(`gov-case:${caseN}`),
      meetingId(m),
      ref,
      agency(owner),
      dueOn,
      state,
      opts.completedOn ?? null,
      opts.level ?? 0,
      new Date(opts.createdAt),
    ],
  );
}

async function attended(m: string, who: string, agencyKey: string, present: number, on: number) {
  await app.db.query(
    `INSERT INTO attendance_summary (meeting_id, agency_id, person_id, attended_as, present_seconds,
       camera_on_seconds, camera_source) VALUES ($1, $2, $3, 'representative', $4, $5, 'calling-roster')`,
    [meetingId(m), agency(agencyKey), person(who), present, on],
  );
}

async function invited(m: string, who: string, agencyKey: string) {
  await app.db.query(
    `INSERT INTO meeting_invitee (meeting_id, person_id, agency_id, kind) VALUES ($1, $2, $3, 'representative')`,
    [meetingId(m), person(who), agency(agencyKey)],
  );
}

beforeAll(async () => {
  app = await startTestApp({ now: NOW, adapters: { clock: new FakeClock(NOW) } });
  areaId = demoUuid('area');
  // Meetings: three ended in Q1 (M1 with a closed session), one ended before, one cancelled.
  await meeting('M1', '2025-01-15T10:00:00Z', { reconciled: true });
  await meeting('M1c', '2025-01-15T14:00:00Z', { kind: 'closed', parent: 'M1' });
  await meeting('M2', '2025-02-12T10:00:00Z', { reconciled: true });
  await meeting('M3', '2025-03-12T10:00:00Z');
  await meeting('M0', '2024-12-11T10:00:00Z', { reconciled: true });
  await meeting('MX', '2025-03-05T10:00:00Z', { status: 'cancelled' });
  // Cases: n, repeat, children, referring agency.
  await heard('M1', 1, true, 2, 'police');
  await heard('M1', 2, false, 0, 'idva');
  await heard('M1', 3, true, 1, 'police');
  await heard('M1c', 4, false, 3, 'housing');
  await heard('M2', 5, false, 1, null);
  await heard('M2', 6, true, 0, 'childrens');
  await heard('M3', 7, false, 2, 'police');
  await heard('M3', 8, false, 0, 'police');
  await heard('M3', 11, true, 6, 'housing', false); // listed, not heard: in no case figure
  await heard('M0', 9, true, 5, 'police'); // before the period
  await heard('MX', 10, true, 4, 'idva'); // cancelled meeting
  // Actions agreed at M1 (created 15 Jan), M2 (12 Feb), M3 (12 Mar), M0 (11 Dec).
  const m1 = { createdAt: '2025-01-15T11:00:00Z' };
  await action('A-9001', 'M1', 1, 'police', 'done', '2025-01-29', {
    ...m1,
    completedOn: '2025-01-27',
  });
  await action('A-9002', 'M1', 1, 'police', 'done', '2025-01-29', {
    ...m1,
    completedOn: '2025-02-05',
    level: 2,
  });
  await action('A-9003', 'M1', 3, 'housing', 'open', '2025-01-29', { ...m1, level: 2 });
  await action('A-9004', 'M1', 2, 'idva', 'not-achievable', '2025-01-29', m1);
  await action('A-9005', 'M1c', 4, 'housing', 'done', '2025-01-29', {
    createdAt: '2025-01-15T15:00:00Z',
    completedOn: '2025-01-29',
  });
  const m2 = { createdAt: '2025-02-12T11:00:00Z' };
  await action('A-9006', 'M2', 5, 'police', 'open', '2025-02-26', { ...m2, level: 1 });
  await action('A-9007', 'M2', 6, 'childrens', 'open', '2025-04-02', m2);
  await action('A-9008', 'M2', 6, 'police', 'volunteered', '2025-02-26', m2);
  await action('A-9009', 'M2', 5, 'police', 'rejected', '2025-02-26', m2);
  await action('A-9010', 'M3', 7, 'idva', 'done', '2025-03-26', {
    createdAt: '2025-03-12T11:00:00Z',
    completedOn: '2025-03-14',
  });
  await action('A-9011', 'M0', 9, 'probation', 'open', '2025-01-02', {
    createdAt: '2024-12-11T11:00:00Z',
    level: 2,
  });
  // Attendance (reconciled M1, M2): police at both (camera 1800/3600 and 0/1200), housing at M1
  // (camera on throughout), IDVA expected at M1 and probation at M2 but absent.
  await invited('M1', 'police-rep', 'police');
  await invited('M1', 'housing-rep', 'housing');
  await invited('M1', 'idva-rep', 'idva');
  await invited('M2', 'police-rep', 'police');
  await invited('M2', 'probation-rep', 'probation');
  await attended('M1', 'police-rep', 'police', 3600, 1800);
  await attended('M1', 'housing-rep', 'housing', 3600, 3600);
  await attended('M2', 'police-rep', 'police', 1200, 0);
  await attended('M0', 'police-rep', 'police', 3600, 3600); // before the period
}, 120_000);

afterAll(async () => {
  await app?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function get(who: string, path = route()): Promise<{ status: number; body: Json }> {
  const res = await app.as(who)(path);
  return { status: res.status, body: (await res.json()) as Json };
}

describe('GET /api/reports/governance', () => {
  it('gives the coordinator volumes (KPI-1, KPI-3, KPI-12, KPI-13) for the period', async () => {
    const { status, body } = await get('coordinator');
    expect(status).toBe(200);
    expect(body.period).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-03-31T23:00:00.000Z',
      today: '2025-03-20',
    });
    expect(body.volumes).toEqual({
      meetings: 3,
      casesOnAgenda: 9,
      casesHeard: 8, // M1 3 + its closed session 1 + M2 2 + M3 2
      casesNotHeard: 1,
      casesPerMeeting: 2.667,
      repeatCases: 3,
      repeatRate: 0.375,
      childrenInHouseholds: 9,
      referralsBySector: [
        { sector: 'police', label: 'Police', cases: 4, share: 0.5 },
        { sector: 'childrens-services', label: 'Children’s services', cases: 1, share: 0.125 },
        { sector: 'housing', label: 'Housing', cases: 1, share: 0.125 },
        { sector: 'idva', label: 'IDVA service', cases: 1, share: 0.125 },
        { sector: 'unknown', label: 'Not recorded', cases: 1, share: 0.125 },
      ],
      policeShare: 0.5,
      distinctReferringAgencies: 4,
    });
  });

  it('gives action completion overall and per agency (KPI-6)', async () => {
    const { body } = await get('chair');
    const { byAgency, ...totals } = body.actions;
    // Confirmed actions of Q1 meetings: 9001-9007 and 9010 (9008 volunteered, 9009 rejected,
    // 9011 from December are not counted). Due by today or closed: all but 9007 = 7.
    expect(totals).toEqual({
      created: 8,
      doneOnTime: 3, // 9001 (early), 9005 (on the day), 9010
      doneLate: 1, // 9002
      notAchievable: 1, // 9004
      open: 3, // 9003, 9006, 9007
      overdue: 2, // 9003, 9006
      completionRate: 0.429, // 3 / 7
      medianDaysToCompletion: 13, // 2, 12, 14, 21
    });
    const by = (key: string) => byAgency.find((a: Json) => a.agencyId === agency(key));
    expect(by('police')).toMatchObject({
      sector: 'police',
      created: 3,
      doneOnTime: 1,
      doneLate: 1,
      notAchievable: 0,
      open: 1,
      overdue: 1,
      completionRate: 0.333,
      escalated: 1,
      outstandingEscalated: 0,
    });
    expect(by('housing')).toMatchObject({
      created: 2,
      doneOnTime: 1,
      open: 1,
      overdue: 1,
      completionRate: 0.5,
      escalated: 1,
      outstandingEscalated: 1,
    });
    expect(by('idva')).toMatchObject({ created: 2, doneOnTime: 1, notAchievable: 1 });
    expect(by('idva').completionRate).toBe(0.5);
    expect(by('childrens')).toMatchObject({ created: 1, open: 1, overdue: 0 });
    expect(by('childrens').completionRate).toBeNull();
    expect(by('probation')).toMatchObject({ created: 0, outstandingEscalated: 1 });
    expect(by('education')).toBeUndefined(); // nothing to report
  });

  it('lists escalated actions with references, owner agency and days overdue for the coordinator (FR-075)', async () => {
    const { body } = await get('coordinator');
    expect(body.withReferences).toBe(true);
    expect(body.escalations.escalatedInPeriod).toBe(2); // 9002 (since done), 9003
    expect(body.escalations.outstanding).toBe(2); // 9011 (December), 9003
    expect(body.escalations.byAgency).toHaveLength(3);
    expect(body.escalations.byAgency).toEqual(
      expect.arrayContaining([
        { agencyId: agency('housing'), name: expect.any(String), escalated: 1, outstanding: 1 },
        { agencyId: agency('police'), name: expect.any(String), escalated: 1, outstanding: 0 },
        { agencyId: agency('probation'), name: expect.any(String), escalated: 0, outstanding: 1 },
      ]),
    );
    expect(body.escalations.outstandingActions).toEqual([
      {
        reference: 'A-9011',
        caseReference: 'MC-G9',
        ownerAgencyId: agency('probation'),
        ownerAgencyName: by(body, 'probation').name,
        dueOn: '2025-01-02',
        // 3 Jan; 20 in Jan from the 6th; 20 in Feb; 14 in March (to the 20th).
        workingDaysOverdue: 55,
        daysOverdue: 77,
      },
      {
        reference: 'A-9003',
        caseReference: 'MC-G3',
        ownerAgencyId: agency('housing'),
        ownerAgencyName: by(body, 'housing').name,
        dueOn: '2025-01-29',
        workingDaysOverdue: 36, // 30-31 Jan, 20 in Feb, 14 in March
        daysOverdue: 50,
      },
    ]);
    expectNoPersonalData(JSON.stringify(body), 'governance report');
  });

  it('summarises attendance and camera compliance from the attendance report (KPI-4)', async () => {
    const { body } = await get('coordinator');
    const { byAgency, ...summary } = body.attendance;
    expect(summary).toEqual({
      meetingsReconciled: 2, // M1, M2 (M3 not reconciled, M0 before the period)
      attendanceRate: 0.6, // police 2/2 + housing 1/1 of 5 expected (IDVA M1, probation M2 absent)
      coreAttendanceRate: 0.6,
      cameraOnShare: 0.688, // mean of police 1800/4800 = 0.375 and housing 1.0
    });
    const by = (key: string) => byAgency.find((a: Json) => a.agencyId === agency(key));
    expect(by('police')).toMatchObject({
      meetingsAttended: 2,
      meetingsExpected: 2,
      cameraOnShare: 0.375,
    });
    expect(by('idva')).toMatchObject({ meetingsAttended: 0, meetingsExpected: 1 });
  });

  it('gives the steering group aggregates, small counts suppressed, no references (R9)', async () => {
    const coordinator = await get('coordinator');
    const { status, body } = await get('steering');
    expect(status).toBe(200);
    expect(body.withReferences).toBe(false);
    expect(body.escalations.outstandingActions).toEqual([]);
    // Counts 1-4 read "fewer than 5"; larger counts and zeros stay (test/reports/steering-view).
    expect(body.escalations.byAgency.map((g: Json) => g.escalated)).not.toContain(1);
    expect(body.volumes).toMatchObject({
      casesHeard: 8,
      casesNotHeard: 'fewer than 5',
      repeatCases: 'fewer than 5',
      repeatRate: null,
      childrenInHouseholds: 9,
    });
    expect(body.actions).toMatchObject({
      created: 8,
      doneOnTime: 'fewer than 5',
      completionRate: null,
    });
    expect(coordinator.body.actions.created).toBe(8);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/A-\d{4}/);
    expect(text).not.toMatch(/MC-G\d/);
    expectNoPersonalData(text, 'steering report');
  });

  it('refuses other roles (403) before looking at the query', async () => {
    for (const who of ['police-rep', 'observer', 'housing-deputy']) {
      const { status, body } = await get(who);
      expect(status).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
    expect((await get('observer', '/api/reports/governance')).status).toBe(403);
  });

  it('says what is wrong with a bad period (400)', async () => {
    const bad = async (path: string, expected: RegExp) => {
      const { status, body } = await get('coordinator', path);
      expect(status).toBe(400);
      expect(JSON.stringify(body.error)).toMatch(expected);
    };
    await bad('/api/reports/governance', /from/);
    await bad(`/api/reports/governance?from=${encodeURIComponent(FROM)}`, /to/);
    await bad(route('yesterday', TO), /from/);
    await bad(route(TO, FROM), /`to` must be after `from`/);
    await bad(route('2020-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), /at most 1098 days/);
    await bad(`${route()}&agency=police`, /agency/);
  });

  it('audits every view with ids and counts only (FR-104)', async () => {
    const count = async (personKey: string) =>
      (
        await app.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'governance-report.view' AND actor_person_id = $1`,
          [person(personKey)],
        )
      ).rows[0]?.n ?? 0;
    const before = await count('steering');
    await get('steering');
    expect(await count('steering')).toBe(before + 1);
    const { rows } = await app.db.query<{ detail: Json; recordType: string }>(
      `SELECT detail, record_type AS "recordType" FROM audit_log
        WHERE action = 'governance-report.view' AND actor_person_id = $1 ORDER BY id DESC LIMIT 1`,
      [person('steering')],
    );
    expect(rows[0]).toEqual({
      recordType: 'governance_report',
      detail: {
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-03-31T23:00:00.000Z',
        withReferences: false,
        escalationsListed: 0,
      },
    });
    const refusedBefore = await count('police-rep');
    await get('police-rep');
    expect(await count('police-rep')).toBe(refusedBefore);
  });

  it('gives an empty period zeros and nulls, not errors', async () => {
    const { status, body } = await get(
      'coordinator',
      route('2023-01-01T00:00:00Z', '2023-04-01T00:00:00Z'),
    );
    expect(status).toBe(200);
    expect(body.volumes).toMatchObject({
      meetings: 0,
      casesHeard: 0,
      repeatRate: null,
      casesPerMeeting: null,
      referralsBySector: [],
    });
    expect(body.actions).toMatchObject({ created: 0, completionRate: null });
    // Only the agencies with outstanding escalations remain, with nothing created.
    expect(body.actions.byAgency.map((a: Json) => [a.agencyId, a.created]).sort()).toEqual(
      [
        [agency('housing'), 0],
        [agency('probation'), 0],
      ].sort(),
    );
    // Outstanding escalations are listed whatever the period.
    expect(body.escalations.outstanding).toBe(2);
    expect(body.attendance.meetingsReconciled).toBe(0);
  });
});

function by(body: Json, key: string): Json {
  return body.actions.byAgency.find((a: Json) => a.agencyId === agency(key));
}
