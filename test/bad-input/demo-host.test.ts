import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { rawRequest } from '../support/raw-request.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Demo mode signs anyone in as the coordinator. A page on another site (DNS rebinding) or a
 * proxy in front must not reach it: only loopback host names, never forwarded requests.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(() => app?.close());

const signIn = (headers: Record<string, string>) =>
  rawRequest(`${app.url}/api/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ personId: demoUuid('person:coordinator') }),
  });

describe('demo mode answers this computer only', () => {
  it('signs in at loopback host names', async () => {
    const port = new URL(app.url).port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `marac.localhost:${port}`,
    ]) {
      const res = await signIn({ host });
      expect(res.status, host).toBe(200);
      expect(JSON.parse(res.body)).toHaveProperty('token');
    }
  });

  it('refuses a rebound host name (Host: evil.example) with no token', async () => {
    for (const host of [
      'evil.example',
      'evil.example:80',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
    ]) {
      const res = await signIn({ host });
      expect(res.status, host).toBe(403);
      expect(res.body).not.toContain('token');
    }
  });

  it('refuses forwarded requests (a proxy in front of the demo)', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'x-forwarded-for': '203.0.113.9' },
      { 'x-forwarded-host': 'marac.example' },
      { forwarded: 'for=203.0.113.9;host=marac.example' },
    ]) {
      const res = await signIn(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body).not.toContain('token');
    }
  });
});
