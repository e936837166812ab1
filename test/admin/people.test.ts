import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_USERS } from '../../store/seed/demo-tenant-users.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * People from the directory: the coordinator searches the tenant, adds a member or a guest
 * with the Entra identity sign-in matches on, edits roles and agency, deactivates (access ends
 * at once, history kept) and reactivates; refused sign-ins are listed for the coordinator.
 */
let app: TestApp;
const robin = DEMO_TENANT_USERS.find((u) => u.displayName === 'Robin Ashdown')!;
const jo = DEMO_TENANT_USERS.find((u) => u.displayName === 'Jo Whitlock')!;
const HOUSING = demoUuid('agency:housing');

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

async function call(method: string, route: string, body?: unknown, token?: string) {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token ?? (await app.signIn('coordinator'))}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function tokenOf(objectId: string, name = 'Someone'): Promise<string> {
  const issuer = app.composition.microsoft.simulator!.entra;
  return issuer.issueUserToken({
    tenantId: app.config.microsoft.tenantId as string,
    objectId,
    name,
    preferredUsername: 'someone@northfield-council.example',
    audience: app.config.microsoft.appId as string,
  });
}

async function auditRows(action: string, recordId: string) {
  return (
    await app.db.query<{ detail: Record<string, unknown> }>(
      'SELECT detail FROM audit_log WHERE action = $1 AND record_id = $2 ORDER BY id',
      [action, recordId],
    )
  ).rows;
}

