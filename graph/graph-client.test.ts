import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../test/support/http.js';
import { fill, GraphClient } from './graph-client.js';

/** A stand-in Graph that records what reached it. */
let server: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;
const seen: { path: string; authorization?: string }[] = [];
const done: Record<string, number> = {};
const tokens = { appToken: async () => 'secret-token', onBehalfOf: async () => 'x' };

beforeAll(async () => {
  const graph = express();
  graph.use((req, res, next) => {
    seen.push({ path: req.url, authorization: req.get('authorization') });
    next();
  });
  graph.get('/v1.0/paged', (_req, res) => {
    res.json({ value: [1], '@odata.nextLink': `${elsewhere.url}/v1.0/paged?page=2` });
  });
  graph.get('/v1.0/slow', (_req, res) => void setTimeout(() => res.json({}), 500));
  // Acts, then answers 503 the first time (as if the answer was lost): counts what it did.
  const unavailableOnce = (name: string) => (_req: express.Request, res: express.Response) => {
    done[name] = (done[name] ?? 0) + 1;
    if (done[name] === 1)
      res
        .status(503)
        .set('retry-after', '0')
        .json({ error: { code: 'x' } });
    else res.status(name.startsWith('post') ? 201 : 200).json({ n: done[name] });
  };
  graph.post('/v1.0/create', unavailableOnce('post'));
  graph.post('/v1.0/create-safe', unavailableOnce('post-safe'));
  graph.get('/v1.0/read', unavailableOnce('get'));
  graph.post('/v1.0/throttled', (_req, res) => {
    done.throttled = (done.throttled ?? 0) + 1;
    if (done.throttled === 1) res.status(429).set('retry-after', '0').json({});
    else res.status(202).end();
  });
  server = await listen(graph);
  elsewhere = await listen(
    express().use((req, res) => void res.json({ value: [2], stolen: req.get('authorization') })),
  );
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

describe('GraphClient', () => {
  it('fills placeholders one URL-encoded segment each, and refuses a missing one', () => {
    expect(fill('/users/{id}/sendMail', { id: 'a b@c/d' })).toBe('/users/a%20b%40c%2Fd/sendMail');
    expect(() => fill('/users/{id}/events/{eventId}', { id: 'x' })).toThrow('{eventId}');
  });

  it('never follows a nextLink (or sends its token) outside the configured Graph endpoint', async () => {
    const client = new GraphClient({ baseUrl: `${server.url}/v1.0`, tokens });
    await expect(client.all({ call: 'GET /paged' })).rejects.toMatchObject({
      graphCode: 'UnfollowableNextLink',
      graphMessage: expect.stringMatching(/outside/),
    });
    expect(seen.at(-1)).toEqual({ path: '/v1.0/paged', authorization: 'Bearer secret-token' });
  });

  it('never repeats a POST after a 503 by itself; repeats GETs, and POSTs refused with 429', async () => {
    const client = new GraphClient({ baseUrl: `${server.url}/v1.0`, tokens, retryDelaySeconds: 0 });
    const post = await client.send({ call: 'POST /create', body: {} }).catch((e: unknown) => e);
    expect(post).toMatchObject({ status: 503, call: 'POST /create' });
    expect(done.post).toBe(1);
    expect((await client.send({ call: 'GET /read' })).status).toBe(200);
    expect(done.get).toBe(2);
    expect((await client.send({ call: 'POST /throttled', body: {} })).status).toBe(202);
    expect(done.throttled).toBe(2);
    // A POST Graph de-duplicates may ask for the retry.
    const safe = await client.send({ call: 'POST /create-safe', body: {}, retryOn: 'all' });
    expect([safe.status, done['post-safe']]).toEqual([201, 2]);
  });

  it('raises a GraphRequestError with status 0 when Graph does not answer in time or at all', async () => {
    const slow = new GraphClient({ baseUrl: `${server.url}/v1.0`, tokens, attemptTimeoutMs: 50 });
    const timedOut = await slow.send({ call: 'GET /slow' }).catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ status: 0, graphCode: 'Timeout' });
    expect((timedOut as { transient: boolean }).transient).toBe(true);
    const down = new GraphClient({ baseUrl: 'http://127.0.0.1:9/v1.0', tokens });
    await expect(down.send({ call: 'GET /users/{id}', params: { id: 'x' } })).rejects.toMatchObject(
      {
        status: 0,
        graphCode: 'NetworkError',
        call: 'GET /users/{id}',
      },
    );
  });
});
