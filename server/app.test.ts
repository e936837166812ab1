import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.js';
import { createTestDb, type TestDb } from '../test/support/test-db.js';
import { listen } from '../test/support/http.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

let db: TestDb;
let server: Awaited<ReturnType<typeof listen>>;
let ready = true;

beforeAll(async () => {
  db = await createTestDb({ migrate: false });
  const staticDir = await mkdtemp(path.join(tmpdir(), 'tab-'));
  await writeFile(
    path.join(staticDir, 'index.html'),
    '<!doctype html><title>Virtual MARAC</title>',
  );
  const routes = Router();
  routes.get('/refused', () => {
    throw new DomainError('ACTION_NOT_OWNED');
  });
  routes.post('/echo', (req, res) => void res.json({ received: req.body }));
  routes.get('/boom', () => {
    throw new Error('Ava Fictionwood should never reach the client or the log');
  });
  const app = createApp({
    config: loadConfig({}, { version: '9.9.9' }),
    log: createLogger({ level: 'silent' }),
    db,
    readiness: { isReady: () => ready, isShuttingDown: () => false },
    features: [{ path: '/api/test', handler: routes }],
    staticDir,
  });
  server = await listen(app);
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('the HTTP edge', () => {
  it('answers /healthz with the version and database driver', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      mode: 'demo',
      database: db.driver,
    });
  });

  it('answers /readyz 503 until ready, then 200', async () => {
    ready = false;
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    ready = true;
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
      status: 'ready',
      database: db.driver,
    });
  });

  it('turns a domain error into its status and a JSON body with the code', async () => {
    const res = await fetch(`${server.url}/api/test/refused`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: { code: 'ACTION_NOT_OWNED', message: 'Only the owning agency can close this action.' },
    });
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await fetch(`${server.url}/api/test/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('MALFORMED_JSON');
    const big = await fetch(`${server.url}/api/test/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(300_000) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('hides unexpected errors behind a correlation id', async () => {
    const res = await fetch(`${server.url}/api/test/boom`);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'INTERNAL', correlationId: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('Fictionwood');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/nothing-here' },
    });
  });

  it('serves the tab client for client-side routes, and lets Teams and Outlook frame it', async () => {
    const res = await fetch(`${server.url}/my-marac/actions`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Virtual MARAC</title>');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('content-security-policy')).toContain('https://teams.microsoft.com');
  });
});
