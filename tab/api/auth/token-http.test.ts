import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedEntraIssuer } from '../../../graph/simulator/entra-issuer.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';

/**
 * The API rejects missing, expired, wrong-audience, wrong-tenant and forged
 * tokens with 401, over HTTP, for a person who is really in the directory. Each token below is
 * signed by the running service's own simulated Entra key (so only the named claim is wrong),
 * except the forged one. tab-api.test.ts covers missing, malformed and forged; this adds the rest.
 */
let app: TestApp;
let issuer: SimulatedEntraIssuer;
let user: { tenantId: string; objectId: string; name: string; preferredUsername: string };
let audience: string;

beforeAll(async () => {
  app = await startTestApp();
  issuer = app.composition.microsoft.simulator?.entra as SimulatedEntraIssuer;
  const me = await (await app.as('police-rep')('/api/me')).json();
  const { rows } = await app.db.query<{ entra_object_id: string; entra_tenant_id: string }>(
    'SELECT entra_object_id, entra_tenant_id FROM person WHERE id = $1',
    [me.person.id],
  );
  user = {
    tenantId: rows[0]?.entra_tenant_id as string,
    objectId: rows[0]?.entra_object_id as string,
    name: 'Sam Testbury',
    preferredUsername: me.person.email,
  };
  audience = app.config.microsoft.appId as string;
});
afterAll(async () => app.close());

const meWith = (token: string) =>
  fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

describe('the tab API refuses bad tokens with 401 over HTTP', () => {
  it('accepts the good token these variations start from (so each refusal is about one claim)', async () => {
    const res = await meWith(await issuer.issueUserToken({ ...user, audience }));
    expect(res.status).toBe(200);
  });

  it.each([
    [
      'expired',
      () => issuer.issueUserToken({ ...user, audience }, new Date(Date.now() - 3 * 3600_000)),
    ],
    [
      'for another audience',
      () => issuer.issueUserToken({ ...user, audience: 'api://elsewhere.example/x' }),
    ],
    [
      'from a tenant that is not allowed',
      () =>
        issuer.issueUserToken({
          ...user,
          tenantId: '99999999-9999-4999-8999-999999999999',
          audience,
        }),
    ],
    [
      'without the access_as_user scope',
      () => issuer.issueUserToken({ ...user, audience, scopes: ['User.Read'] }),
    ],
    [
      'with its signature changed',
      async () => {
        const [h, p] = (await issuer.issueUserToken({ ...user, audience })).split('.');
        return `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
      },
    ],
  ])('refuses a token %s', async (_why, token) => {
    const res = await meWith(await token());
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('UNAUTHENTICATED');
    // The refusal never echoes who the token claimed to be.
    expect(JSON.stringify(body)).not.toContain('Sam Testbury');
  });

  it('refuses the same bad tokens on a content route, not just /api/me', async () => {
    const expired = await issuer.issueUserToken(
      { ...user, audience },
      new Date(Date.now() - 3 * 3600_000),
    );
    const res = await fetch(`${app.url}/api/meetings`, {
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(res.status).toBe(401);
  });
});
