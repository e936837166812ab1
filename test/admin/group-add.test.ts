import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../graph/simulator/directory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Bulk add from a directory group: the coordinator finds the group, sees every member (nested
 * groups included, over several Graph pages) marked new or already added, and adds the new ones
 * in one go; duplicates are skipped and reported per row, and a refused add saves nobody.
 */
let app: TestApp;
const GROUP = '5a0c1e2d-3b4f-4a6b-8c7d-9e0f1a2b3c4d';
const NESTED = '5a0c1e2d-3b4f-4a6b-8c7d-9e0f1a2b3c4e';
const uuid = (n: number) => `7d000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const staff: SimUser[] = Array.from({ length: 118 }, (_, i) => ({
  id: uuid(i + 1),
  displayName: `Firefighter ${String(i + 1).padStart(3, '0')} Example`,
  mail: `firefighter${i + 1}@northfield-fire.example`,
  userPrincipalName: `firefighter${i + 1}_northfield-fire.example#EXT#@northfield.onmicrosoft.com`,
  userType: 'Guest',
}));

beforeAll(async () => {
  app = await startTestApp();
  const sim = app.composition.microsoft.simulator;
  if (!sim) throw new Error('the test app runs on the simulated tenant');
  for (const u of staff) sim.directory.add(u);
  const people = (await call('GET', '/api/area/people')).body.people as {
    email: string;
    entraObjectId?: string;
  }[];
  const existing = (await sim.directory.all()).find((u) =>
    people.some((p) => p.email.toLowerCase() === u.mail.toLowerCase()),
  ) as SimUser;
  // Someone new to the directory whose address a person of the area already has.
  const sameAddress: SimUser = {
    id: uuid(900),
    displayName: 'Second Account',
    mail: existing.mail,
    userPrincipalName: `second.account@northfield-council.example`,
  };
  sim.directory.add(sameAddress);
  sim.directory.addGroup({
    id: NESTED,
    displayName: 'Northfield Fire MARAC deputies',
    mail: null,
    members: [uuid(117), uuid(118), sameAddress.id],
  });
  sim.directory.addGroup({
    id: GROUP,
    displayName: 'Northfield Fire MARAC staff',
    mail: 'fire-marac@northfield-fire.example',
    members: [...staff.slice(0, 116).map((u) => u.id), existing.id, NESTED],
  });
});
afterAll(async () => app.close());

async function call(method: string, route: string, body?: unknown) {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${await app.signIn('coordinator')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const count = async () => (await call('GET', '/api/area/people')).body.people.length as number;

describe('adding people from a directory group', () => {
  it('finds the group and previews every member, nested groups included', async () => {
    const found = await call('GET', '/api/area/directory/groups?q=northfield fire');
    expect(found.status).toBe(200);
    expect(found.body.groups.map((g: { displayName: string }) => g.displayName)).toEqual([
      'Northfield Fire MARAC deputies',
      'Northfield Fire MARAC staff',
    ]);
    const preview = await call('GET', `/api/area/directory/groups/${GROUP}/members`);
    expect(preview.status).toBe(200);
    const statuses = preview.body.members.map((m: { status: string }) => m.status);
    expect(statuses).toHaveLength(120); // 116 + one already added + 2 nested + same address
    expect(statuses.filter((s: string) => s === 'new')).toHaveLength(118);
    expect(statuses.filter((s: string) => s === 'already-added')).toHaveLength(1);
    expect(statuses.filter((s: string) => s === 'email-taken')).toHaveLength(1);
    expect(
      preview.body.members.find((m: { objectId: string }) => m.objectId === uuid(1)),
    ).toMatchObject({ email: 'firefighter1@northfield-fire.example', guest: true });
  });

  it('refuses a bad add in plain words and adds nobody', async () => {
    const before = await count();
    const res = await call('POST', '/api/area/people/from-group', {
      groupId: GROUP,
      agencyId: null,
      roles: ['representative'],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('The representative role needs the person');
    expect(await count()).toBe(before);
    const unknown = await call('POST', '/api/area/people/from-group', {
      groupId: '5a0c1e2d-3b4f-4a6b-8c7d-9e0f1a2b3cff',
      agencyId: null,
      roles: [],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('That group is not in your organisation');
    expect(await count()).toBe(before);
  });

  it('adds the new members, skips and reports the duplicates, and a second run adds nobody', async () => {
    const before = await count();
    const agency = (await call('GET', '/api/area/agencies')).body.agencies[0].id as string;
    const res = await call('POST', '/api/area/people/from-group', {
      groupId: GROUP,
      agencyId: agency,
      roles: [],
    });
    expect(res.status).toBe(201);
    expect(res.body.added).toBe(118);
    const outcome = (id: string) =>
      res.body.rows.find((r: { objectId: string }) => r.objectId === id)?.outcome;
    expect(outcome(uuid(1))).toBe('added');
    expect(outcome(uuid(118))).toBe('added');
    expect(outcome(uuid(900))).toBe('email-taken');
    expect(
      res.body.rows.filter((r: { outcome: string }) => r.outcome === 'already-added'),
    ).toHaveLength(1);
    expect(await count()).toBe(before + 118);
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person WHERE entra_object_id LIKE '7d000000-%' AND agency_id = $1`,
      [agency],
    );
    expect(rows[0]?.n).toBe(118);
    const again = await call('POST', '/api/area/people/from-group', {
      groupId: GROUP,
      agencyId: agency,
      roles: [],
    });
    expect(again.body.added).toBe(0);
    expect(await count()).toBe(before + 118);
  });
});
