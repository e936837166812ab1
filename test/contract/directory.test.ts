import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphDirectory } from '../../graph/graph-directory.js';
import type { GraphRequestError } from '../../graph/graph-error.js';
import {
  type ContractTenant,
  emailOf,
  startContractTenant,
  userId,
} from './support/contract-tenant.js';

/** The directory lookup behind `npm run setup`, and the simulator's `GET /users/{id}`. */
let t: ContractTenant;
beforeAll(async () => {
  t = await startContractTenant();
  // A guest as Entra holds one: the sign-in name is not the mail address.
  t.tenant.directory.add({
    id: '5c4b3a29-1807-4f6e-9d5c-4b3a2918f7e6',
    userPrincipalName: 'sam.okafor_harbour-refuge.example#EXT#@northfield-council.example',
    mail: 'sam.okafor@harbour-refuge.example',
    displayName: 'Sam Okafor',
    userType: 'Guest',
  });
});
beforeEach(() => t.reset());
afterAll(() => t.close());

async function raw(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await t.graph.send<Record<string, unknown>>({ call: 'GET /users/{id}', path });
  return { status: res.status, body: res.body };
}

describe('GraphDirectory over GET /users/{id} (contract)', () => {
  it('finds a user by sign-in name, in any case, with the object id sign-in matches on', async () => {
    const directory = new GraphDirectory({ graph: t.graph });
    const found = await directory.findUser(emailOf('coordinator').toUpperCase());
    expect(found).toEqual({
      objectId: userId('coordinator'),
      displayName: expect.any(String),
      mail: emailOf('coordinator'),
      userPrincipalName: emailOf('coordinator'),
      userType: 'Member',
    });
    expect(await directory.findUser(userId('coordinator'))).toEqual(found);
    expect(t.tenant.requests.map((r) => [r.call, r.status])).toEqual([
      ['GET /users/{id}', 200],
      ['GET /users/{id}', 200],
    ]);
  });

  it('finds a guest by the sign-in name with #EXT#, but not by their mail address alone', async () => {
    const directory = new GraphDirectory({ graph: t.graph });
    const guest = await directory.findUser(
      'sam.okafor_harbour-refuge.example#EXT#@northfield-council.example',
    );
    expect(guest?.objectId).toBe('5c4b3a29-1807-4f6e-9d5c-4b3a2918f7e6');
    expect(guest?.mail).toBe('sam.okafor@harbour-refuge.example');
    expect(await directory.findUser('sam.okafor@harbour-refuge.example')).toBeNull();
  });

  it('answers null for nobody, and surfaces any other failure', async () => {
    const directory = new GraphDirectory({ graph: t.graph });
    expect(await directory.findUser('nobody@northfield-council.example')).toBeNull();
    t.tenant.faults.add({ call: 'GET /users/{id}', kind: 'unavailable', retryAfterSeconds: 0 });
    const impatient = new GraphDirectory({ graph: t.client({ maxRetries: 0 }) });
    await expect(impatient.findUser(emailOf('coordinator'))).rejects.toMatchObject({
      status: 503,
    });
  });
});

describe('simulated GET /users/{id} follows Microsoft Graph "Get user"', () => {
  it('returns the default properties, or only the $select ones with an @odata.context naming them', async () => {
    const all = await raw(`/users/${encodeURIComponent(emailOf('chair'))}`);
    expect(Object.keys(all.body).sort()).toEqual(
      [
        '@odata.context',
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    expect(all.body['@odata.context']).toBe(`${t.tenant.graphBaseUrl}/$metadata#users/$entity`);
    const some = await raw(`/users/${userId('chair')}?$select=id,mail`);
    expect(some.body).toEqual({
      '@odata.context': `${t.tenant.graphBaseUrl}/$metadata#users(id,mail)/$entity`,
      id: userId('chair'),
      mail: emailOf('chair'),
    });
  });

  it('answers 404 Request_ResourceNotFound and 400 for an unknown $select property', async () => {
    const missing = await t.graph
      .send({ call: 'GET /users/{id}', params: { id: 'nobody@northfield-council.example' } })
      .catch((e: unknown) => e as GraphRequestError);
    expect(missing).toMatchObject({ status: 404, graphCode: 'Request_ResourceNotFound' });
    const bad = await t.graph
      .send({
        call: 'GET /users/{id}',
        params: { id: userId('chair') },
        query: { $select: 'id,shoeSize' },
      })
      .catch((e: unknown) => e as GraphRequestError);
    expect(bad).toMatchObject({ status: 400, graphCode: 'Request_BadRequest' });
  });
});

describe('GraphDirectory.searchUsers over GET /users with startswith (contract)', () => {
  it('finds members and guests by the start of a name or address, in any case', async () => {
    const directory = new GraphDirectory({ graph: t.graph });
    const bySurname = await directory.searchUsers('OKA');
    expect(bySurname).toEqual([
      {
        objectId: '5c4b3a29-1807-4f6e-9d5c-4b3a2918f7e6',
        displayName: 'Sam Okafor',
        mail: 'sam.okafor@harbour-refuge.example',
        userPrincipalName: 'sam.okafor_harbour-refuge.example#EXT#@northfield-council.example',
        userType: 'Guest',
      },
    ]);
    expect((await directory.searchUsers('sam.okafor@')).map((u) => u.objectId)).toEqual([
      '5c4b3a29-1807-4f6e-9d5c-4b3a2918f7e6',
    ]);
    expect(await directory.searchUsers('zzz-nobody')).toEqual([]);
    const [request] = t.tenant.requests;
    expect(request?.call).toBe('GET /users');
  });

  it('escapes a quote in the text rather than breaking the filter', async () => {
    const directory = new GraphDirectory({ graph: t.graph });
    t.tenant.directory.add({
      id: '6d5c4b3a-2918-4f6e-8d5c-4b3a2918f7e7',
      userPrincipalName: 'niamh.oneill@northfield-council.example',
      mail: 'niamh.oneill@northfield-council.example',
      displayName: "Niamh O'Neill",
    });
    expect((await directory.searchUsers("niamh o'")).map((u) => u.displayName)).toEqual([
      "Niamh O'Neill",
    ]);
  });

  it('answers 400 for a filter Graph does not support without advanced query headers', async () => {
    const res = await t.graph
      .send({ call: 'GET /users', query: { $filter: "contains(displayName,'a')" } })
      .catch((e: GraphRequestError) => e);
    expect((res as GraphRequestError).status).toBe(400);
  });
});
