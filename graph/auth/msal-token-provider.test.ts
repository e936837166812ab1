import { generateKeyPairSync } from 'node:crypto';
import express from 'express';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../test/support/http.js';
import { AppRegistry, thumbprintOf } from '../simulator/app-registry.js';
import { SimulatedEntraIssuer } from '../simulator/entra-issuer.js';
import { entraDiscoveryRoutes } from '../simulator/entra-routes.js';
import { startSimulator } from '../simulator/start-simulator.js';
import { MsalTokenProvider } from './msal-token-provider.js';

const TENANT = '11111111-1111-4111-8111-111111111111';
const APP = '33333333-3333-4333-8333-333333333333';
const GRAPH = 'https://graph.microsoft.com';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let server: Awaited<ReturnType<typeof listen>>;
let issuer: SimulatedEntraIssuer;
let authorityHost: string;
const tokenRequests: Record<string, string>[] = [];

beforeAll(async () => {
  const app = express();
  app.use((req, _res, next) => {
    if (req.method === 'POST') tokenRequests.push({ path: req.path });
    next();
  });
  server = await listen(app);
  authorityHost = `${server.url}/entra`;
  issuer = await SimulatedEntraIssuer.create({ authorityHost });
  const apps = new AppRegistry([
    {
      appId: APP,
      secrets: ['right-secret'],
      certificates: [{ thumbprint: thumbprintOf(publicKeyPem, 'sha256'), publicKeyPem }],
      graphRoles: ['Mail.Send', 'Calendars.ReadWrite'],
      consentedScopes: ['User.Read'],
    },
  ]);
  app.use('/entra', entraDiscoveryRoutes(issuer, { apps, tenantId: TENANT, resources: [GRAPH] }));
});
afterAll(() => server.close());

const provider = (credential: ConstructorParameters<typeof MsalTokenProvider>[0]['credential']) =>
  new MsalTokenProvider({ authorityHost, tenantId: TENANT, clientId: APP, credential });

describe('msal-node against the simulated tenant (through the loopback bridge)', () => {
  it('gets an app-only Graph token with a client secret, and then serves it from its cache', async () => {
    const tokens = provider({ kind: 'secret', secret: 'right-secret' });
    const before = tokenRequests.length;
    const token = await tokens.appToken(GRAPH);
    const claims = await issuer.verify(token, { tenantId: TENANT, audience: GRAPH });
    expect(claims).toMatchObject({
      appid: APP,
      tid: TENANT,
      roles: ['Mail.Send', 'Calendars.ReadWrite'],
    });
    expect(await tokens.appToken(GRAPH)).toBe(token);
    expect(tokenRequests.length - before).toBe(1);
  });

  it('gets an app-only token with a certificate (a signed client assertion)', async () => {
    const token = await provider({
      kind: 'certificate',
      thumbprint: thumbprintOf(publicKeyPem, 'sha256'),
      privateKeyPem,
    }).appToken(GRAPH);
    expect(decodeJwt(token)).toMatchObject({ appid: APP, aud: GRAPH });
  });

  it('reports a wrong secret with Entra’s error code and never the secret', async () => {
    const error = (await provider({ kind: 'secret', secret: 'wrong-secret' })
      .appToken(GRAPH)
      .catch((e: unknown) => e)) as Error & { code: string };
    expect(error).toMatchObject({ name: 'TokenAcquisitionError', code: 'invalid_client' });
    expect(String(error.message)).not.toContain('wrong-secret');
  });

  it('reports a certificate the app registration does not know', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const error = await provider({
      kind: 'certificate',
      thumbprint: thumbprintOf(other.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      privateKeyPem: other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    })
      .appToken(GRAPH)
      .catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'invalid_client' });
  });

  it('exchanges a tab SSO token on behalf of the user', async () => {
    const sso = await issuer.issueUserToken({
      tenantId: TENANT,
      objectId: 'user-oid-1',
      name: 'Sam Testbury',
      preferredUsername: 'sam@example.test',
      audience: `api://marac.example/${APP}`,
    });
    const token = await provider({ kind: 'secret', secret: 'right-secret' }).onBehalfOf(sso, [
      `${GRAPH}/User.Read`,
    ]);
    expect(decodeJwt(token)).toMatchObject({ oid: 'user-oid-1', aud: GRAPH, scp: 'User.Read' });
  });

  it('turns missing consent into CONSENT_REQUIRED for the tab to prompt', async () => {
    const sso = await issuer.issueUserToken({
      tenantId: TENANT,
      objectId: 'user-oid-1',
      name: 'Sam Testbury',
      preferredUsername: 'sam@example.test',
      audience: APP,
    });
    const error = await provider({ kind: 'secret', secret: 'right-secret' })
      .onBehalfOf(sso, [`${GRAPH}/Mail.Read`])
      .catch((e: Error) => e);
    expect(error).toMatchObject({
      code: 'CONSENT_REQUIRED',
      details: { subError: 'consent_required' },
    });
  });

  it('refuses a plain-http authority that is not loopback', () => {
    expect(
      () =>
        new MsalTokenProvider({
          authorityHost: 'http://login.example.org',
          tenantId: TENANT,
          clientId: APP,
          credential: { kind: 'secret', secret: 's' },
        }),
    ).toThrow(/must use https/);
  });
});

describe('msal-node with a user-assigned managed identity (App Service endpoint simulated)', () => {
  const MSI = '44444444-4444-4444-8444-444444444444';
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  beforeAll(async () => {
    sim = await startSimulator({
      tenantId: TENANT,
      apps: [
        { appId: APP, graphRoles: [], federatedIdentities: [MSI], consentedScopes: ['User.Read'] },
      ],
      managedIdentities: {
        header: 'identity-header-secret',
        identities: [{ clientId: MSI, graphRoles: ['Mail.Send'] }],
      },
    });
    // What App Service sets for the process; msal-node reads them.
    process.env.IDENTITY_ENDPOINT = `${sim.url}/sim/msi/token`;
    process.env.IDENTITY_HEADER = 'identity-header-secret';
  });
  afterAll(async () => {
    delete process.env.IDENTITY_ENDPOINT;
    delete process.env.IDENTITY_HEADER;
    await sim.close();
  });

  it('gets app-only tokens from the identity endpoint, and uses the identity as a federated credential for OBO', async () => {
    const tokens = new MsalTokenProvider({
      authorityHost: sim.tenant.authorityHost,
      tenantId: TENANT,
      clientId: APP,
      credential: { kind: 'managed-identity', managedIdentityClientId: MSI },
    });
    expect(decodeJwt(await tokens.appToken(GRAPH))).toMatchObject({
      appid: MSI,
      aud: GRAPH,
      roles: ['Mail.Send'],
    });
    const sso = await sim.tenant.entra.issueUserToken({
      tenantId: TENANT,
      objectId: 'user-oid-2',
      name: 'Sam Testbury',
      preferredUsername: 'sam@example.test',
      audience: APP,
    });
    expect(decodeJwt(await tokens.onBehalfOf(sso, [`${GRAPH}/User.Read`]))).toMatchObject({
      oid: 'user-oid-2',
      scp: 'User.Read',
    });
  });
});
