import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceReport } from '../../core/attendance/attendance-report.js';
import { governanceReport } from '../../core/reports/governance.js';
import { steeringPack } from '../../core/reports/steering-pack.js';
import { PgAttendanceStore } from '../../store/attendance-store.js';
import { PgGovernanceStore } from '../../store/governance-store.js';
import { PgPopulationStore } from '../../store/population-store.js';
import {
  aCase,
  aMeeting,
  anApology,
  anArea,
  anAttendance,
  anInvitee,
  type World,
} from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/**
 * The report figures over rows written by the builders, read through the stores on PGlite and
 * (DATABASE_URL) PostgreSQL: cases heard are those started and closed; presence per case says
 * "not heard" and "not involved" instead of "absent", and tells apologies and deputies apart.
 */
let db: TestDb;
let w: World;
const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

beforeEach(async () => {
  db = await createTestDb();
  w = await anArea(db);
});
afterEach(async () => db.dispose());

const actor = (roles: ('coordinator' | 'steering')[] = ['coordinator']) => ({
  personId: 'p',
  areaId: w.areaId,
  roles,
});
const governance = (roles?: ('coordinator' | 'steering')[]) =>
  governanceReport(
    {
      repos: new PgGovernanceStore(db),
      attendance: new PgAttendanceStore(db),
      audit: { record: async () => undefined },
      clock: new FakeClock('2025-03-20T12:00:00Z'),
    },
    actor(roles),
    period,
  );
const attendance = () => attendanceReport({ repos: new PgAttendanceStore(db) }, actor(), period);

describe('cases heard', () => {
  it('counts 2 heard and 14 not heard for a meeting of 16 cases that heard 2', async () => {
    const m = await aMeeting(w);
    await aCase(w, m, { repeat: true, children: 2 });
    await aCase(w, m, { referrer: 'housing', children: 1 });
    await aCase(w, m, { heard: false, startedOnly: true, repeat: true, children: 4 });
    for (let i = 0; i < 13; i += 1) await aCase(w, m, { heard: false, repeat: true, children: 1 });
    const r = await governance();
    expect(r.volumes).toMatchObject({
      meetings: 1,
      casesOnAgenda: 16,
      casesHeard: 2,
      casesNotHeard: 14,
      casesPerMeeting: 2,
      repeatCases: 1,
      repeatRate: 0.5,
      childrenInHouseholds: 3,
    });
    expect((await attendance()).cases).toEqual({ onAgenda: 16, heard: 2, notHeard: 14 });
    // A closed session still to be held adds nothing yet; once held, its cases count.
    const closed = await aMeeting(w, { kind: 'closed', parentMeetingId: m, status: 'scheduled' });
    await aCase(w, closed, { heard: false });
    expect((await governance()).volumes).toMatchObject({ casesOnAgenda: 16, casesNotHeard: 14 });
    await db.query(`UPDATE meeting SET status = 'ended' WHERE id = $1`, [closed]);
    expect((await governance()).volumes).toMatchObject({ casesOnAgenda: 17, casesNotHeard: 15 });
  });

  it('shows referral sources in words, from heard cases only', async () => {
    const m = await aMeeting(w);
    await aCase(w, m, { referrer: 'childrens-services' });
    await aCase(w, m, { referrer: 'police' });
    await aCase(w, m, { referrer: 'police' });
    await aCase(w, m, { referrer: null });
    await aCase(w, m, { referrer: 'housing', heard: false });
    const r = await governance();
    expect(r.volumes.referralsBySector).toEqual([
      { sector: 'police', label: 'Police', cases: 2, share: 0.5 },
      { sector: 'childrens-services', label: 'Children’s services', cases: 1, share: 0.25 },
      { sector: 'unknown', label: 'Not recorded', cases: 1, share: 0.25 },
    ]);
    expect(r.volumes.policeShare).toBe(0.5);
  });
});

