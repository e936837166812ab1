import { createLocalJWKSet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { SimulatedEntraIssuer } from '../../../graph/simulator/entra-issuer.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const APP = '33333333-3333-4333-8333-333333333333';
const HOST = 'https://login.example.test';

let issuer: SimulatedEntraIssuer;
let forger: SimulatedEntraIssuer;
let verify: TokenVerifier;
const user = {
  tenantId: TENANT,
  objectId: 'oid-1',
  name: 'Sam Testbury',
  preferredUsername: 'sam@example.test',
  audience: APP,
};

beforeAll(async () => {
  issuer = await SimulatedEntraIssuer.create({ authorityHost: HOST });
  forger = await SimulatedEntraIssuer.create({ authorityHost: HOST });
  verify = createTokenVerifier({
    authorityHost: HOST,
    audiences: [APP, `api://marac.example/${APP}`],
    allowedTenants: [TENANT],
    keys: () => createLocalJWKSet(issuer.jwks()),
  });
});

const refusal = (token: Promise<string> | string) =>
  Promise.resolve(token)
    .then(verify)
    .then(
      () => null,
      (e: { code: string; message: string }) => e,
    );

describe('tab SSO token validation (PLATFORM.md §8)', () => {
  it('accepts a valid token and returns who it is', async () => {
    expect(await verify(await issuer.issueUserToken(user))).toEqual({
      tenantId: TENANT,
      objectId: 'oid-1',
      name: 'Sam Testbury',
      username: 'sam@example.test',
      scopes: ['access_as_user'],
    });
  });

  it('accepts the Application ID URI as audience too', async () => {
    await expect(
      verify(await issuer.issueUserToken({ ...user, audience: `api://marac.example/${APP}` })),
    ).resolves.toMatchObject({ objectId: 'oid-1' });
  });

  it.each([
    ['expired', () => issuer.issueUserToken(user, new Date(Date.now() - 3 * 3600_000)), /expired/],
    [
      'for another application',
      () => issuer.issueUserToken({ ...user, audience: 'api://someone-else' }),
      /another application/,
    ],
    [
      'from a tenant that is not allowed',
      () => issuer.issueUserToken({ ...user, tenantId: OTHER_TENANT }),
      /not allowed/,
    ],
    ['signed by another key', () => forger.issueUserToken(user), /signature/],
    [
      'without access_as_user',
      () => issuer.issueUserToken({ ...user, scopes: ['User.Read'] }),
      /access_as_user/,
    ],
  ])('refuses a token %s with UNAUTHENTICATED', async (_why, make, message) => {
    const error = await refusal(make());
    expect(error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a token from another authority (wrong issuer)', async () => {
    const elsewhere = await SimulatedEntraIssuer.create({ authorityHost: 'https://evil.example' });
    const strict = createTokenVerifier({
      authorityHost: HOST,
      audiences: [APP],
      allowedTenants: [TENANT],
      keys: () => createLocalJWKSet(elsewhere.jwks()),
    });
    const error = await strict(await elsewhere.issueUserToken(user)).catch((e: Error) => e);
    expect(error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/unexpected authority/),
    });
  });

  it('refuses rubbish', async () => {
    expect(await refusal('not.a.jwt')).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/malformed/),
    });
  });
});
