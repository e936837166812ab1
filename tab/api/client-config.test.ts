import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

describe('GET /api/client-config: what the tab needs to sign in', () => {
  it('answers without a token, with the client id, authority and API scope and no secret', async () => {
    const res = await fetch(`${app.url}/api/client-config`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const host = new URL(app.url).host;
    expect(body).toEqual({
      mode: 'demo',
      clientId: app.config.microsoft.appId,
      authority: `${app.config.microsoft.authorityHost}/${app.config.microsoft.tenantId}`,
      scopes: [`api://${host}/${app.config.microsoft.appId}/access_as_user`],
    });
    expect(JSON.stringify(body)).not.toMatch(/secret|password|BEGIN/i);
  });

  it('leaves everything else under /api behind sign-in', async () => {
    expect((await fetch(`${app.url}/api/client-config/x`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/meetings`)).status).toBe(401);
  });
});