describe('after a meeting that heard two of its sixteen cases', () => {
  it('the pack says 2 heard and 14 not heard, and the presence matrix has no "Absent" for unheard or not-involved cases', async () => {
    // Agencies may leave after their own cases (the area's attendance policy), so an agency not
    // involved with a case is not expected for it. Under "all cases" every invited agency is
    // expected for every heard case, and one that never came is absent (test/admin/policy-effects).
    await db.query(
      `UPDATE area SET policy = policy || '{"attendancePolicy":"leave-after-own-case"}'::jsonb WHERE id = $1`,
      [w.areaId],
    );
    const m = await aMeeting(w);
    const police = await anInvitee(w, m, 'police');
    await anInvitee(w, m, 'idva', 'idva');
    await anInvitee(w, m, 'housing');
    await anInvitee(w, m, 'probation');
    const a = await aCase(w, m, { involved: ['police', 'idva'] });
    const b = await aCase(w, m, { involved: ['police'] });
    for (let i = 0; i < 14; i += 1)
      await aCase(w, m, { heard: false, involved: ['police', 'housing', 'probation'] });
    await anAttendance(w, m, police, 'police');
    for (const c of [a, b])
      await anAttendance(w, m, police, 'police', { agendaItemId: c.agendaItemId });
    await anApology(w, m, 'idva', { writtenSubmission: true });

    const r = await attendance();
    expect(r.cases).toEqual({ onAgenda: 16, heard: 2, notHeard: 14 });
    const rows = r.perCase;
    expect(rows.filter((c) => !c.heard)).toHaveLength(14);
    for (const c of rows.filter((x) => !x.heard))
      expect(new Set(c.agencies.map((x) => x.status))).toEqual(new Set(['not-heard']));
    const cells = (id: string) =>
      rows
        .find((c) => c.agendaItemId === id)!
        .agencies.map((x) => x.status)
        .sort();
    expect(cells(a.agendaItemId)).toEqual([
      'apologies-written-submission',
      'not-involved',
      'not-involved',
      'present',
    ]);
    expect(cells(b.agendaItemId)).toEqual([
      'not-involved',
      'not-involved',
      'not-involved',
      'present',
    ]);
    expect(rows.flatMap((c) => c.agencies).filter((x) => x.status === 'absent')).toEqual([]);

    const pack = await steeringPack(
      {
        repos: new PgGovernanceStore(db),
        attendance: new PgAttendanceStore(db),
        population: new PgPopulationStore(db),
        audit: { record: async () => undefined },
        clock: new FakeClock('2025-03-20T12:00:00Z'),
      },
      actor(),
      period,
      { purpose: 'view' },
    );
    expect(pack.volumes).toMatchObject({ casesOnAgenda: 16, casesHeard: 2, casesNotHeard: 14 });
    const police2 = pack.attendance.byAgency.find((x) => x.agencyId === w.agency.police);
    expect(police2).toMatchObject({ casesExpected: 2, casesPresent: 2, casesAbsent: 0 });
    expect(pack.attendance.byAgency.every((x) => x.casesAbsent === 0)).toBe(true);
  });
});

describe('presence per case', () => {
  it('says not heard, not involved, apologies and deputy present instead of absent', async () => {
    // Agencies may leave after their own cases, so only involved agencies are expected per case.
    await db.query(
      `UPDATE area SET policy = policy || '{"attendancePolicy":"leave-after-own-case"}'::jsonb WHERE id = $1`,
      [w.areaId],
    );
    const m = await aMeeting(w);
    const police = await anInvitee(w, m, 'police');
    await anInvitee(w, m, 'idva', 'idva');
    await anInvitee(w, m, 'housing');
    const probationDeputy = await anInvitee(w, m, 'probation', 'deputy');
    await anInvitee(w, m, 'mental-health');
    const heard = await aCase(w, m, {
      involved: ['police', 'idva', 'probation', 'housing', 'mental-health'],
    });
    const unheard = await aCase(w, m, { heard: false, involved: ['police', 'housing'] });
    const other = await aCase(w, m, { involved: ['police'] });
    // The chair carried the unheard case forward when ending the meeting.
    await w.db.query(
      `UPDATE agenda_item SET unheard_outcome = 'carried-forward', unheard_recorded_at = now()
        WHERE id = $1`,
      [unheard.agendaItemId],
    );
    await anAttendance(w, m, police, 'police', { agendaItemId: heard.agendaItemId });
    await anAttendance(w, m, police, 'police', { agendaItemId: other.agendaItemId });
    await anAttendance(w, m, probationDeputy, 'probation', {
      agendaItemId: heard.agendaItemId,
      as: 'deputy',
    });
    await anApology(w, m, 'housing', { writtenSubmission: true });
    await anApology(w, m, 'mental-health');

    const r = await attendance();
    const cells = (agendaItemId: string) =>
      Object.fromEntries(
        (r.perCase.find((c) => c.agendaItemId === agendaItemId)?.agencies ?? []).map((a) => [
          Object.entries(w.agency).find(([, id]) => id === a.agencyId)?.[0],
          a.status,
        ]),
      );
    expect(cells(heard.agendaItemId)).toEqual({
      police: 'present',
      idva: 'absent',
      housing: 'apologies-written-submission',
      probation: 'deputy-present',
      'mental-health': 'apologies',
    });
    expect(Object.values(cells(unheard.agendaItemId))).toEqual(Array(5).fill('not-heard'));
    const row = (id: string) => r.perCase.find((c) => c.agendaItemId === id);
    expect(row(unheard.agendaItemId)).toMatchObject({ heard: false, notHeard: 'carried-forward' });
    expect(row(heard.agendaItemId)).toMatchObject({ heard: true, notHeard: null });
    expect(cells(other.agendaItemId)).toEqual({
      police: 'present',
      idva: 'not-involved',
      housing: 'not-involved',
      probation: 'not-involved',
      'mental-health': 'not-involved',
    });
    const statuses = r.perCase.flatMap((c) => c.agencies.map((a) => a.status));
    expect(statuses.filter((s) => s === 'absent')).toHaveLength(1);
  });

  it('gives the steering group no case rows', async () => {
    const m = await aMeeting(w);
    await anInvitee(w, m, 'police');
    await aCase(w, m);
    const r = await attendanceReport(
      { repos: new PgAttendanceStore(db) },
      actor(['steering']),
      period,
    );
    expect(r.perCase).toEqual([]);
    expect(r.cases).toEqual({ onAgenda: 1, heard: 1, notHeard: 0 });
  });
});
