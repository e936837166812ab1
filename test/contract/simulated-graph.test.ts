import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MsalTokenProvider } from '../../graph/auth/msal-token-provider.js';
import { type RunningSimulator, startSimulator } from '../../graph/simulator/start-simulator.js';
import { APP_ID, APP_SECRET, MAILBOX, TENANT_ID, USERS } from './support/contract-tenant.js';

const NO_ROLES_APP = '99999999-9999-4999-8999-999999999999';
let sim: RunningSimulator;
let token: string;
let weakToken: string;

const tokenFor = (clientId: string) =>
  new MsalTokenProvider({
    authorityHost: sim.tenant.authorityHost,
    tenantId: TENANT_ID,
    clientId,
    credential: { kind: 'secret', secret: APP_SECRET },
  }).appToken('https://graph.microsoft.com');

beforeAll(async () => {
  sim = await startSimulator({
    tenantId: TENANT_ID,
    users: USERS,
    apps: [
      { appId: APP_ID, secrets: [APP_SECRET], graphRoles: ['Mail.Send'] },
      { appId: NO_ROLES_APP, secrets: [APP_SECRET], graphRoles: [] },
    ],
  });
  [token, weakToken] = await Promise.all([tokenFor(APP_ID), tokenFor(NO_ROLES_APP)]);
});
afterAll(() => sim.close());

const sendMail = (body: string, auth: string | null = token, path = `/users/${MAILBOX}/sendMail`) =>
  fetch(`${sim.tenant.graphBaseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    },
    body,
  });
const valid = JSON.stringify({
  message: {
    subject: 's',
    toRecipients: [{ emailAddress: { address: 'a@northfield-council.example' } }],
  },
});

describe('the simulated Graph refuses what Graph refuses, in Graph’s error shape', () => {
  it.each([
    ['no token', valid, null, undefined, 401, 'InvalidAuthenticationToken'],
    [
      'a token without the permission',
      valid,
      'weak',
      undefined,
      403,
      'Authorization_RequestDenied',
    ],
    ['malformed JSON', '{"message": ', 'ok', undefined, 400, 'BadRequest'],
    [
      'a recipient that is not an address',
      JSON.stringify({ message: { toRecipients: [{ emailAddress: { address: 'nobody' } }] } }),
      'ok',
      undefined,
      400,
      'BadRequest',
    ],
    [
      'a header that is not an x- header',
      JSON.stringify({
        message: {
          toRecipients: [{ emailAddress: { address: 'a@b.example' } }],
          internetMessageHeaders: [{ name: 'Subject', value: 'x' }],
        },
      }),
      'ok',
      undefined,
      400,
      'BadRequest',
    ],
    [
      'an unknown mailbox',
      valid,
      'ok',
      '/users/nobody@northfield-council.example/sendMail',
      404,
      'ErrorInvalidUser',
    ],
    ['an unknown resource', valid, 'ok', '/nonsense/things', 400, 'BadRequest'],
  ])('%s', async (_why, body, auth, path, status, code) => {
    const res = await sendMail(
      body,
      auth === null ? null : auth === 'weak' ? weakToken : token,
      path,
    );
    expect(res.status).toBe(status);
    const json = (await res.json()) as {
      error: { code: string; message: string; innerError?: Record<string, string> };
    };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
    if (json.error.innerError)
      expect(json.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(sim.tenant.outbox).toHaveLength(0);
  });
});
