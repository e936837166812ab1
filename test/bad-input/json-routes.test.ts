import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLog } from '../support/capture-log.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { apiRoutes, fill, type RouteInfo } from './support/routes.js';

/**
 * Bad input on every route the service registers under /api (read from its routers, so a new
 * route is covered without being listed): malformed ids, deeply nested, oversize and wrongly
 * typed bodies. Each answer is a 4xx, nothing is logged at error level, and the service still
 * answers afterwards.
 */
const logs = captureLog();
let app: TestApp;
let routes: RouteInfo[];
beforeAll(async () => {
  app = await startTestApp({ log: logs.log });
  routes = apiRoutes(app.composition);
}, 120_000);
afterAll(() => app?.close());

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const MALFORMED_IDS = ['not-a-uuid', '\u0000', "1' OR '1'='1", '12345', 'x'.repeat(300)];

interface Outcome {
  call: string;
  status: number;
}

async function call(
  who: string,
  route: RouteInfo,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<Outcome> {
  const res = await app.as(who)(path, {
    method: route.method,
    signal: AbortSignal.timeout(20_000),
    ...(WITH_BODY.has(route.method)
      ? { body: body ?? '{}', headers: { 'content-type': contentType } }
      : {}),
  });
  await res.arrayBuffer();
  return { call: `${who} ${route.method} ${path}`, status: res.status };
}

const not4xx = (outcomes: Outcome[]) => outcomes.filter((o) => o.status < 400 || o.status >= 500);

async function stillAnswers() {
  const res = await app.as('coordinator')('/api/me');
  expect(res.status).toBe(200);
}

describe('bad input on every JSON route', () => {
  it('enumerates the routes from the running app', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.some((r) => r.path === '/api/meetings/:meetingId/agenda/:itemId')).toBe(true);
  });

  it('answers malformed ids in every :param with a 4xx, logging nothing at error level', async () => {
    const outcomes: Outcome[] = [];
    for (const route of routes.filter((r) => r.params.length > 0))
      for (const bad of MALFORMED_IDS)
        for (const who of ['coordinator']) {
          // All params malformed, then each one alone among well-formed (unknown) ids.
          outcomes.push(await call(who, route, fill(route, {}, bad)));
          for (const param of route.params.length > 1 ? route.params : [])
            outcomes.push(await call(who, route, fill(route, { [param]: bad }, randomUUID())));
        }
    expect(not4xx(outcomes)).toEqual([]);
    expect(logs.errors().map((e) => e.msg)).toEqual([]);
    await stillAnswers();
  }, 300_000);

  it('answers deeply nested, oversize and wrongly typed bodies with a 4xx', async () => {
    const depth = 20_000;
    const deepArrays = 120_000; // 240 KB, under the body limit
    const bodies: [string, string, string?][] = [
      ['nested objects', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
      ['nested arrays', `${'['.repeat(deepArrays)}${']'.repeat(deepArrays)}`],
      ['oversize', JSON.stringify({ note: 'x'.repeat(400_000) })],
      ['an array', '[]'],
      ['a number', '42'],
      ['wrong field types', JSON.stringify(wrongTypes())],
      ['not JSON', '{"a": ', 'application/json'],
    ];
    const outcomes: Outcome[] = [];
    for (const route of routes.filter(
      (r) => WITH_BODY.has(r.method) && !r.path.startsWith('/api/demo'),
    ))
      for (const [why, body, type] of bodies) {
        const o = await call('coordinator', route, fill(route, {}, randomUUID()), body, type);
        outcomes.push({ ...o, call: `${o.call} (${why})` });
      }
    expect(not4xx(outcomes)).toEqual([]);
    expect(logs.errors().map((e) => e.msg)).toEqual([]);
    await stillAnswers();
  }, 300_000);
});

/** Plausible field names with values of the wrong type. */
function wrongTypes(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [
    'title',
    'start',
    'caseNumber',
    'riskLevel',
    'agencyId',
    'personId',
    'toPosition',
    'plannedMinutes',
    'reason',
    'evidence',
    'dryRun',
    'roles',
    'email',
  ])
    out[name] = { $gt: '' };
  return out;
}
