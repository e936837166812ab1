import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { governanceReport } from '../../core/reports/governance.js';
import { FEWER_THAN_5 } from '../../core/reports/steering-view.js';
import { PgAttendanceStore } from '../../store/attendance-store.js';
import { PgGovernanceStore } from '../../store/governance-store.js';
import {
  aCase,
  aMeeting,
  anAction,
  anArea,
  anAttendance,
  anInvitee,
  type World,
} from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/**
 * The steering group's view of the governance report (R9): aggregates only, no case or action
 * reference, no name, and no count of cases, children or actions under 5 (shown as "fewer
 * than 5", with the shares built on them withheld). PGlite, or PostgreSQL with DATABASE_URL.
 */
let db: TestDb;
let w: World;
const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const VICTIM = 'Vera Steeringcase';

beforeEach(async () => {
  db = await createTestDb();
  w = await anArea(db);
  // Two meetings, seven cases heard (six by the police, one by housing), two repeats, one
  // case listed but not heard; seven actions, one of them escalated.
  const m1 = await aMeeting(w, { start: '2025-01-15T10:00:00Z' });
  const m2 = await aMeeting(w, { start: '2025-02-12T10:00:00Z' });
  const cases = [];
  for (let i = 0; i < 6; i += 1)
    cases.push(await aCase(w, i < 3 ? m1 : m2, { repeat: i < 2, children: 1 }));
  cases.push(await aCase(w, m2, { referrer: 'housing', children: 1 }));
  await aCase(w, m2, { heard: false });
  await db.query(`INSERT INTO case_subject (case_id, kind, full_name) VALUES ($1, 'victim', $2)`, [
    cases[0]!.caseId,
    VICTIM,
  ]);
  for (const [i, c] of cases.entries())
    await anAction(w, c, i < 3 ? m1 : m2, { state: 'done', completedOn: '2025-01-20' });
  await db.query(
    `UPDATE action SET escalation_level = 2 WHERE reference = (SELECT min(reference) FROM action)`,
  );
  const police = await anInvitee(w, m1, 'police');
  await anAttendance(w, m1, police, 'police');
});
afterEach(async () => db.dispose());

const report = (roles: ('coordinator' | 'steering')[]) =>
  governanceReport(
    {
      repos: new PgGovernanceStore(db),
      attendance: new PgAttendanceStore(db),
      audit: { record: async () => undefined },
      clock: new FakeClock('2025-03-20T12:00:00Z'),
    },
    { personId: 'p', areaId: w.areaId, roles },
    period,
  );

/** Counts about agencies and meetings, not victims: exact for everyone. */
const AGENCY_COUNTS = new Set([
  'meetings',
  'meetingsReconciled',
  'meetingsAttended',
  'meetingsExpected',
  'distinctReferringAgencies',
]);

/** Shares and rates (0..1, or per meeting): not counts. */
const RATIO = /(Rate|Share|PerMeeting)$|^share$/;

/** Every whole number from 1 to 4 in the report, with where it is, except agency counts. */
function smallCounts(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      AGENCY_COUNTS.has(k) || RATIO.test(k) ? [] : smallCounts(v, `${path}.${k}`),
    );
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4
    ? [`${path} = ${value}`]
    : [];
}

describe('the steering group’s view', () => {
  it('has no case reference, no name and no count under 5', async () => {
    const coordinator = await report(['coordinator']);
    // The coordinator's exact figures, which the steering view must not give away.
    expect(coordinator.volumes).toMatchObject({ casesHeard: 7, repeatCases: 2, casesNotHeard: 1 });
    expect(coordinator.escalations.escalatedInPeriod).toBe(1);

    const steering = await report(['steering']);
    const text = JSON.stringify(steering);
    expect(text).not.toMatch(/MC-B\d/);
    expect(text).not.toMatch(/A-B\d/);
    expect(text).not.toContain(VICTIM);
    expect(smallCounts(steering)).toEqual([]);
    expect(steering.volumes).toMatchObject({
      casesHeard: 7,
      casesNotHeard: FEWER_THAN_5,
      repeatCases: FEWER_THAN_5,
      repeatRate: null,
      childrenInHouseholds: 7,
      policeShare: 0.857,
    });
    expect(steering.volumes.referralsBySector).toEqual([
      expect.objectContaining({ label: 'Police', cases: 6, share: 0.857, suppressed: false }),
      expect.objectContaining({ label: 'Housing', cases: FEWER_THAN_5, suppressed: true }),
    ]);
    expect(steering.actions).toMatchObject({ created: 7, doneOnTime: 7, completionRate: 1 });
    expect(steering.escalations).toMatchObject({
      escalatedInPeriod: FEWER_THAN_5,
      outstanding: 0,
      outstandingActions: [],
    });
    expect(steering.attendance.meetingsReconciled).toBe(2);
  });
});
