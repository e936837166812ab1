import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedEntraIssuer } from '../../graph/simulator/entra-issuer.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

describe('the tab API behind SSO', () => {
  it('signs a demo person in and tells them who they are, with roles from the directory', async () => {
    const res = await app.as('chair')('/api/me');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      person: { displayName: 'Alex Sampleford' },
      roles: ['chair'],
      agency: { name: 'Northfield Police', isCore: true },
      area: { name: 'Northfield MARAC', timeZone: 'Europe/London' },
    });
  });

  it('lists the fictional people on the demo sign-in page', async () => {
    const res = await fetch(`${app.url}/api/demo/people`);
    const { people } = (await res.json()) as {
      people: Array<{ displayName: string; roles: string[] }>;
    };
    expect(people.length).toBeGreaterThanOrEqual(28);
    expect(people.find((p) => p.displayName === 'Morgan Exampleton')?.roles).toEqual([
      'coordinator',
    ]);
  });

  it('publishes the simulated tenant keys where Entra would', async () => {
    const tenant = app.config.microsoft.tenantId as string;
    const jwks = await (await fetch(`${app.url}/sim/entra/${tenant}/discovery/v2.0/keys`)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    const meta = await (
      await fetch(`${app.url}/sim/entra/${tenant}/v2.0/.well-known/openid-configuration`)
    ).json();
    expect(meta.issuer).toBe(`${app.url}/sim/entra/${tenant}/v2.0`);
  });

  it.each([
    ['no token', {}],
    ['a malformed header', { authorization: 'Basic abc' }],
    ['a rubbish token', { authorization: 'Bearer abc.def.ghi' }],
  ])('answers 401 with %s', async (_why, headers) => {
    const res = await fetch(`${app.url}/api/me`, { headers });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a token forged with another key, even for a real person', async () => {
    const forger = await SimulatedEntraIssuer.create({
      authorityHost: app.config.microsoft.authorityHost,
    });
    const me = await (await app.as('chair')('/api/me')).json();
    const forged = await forger.issueUserToken({
      tenantId: app.config.microsoft.tenantId as string,
      objectId: (
        await app.db.query<{ entra_object_id: string }>(
          'SELECT entra_object_id FROM person WHERE id = $1',
          [me.person.id],
        )
      ).rows[0]?.entra_object_id as string,
      name: 'x',
      preferredUsername: 'x',
      audience: app.config.microsoft.appId as string,
    });
    const res = await fetch(`${app.url}/api/me`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(401);
  });

  it('answers 403 NOT_A_MEMBER to a valid token for someone not in the directory', async () => {
    await app.db.query(
      `UPDATE person SET is_active = false WHERE display_name = 'Oakley Watchfield'`,
    );
    const res = await app.as('observer')('/api/me');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('NOT_A_MEMBER');
  });
});
