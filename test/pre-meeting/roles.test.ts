import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../graph/simulator/directory.js';
import { DEMO_TENANT_USERS } from '../../store/seed/demo-tenant-users.js';
import {
  agencyId,
  personId,
  SEEDED_CLOSED,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from './support.js';

/**
 * REQUIREMENTS.md §1.2 for the pre-meeting features, role by role, over the seeded Northfield
 * meeting (14 open cases, one closed-session case NF-2611-015 listed for the chair, coordinator,
 * police, IDVA and children's representatives).
 */
let app: PreMeetingApp;
const CLOSED_CASE = 'NF-2611-015';
const TENANT_STAFF = {
  referrer: DEMO_TENANT_USERS[0] as SimUser,
  keyworker: DEMO_TENANT_USERS[1] as SimUser,
};

beforeAll(async () => {
  app = await startPreMeetingApp();
  // People are added from the tenant's directory (staff not yet in the MARAC).
  for (const [key, roles, agency] of [
    ['referrer', ['referrer'], 'housing'],
    ['keyworker', ['keyworker'], 'mental'],
  ] as const) {
    const res = await app.call('coordinator', 'POST', '/api/area/people', {
      entraObjectId: TENANT_STAFF[key].id,
      agencyId: agencyId(agency),
      roles,
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => app.close());

async function caseListAs(person: string) {
  await app.call(person, 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
  return app.call(person, 'GET', `/api/meetings/${SEEDED_MEETING}/case-list`);
}

describe('who sees the case list (FR-100, IS-01, IS-13)', () => {
  it.each([
    ['coordinator', 15, true],
    ['chair', 15, true],
    ['deputy-chair', 15, true],
    ['police-rep', 15, true],
    ['childrens-rep', 15, true],
    ['police-deputy', 14, false],
    ['housing-rep', 14, false],
    ['idva-2', 14, false],
  ])('%s sees %i cases (closed case: %s)', async (person, count, closed) => {
    const res = await caseListAs(person);
    expect(res.status).toBe(200);
    const numbers = res.body.items.map((i: { caseNumber: string }) => i.caseNumber);
    expect(numbers).toHaveLength(count);
    expect(numbers.includes(CLOSED_CASE)).toBe(closed);
    if (!closed) expect(JSON.stringify(res.body)).not.toContain('Fancifield');
  });

  it.each([
    ['observer', 'CASE_NOT_VISIBLE'],
    ['steering', 'FORBIDDEN'],
    ['harbour-rep', 'AGENCY_NOT_SIGNATORY'],
  ])('%s is refused with %s', async (person, code) => {
    const res = await caseListAs(person);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body)).not.toMatch(/NF-2611|Fictionwood|Fancifield/);
  });

  it('refuses a referrer and a keyworker who are on no case of this meeting', async () => {
    for (const key of ['referrer', 'keyworker']) {
      const token = await issue(key);
      const res = await fetch(`${app.url}/api/meetings/${SEEDED_MEETING}/case-list`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('FORBIDDEN');
    }
  });

  it('lets an observer see open cases only while the meeting runs', async () => {
    // The meeting's recorded state decides, not the clock against the timetable.
    await app.db.query(`UPDATE meeting SET status = 'in-progress' WHERE id = $1`, [SEEDED_MEETING]);
    // Running, but the observer is not in it: nothing.
    expect((await caseListAs('observer')).status).toBe(403);
    // Admitted from the lobby (an open attendance interval): the open cases.
    await app.db.query(
      `INSERT INTO attendance_interval (meeting_id, person_id, joined_at, source)
       VALUES ($1, $2, $3, 'bot-event')`,
      [SEEDED_MEETING, personId('observer'), app.clock.now()],
    );
    const res = await caseListAs('observer');
    await app.db.query(`UPDATE meeting SET status = 'scheduled' WHERE id = $1`, [SEEDED_MEETING]);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { caseNumber: string }) => i.caseNumber)).not.toContain(
      CLOSED_CASE,
    );
  });

  it('never shows a closed session to someone not invited, in the schedule either', async () => {
    const list = await app.call('housing-rep', 'GET', '/api/meetings');
    expect(list.body.meetings.map((m: { id: string }) => m.id)).toContain(SEEDED_MEETING);
    expect(list.body.meetings.map((m: { id: string }) => m.id)).not.toContain(SEEDED_CLOSED);
    expect((await app.call('housing-rep', 'GET', `/api/meetings/${SEEDED_CLOSED}`)).status).toBe(
      404,
    );
    const police = await app.call('police-rep', 'GET', '/api/meetings');
    expect(police.body.meetings.map((m: { id: string }) => m.id)).toContain(SEEDED_CLOSED);
    const steering = await app.call('steering', 'GET', '/api/meetings');
    expect(steering.status).toBe(200);
    expect(steering.body.meetings.map((m: { id: string }) => m.id)).not.toContain(SEEDED_CLOSED);
  });
});

describe('who may change things (§1.2)', () => {
  const extra = {
    kind: 'extraordinary',
    title: 'Extra MARAC',
    day: '2027-05-05',
    startTime: '09:30',
    endTime: '12:00',
  };

  it.each([
    'chair',
    'deputy-chair',
    'police-rep',
    'police-deputy',
    'idva-2',
    'observer',
    'steering',
    'harbour-rep',
  ])(
    '%s may not schedule, list cases, set policy or manage people (403 FORBIDDEN)',
    async (person) => {
      for (const [method, route, body] of [
        ['POST', '/api/meetings', extra],
        ['POST', `/api/meetings/${SEEDED_MEETING}/agenda`, {}],
        ['POST', `/api/meetings/${SEEDED_MEETING}/cancel`, {}],
        ['PATCH', '/api/area/policy', { minutesPerCase: 12 }],
        ['GET', '/api/area/people', undefined],
        ['POST', `/api/meetings/${SEEDED_MEETING}/circulation`, undefined],
        ['POST', `/api/meetings/${SEEDED_MEETING}/case-list/export`, undefined],
      ] as const) {
        const res = await app.call(person, method, route, body);
        expect([res.status, res.body.error?.code], `${person} ${method} ${route}`).toEqual([
          403,
          'FORBIDDEN',
        ]);
      }
    },
  );

  it('lets the coordinator schedule and set policy, naming every bad policy field', async () => {
    expect((await app.call('coordinator', 'POST', '/api/meetings', extra)).status).toBe(201);
    const bad = await app.call('coordinator', 'PATCH', '/api/area/policy', {
      minutesPerCase: 0,
      caseListLeadWorkingDays: 'eight',
      madeUp: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '',
      'caseListLeadWorkingDays',
      'minutesPerCase',
    ]);
    const ok = await app.call('coordinator', 'PATCH', '/api/area/policy', {
      caseListLeadWorkingDays: 5,
    });
    expect(ok.body.policy.caseListLeadWorkingDays).toBe(5);
    const due = await app.db.query('SELECT circulation_due_on FROM meeting WHERE id = $1', [
      SEEDED_MEETING,
    ]);
    expect(due.rows[0]).toEqual({ circulation_due_on: '2027-03-10' });
  });

  it('shows agency signatory details to the coordinator only', async () => {
    const coordinator = await app.call('coordinator', 'GET', '/api/area/agencies');
    expect(
      coordinator.body.agencies.find((a: { id: string }) => a.id === agencyId('harbour')),
    ).toMatchObject({
      canReceiveMaracInformation: false,
      signatoryGaps: expect.arrayContaining(['membership not approved', 'signatory name']),
    });
    const steering = await app.call('steering', 'GET', '/api/area/agencies');
    expect(steering.status).toBe(200);
    expect(JSON.stringify(steering.body)).not.toContain('dpo@');
  });

  it('lets the agenda be read by coordinator and chairs only, without case content', async () => {
    const chair = await app.call('chair', 'GET', `/api/meetings/${SEEDED_MEETING}/agenda`);
    expect(chair.status).toBe(200);
    expect(chair.body.items).toHaveLength(14);
    expect(JSON.stringify(chair.body)).not.toMatch(/Fictionwood|strangulation/i);
    for (const person of ['police-rep', 'steering', 'observer'])
      expect(
        (await app.call(person, 'GET', `/api/meetings/${SEEDED_MEETING}/agenda`)).body.error.code,
      ).toBe('FORBIDDEN');
  });

  it('lets chairs move cases, at most two per agency per day (FR-034); reps request, chairs decide', async () => {
    const agenda = await app.call('chair', 'GET', `/api/meetings/${SEEDED_MEETING}/agenda`);
    const [a, b, c] = agenda.body.items.slice(-3) as { id: string }[];
    const move = (person: string, id: string, toPosition: number) =>
      app.call(person, 'POST', `/api/meetings/${SEEDED_MEETING}/agenda/${id}/move`, {
        toPosition,
        agencyId: agencyId('housing'),
      });
    expect((await move('coordinator', a!.id, 1)).body.error.code).toBe('FORBIDDEN');
    const first = await move('chair', a!.id, 1);
    expect(first.status).toBe(200);
    expect(first.body.items[0].id).toBe(a!.id);
    expect(first.body.items[0].plannedStart).toBe(agenda.body.items[0].plannedStart);
    expect((await move('deputy-chair', b!.id, 2)).status).toBe(200);
    const third = await move('chair', c!.id, 3);
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('REORDER_LIMIT_REACHED');

    const request = await app.call(
      'police-rep',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/agenda/${c!.id}/move-requests`,
      { toPosition: 3 },
    );
    expect(request.status).toBe(201);
    expect(
      (
        await app.call(
          'steering',
          'POST',
          `/api/meetings/${SEEDED_MEETING}/agenda/${c!.id}/move-requests`,
          { toPosition: 3 },
        )
      ).body.error.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await app.call(
          'harbour-rep',
          'POST',
          `/api/meetings/${SEEDED_MEETING}/agenda/${c!.id}/move-requests`,
          { toPosition: 3 },
        )
      ).body.error.code,
    ).toBe('AGENCY_NOT_SIGNATORY');
    expect(
      (
        await app.call(
          'police-rep',
          'POST',
          `/api/meetings/${SEEDED_MEETING}/move-requests/${request.body.move.id}/decision`,
          { approve: true },
        )
      ).body.error.code,
    ).toBe('FORBIDDEN');
    const decided = await app.call(
      'chair',
      'POST',
      `/api/meetings/${SEEDED_MEETING}/move-requests/${request.body.move.id}/decision`,
      { approve: true },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.items[2].id).toBe(c!.id);
  });
});

/** A token for a person created in the test (not a demo key). */
async function issue(key: string): Promise<string> {
  const res = await fetch(`${app.url}/api/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      personId: (
        await app.db.query<{ id: string }>('SELECT id FROM person WHERE entra_object_id = $1', [
          TENANT_STAFF[key as keyof typeof TENANT_STAFF].id,
        ])
      ).rows[0]?.id,
    }),
  });
  return ((await res.json()) as { token: string }).token;
}
