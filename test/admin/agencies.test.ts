import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_USERS } from '../../store/seed/demo-tenant-users.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Agencies kept up in the app: add with the information-sharing signatory record so the agency
 * becomes eligible, approve an applying one, nominate and change the representative and deputy
 * (with the date), set the escalation contact, withdraw with the destroy-or-return confirmation.
 */
let app: TestApp;
const HARBOUR = demoUuid('agency:harbour');

beforeAll(async () => {
  app = await startTestApp();
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

const signatory = {
  signatoryName: 'A. Director',
  signatoryAuthorityConfirmed: true,
  signatorySignedOn: '2027-01-15',
  signatoryReviewDueOn: '2028-01-15',
  dpoName: 'Data Protection Officer',
  dpoEmail: 'dpo@northfield-fire.example',
};

async function agency(id: string) {
  return (await call('GET', '/api/area/agencies')).body.agencies.find(
    (a: { id: string }) => a.id === id,
  );
}

describe('adding and editing agencies', () => {
  let fireId: string;

  it('adds an agency with its signatory record, and it becomes eligible once approved', async () => {
    const added = await call('POST', '/api/area/agencies', {
      name: 'Northfield Fire and Rescue',
      sector: 'other',
      isCore: false,
      membershipStatus: 'approved',
      escalationContactName: 'Station Manager',
      escalationContactEmail: 'escalations@northfield-fire.example',
      ...signatory,
    });
    expect(added.status).toBe(201);
    fireId = added.body.agency.id;
    expect(added.body.agency.canReceiveMaracInformation).toBe(true);
    expect(await agency(fireId)).toMatchObject({
      signatoryReviewDueOn: '2028-01-15',
      escalationContactName: 'Station Manager',
      escalationContactEmail: 'escalations@northfield-fire.example',
      signatoryGaps: [],
    });
  });

  it('refuses bad input with the field named in plain words, saving nothing', async () => {
    const before = await app.db.query('SELECT count(*)::int AS n FROM agency');
    const duplicate = await call('POST', '/api/area/agencies', {
      name: 'northfield fire and rescue',
      sector: 'other',
      isCore: false,
      membershipStatus: 'applied',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details[0]).toMatchObject({ path: 'name' });
    const badDates = await call('POST', '/api/area/agencies', {
      name: 'Northfield Ambulance',
      sector: 'other',
      isCore: false,
      membershipStatus: 'applied',
      ...signatory,
      signatoryReviewDueOn: '2026-01-01',
    });
    expect(badDates.body.error.details[0]).toMatchObject({
      path: 'signatoryReviewDueOn',
      message: 'The review date must be after the date it was signed.',
    });
    const badMail = await call('POST', '/api/area/agencies', {
      name: 'Northfield Ambulance',
      sector: 'other',
      isCore: false,
      membershipStatus: 'applied',
      dpoEmail: 'not an address',
    });
    expect(badMail.body.error.details).toEqual([
      { path: 'dpoEmail', message: 'Enter a valid e-mail address.' },
    ]);
    const withdrawnDirectly = await call('PATCH', `/api/area/agencies/${fireId}`, {
      membershipStatus: 'withdrawn',
    });
    expect(withdrawnDirectly.body.error.details[0].path).toBe('membershipStatus');
    const after = await app.db.query('SELECT count(*)::int AS n FROM agency');
    expect(after.rows).toEqual(before.rows);
    expect((await agency(fireId)).membershipStatus).toBe('approved');
  });

  it('approves an applying agency once its signatory record is complete', async () => {
    expect((await agency(HARBOUR)).canReceiveMaracInformation).toBe(false);
    const approved = await call('PATCH', `/api/area/agencies/${HARBOUR}`, {
      membershipStatus: 'approved',
      ...signatory,
      dpoEmail: 'dpo@harbour-refuge.example',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.agency.canReceiveMaracInformation).toBe(true);
    const rows = await app.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'agency.update' AND record_id = $1",
      [HARBOUR],
    );
    expect(rows.rows.at(-1)?.detail.fields).toContain('membershipStatus');
  });
});

describe('nominating the representative and deputy', () => {
  it('nominates and changes them with the date, auditing before and after', async () => {
    const [a, b] = DEMO_TENANT_USERS.slice(2, 4);
    const ids: string[] = [];
    for (const user of [a, b]) {
      const res = await call('POST', '/api/area/people', {
        entraObjectId: user!.id,
        agencyId: HARBOUR,
        roles: [],
      });
      expect(res.status).toBe(201);
      ids.push(res.body.person.id);
    }
    const first = await call('PUT', `/api/area/agencies/${HARBOUR}/nominations`, {
      representativeId: ids[0],
      deputyId: ids[1],
    });
    expect(first.body.nominations).toEqual({ representativeId: ids[0], deputyIds: [ids[1]] });
    const swapped = await call('PUT', `/api/area/agencies/${HARBOUR}/nominations`, {
      representativeId: ids[1],
      deputyId: ids[0],
    });
    expect(swapped.body.nominations).toEqual({ representativeId: ids[1], deputyIds: [ids[0]] });
    expect((await agency(HARBOUR)).nominationsChangedOn).toBe(
      new Date().toISOString().slice(0, 10),
    );
    const audit = await app.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'agency.nominate' AND record_id = $1 ORDER BY id",
      [HARBOUR],
    );
    expect(audit.rows.at(-1)?.detail).toMatchObject({
      'before.representativeId': ids[0],
      'after.representativeId': ids[1],
    });
    const outsider = await call('PUT', `/api/area/agencies/${HARBOUR}/nominations`, {
      representativeId: demoUuid('person:police-rep'),
      deputyId: null,
    });
    expect(outsider.body.error.details[0].path).toBe('representativeId');
  });
});

describe('withdrawing an agency', () => {
  it('records whether the information was destroyed or returned, and the agency gets nothing', async () => {
    const missing = await call('POST', `/api/area/agencies/${HARBOUR}/withdraw`, {
      confirmedOn: '2026-01-31',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('outcome');
    const future = await call('POST', `/api/area/agencies/${HARBOUR}/withdraw`, {
      outcome: 'destroyed',
      confirmedOn: '2099-03-01',
    });
    expect(future.body.error.details[0].path).toBe('confirmedOn');
    const done = await call('POST', `/api/area/agencies/${HARBOUR}/withdraw`, {
      outcome: 'returned',
      confirmedOn: '2026-01-31',
    });
    expect(done.status).toBe(200);
    expect(done.body.agency.canReceiveMaracInformation).toBe(false);
    expect(await agency(HARBOUR)).toMatchObject({
      membershipStatus: 'withdrawn',
      withdrawalDataOutcome: 'returned',
      withdrawalDataConfirmedOn: '2026-01-31',
    });
    const again = await call('POST', `/api/area/agencies/${HARBOUR}/withdraw`, {
      outcome: 'returned',
      confirmedOn: '2026-01-31',
    });
    expect(again.status).toBe(400);
  });
});