describe('adding people found in the directory', () => {
  it('searches members and guests by the start of a name, marking who is already added', async () => {
    const found = await call('GET', '/api/area/directory?q=jo');
    expect(found.status).toBe(200);
    const names = found.body.users.map((u: { displayName: string }) => u.displayName);
    expect(names).toContain('Jo Whitlock');
    expect(found.body.users.find((u: { objectId: string }) => u.objectId === jo.id)).toMatchObject({
      userType: 'Guest',
      mail: 'jo.whitlock@harbour-refuge.example',
      alreadyAdded: false,
    });
    const short = await call('GET', '/api/area/directory?q=j');
    expect(short.status).toBe(400);
    expect(short.body.error.details[0]).toMatchObject({ path: 'q' });
  });

  it('adds a guest with their own address and the Entra identity, and they can sign in', async () => {
    const added = await call('POST', '/api/area/people', {
      entraObjectId: jo.id,
      agencyId: HOUSING,
      roles: ['observer'],
    });
    expect(added.status).toBe(201);
    expect(added.body.person).toMatchObject({
      displayName: 'Jo Whitlock',
      email: 'jo.whitlock@harbour-refuge.example',
      entraObjectId: jo.id,
      entraTenantId: app.config.microsoft.tenantId,
      isActive: true,
      roles: ['observer'],
    });
    const me = await call('GET', '/api/me', undefined, await tokenOf(jo.id));
    expect(me.status).toBe(200);
    expect(me.body.person.displayName).toBe('Jo Whitlock');
    const again = await call('GET', '/api/area/directory?q=whitlock');
    expect(again.body.users[0]).toMatchObject({ objectId: jo.id, alreadyAdded: true });
    const [row] = await auditRows('person.create', added.body.person.id);
    expect(row?.detail).toMatchObject({ 'after.roles': ['observer'], 'after.agencyId': HOUSING });
    expect(JSON.stringify(row?.detail)).not.toContain('Whitlock');
  });

  it('refuses a duplicate, an unknown Entra user and a typed name, saving nothing', async () => {
    const before = await app.db.query('SELECT count(*)::int AS n FROM person');
    const duplicate = await call('POST', '/api/area/people', {
      entraObjectId: jo.id,
      agencyId: null,
      roles: [],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details[0]).toMatchObject({ path: 'entraObjectId' });
    expect(duplicate.body.error.message).toMatch(/already been added/);
    const unknown = await call('POST', '/api/area/people', {
      entraObjectId: '00000000-0000-4000-8000-000000000000',
      agencyId: null,
      roles: [],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/not in your organisation’s directory/);
    const typed = await call('POST', '/api/area/people', {
      displayName: 'Typed Name',
      email: 'typed@northfield-council.example',
      agencyId: null,
      roles: [],
    });
    expect(typed.status).toBe(400);
    const needsAgency = await call('POST', '/api/area/people', {
      entraObjectId: robin.id,
      agencyId: null,
      roles: ['representative'],
    });
    expect(needsAgency.status).toBe(400);
    expect(needsAgency.body.error.details[0]).toMatchObject({ path: 'agencyId' });
    const after = await app.db.query('SELECT count(*)::int AS n FROM person');
    expect(after.rows).toEqual(before.rows);
  });
});

describe('when the directory cannot be reached', () => {
  it('says so in plain words with a 502, and adds nobody', async () => {
    const faults = app.composition.microsoft.simulator!.faults;
    faults.add({ call: 'GET /users', kind: 'unavailable', retryAfterSeconds: 0 });
    faults.add({ call: 'GET /users/{id}', kind: 'unavailable', retryAfterSeconds: 0 });
    try {
      const search = await call('GET', '/api/area/directory?q=robin');
      expect([search.status, search.body.error.code]).toEqual([502, 'UPSTREAM_FAILED']);
      expect(search.body.error.message).toMatch(/directory could not be reached/);
      const add = await call('POST', '/api/area/people', {
        entraObjectId: robin.id,
        agencyId: null,
        roles: [],
      });
      expect(add.status).toBe(502);
    } finally {
      faults.clear();
    }
    const added = await app.db.query('SELECT 1 FROM person WHERE entra_object_id = $1', [robin.id]);
    expect(added.rows).toEqual([]);
  });
});

describe('the People table, editing, deactivating and reactivating', () => {
  it('lists everyone with whether they are active, sorted by surname', async () => {
    const { body } = await call('GET', '/api/area/people');
    const people = body.people as { displayName: string; isActive: boolean }[];
    expect(people.length).toBeGreaterThan(5);
    expect(people.every((p) => p.isActive === true)).toBe(true);
    const surnames = people.map((p) => p.displayName.split(' ').at(-1)!.toLowerCase());
    expect(surnames).toEqual([...surnames].sort((a, b) => a.localeCompare(b)));
  });

  it('changes roles and agency with before and after audited', async () => {
    const person = (await call('GET', '/api/area/people')).body.people.find(
      (p: { entraObjectId: string }) => p.entraObjectId === jo.id,
    );
    const changed = await call('PATCH', `/api/area/people/${person.id}`, {
      roles: ['observer', 'steering'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.person.roles).toEqual(['observer', 'steering']);
    const rows = await auditRows('person.update', person.id);
    expect(rows.at(-1)?.detail).toMatchObject({
      'before.roles': ['observer'],
      'after.roles': ['observer', 'steering'],
    });
    const bad = await call('PATCH', `/api/area/people/${person.id}`, { roles: ['emperor'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toBe('Choose roles from the list.');
  });

  it('deactivation ends access at once and keeps the person; reactivation restores it', async () => {
    const person = (await call('GET', '/api/area/people')).body.people.find(
      (p: { entraObjectId: string }) => p.entraObjectId === jo.id,
    );
    const token = await tokenOf(jo.id);
    expect((await call('GET', '/api/me', undefined, token)).status).toBe(200);
    const off = await call('PATCH', `/api/area/people/${person.id}`, { isActive: false });
    expect(off.body.person.isActive).toBe(false);
    const refused = await call('GET', '/api/me', undefined, token);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_A_MEMBER']);
    const listed = (await call('GET', '/api/area/people')).body.people;
    expect(listed.find((p: { id: string }) => p.id === person.id).isActive).toBe(false);
    const refusals = (await call('GET', '/api/area/sign-in-refusals')).body.refusals;
    expect(refusals[0]).toMatchObject({
      objectId: jo.id,
      reason: 'deactivated',
      displayName: 'Jo Whitlock',
    });
    expect(await auditRows('person.deactivate', person.id)).toHaveLength(1);
    await call('PATCH', `/api/area/people/${person.id}`, { isActive: true });
    expect((await call('GET', '/api/me', undefined, token)).status).toBe(200);
    expect(await auditRows('person.reactivate', person.id)).toHaveLength(1);
  });

  it('does not let the coordinator deactivate themselves', async () => {
    const self = await call('PATCH', `/api/area/people/${demoUuid('person:coordinator')}`, {
      isActive: false,
    });
    expect(self.status).toBe(400);
    expect(self.body.error.details[0]).toMatchObject({ path: 'isActive' });
  });
});

describe('a sign-in that matches nobody', () => {
  it('is refused and shown to the coordinator once an hour, named from the directory', async () => {
    const token = await tokenOf(robin.id, 'Robin Ashdown');
    for (let i = 0; i < 3; i++) {
      const res = await call('GET', '/api/me', undefined, token);
      expect([res.status, res.body.error.code]).toEqual([403, 'NOT_A_MEMBER']);
    }
    const refusals = (await call('GET', '/api/area/sign-in-refusals')).body.refusals;
    expect(refusals.find((r: { objectId: string }) => r.objectId === robin.id)).toMatchObject({
      reason: 'not-registered',
      attempts: 1,
      displayName: 'Robin Ashdown',
      email: robin.mail,
    });
    const rows = await auditRows('sign-in.refused', robin.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('Robin');
  });
});
