import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, Router } from 'express';
import type { JWTPayload } from 'jose';
import type { SimClock } from './sim-context.js';
import type { SimulatedEntraIssuer } from './entra-issuer.js';
import type { FaultInjector } from './faults.js';
import {
  compile,
  type CompiledRoute,
  match,
  SimGraphError,
  type SimReply,
  type SimRoute,
} from './sim-route.js';

/** One request as the simulated Graph saw it (tests read these; file contents are not kept). */
export interface LoggedRequest {
  /** Simulated time (the tenant's clock) and real time in ms (for Retry-After gaps). */
  at: string;
  realMs: number;
  call: string | null;
  method: string;
  path: string;
  status: number;
  appId: string | null;
  clientRequestId: string | null;
  retryAttempt: number;
  prefer: string | null;
  /** The query string as sent (after `?`), and the JSON body, for contract comparisons. */
  query: string;
  body?: unknown;
  /** The API version segment of the base the request came in on (`v1.0`, `beta`). */
  version: string;
}

export interface GraphRouterDeps {
  issuer: SimulatedEntraIssuer;
  tenantId: string;
  faults: FaultInjector;
  clock: SimClock;
  routes: SimRoute[];
  /** Exchange allows 4 concurrent requests per mailbox; the fifth gets 429. */
  mailboxConcurrency?: number;
  log: LoggedRequest[];
}

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const LOG_LIMIT = 20_000;

/**
 * The simulated Graph's front door, in the order Graph applies them: route (400 for an unknown
 * segment), bearer token (401), application permission (403), throttling and injected faults
 * (429/503/504), JSON body (400), then the handler. Errors have Graph's shape with a request id.
 */
export function graphRouter(deps: GraphRouterDeps): Router {
  const compiled = deps.routes.map(compile);
  const inFlight = new Map<string, number>();
  const router = Router();
  router.use(express.json({ limit: '4mb', type: ['application/json', 'text/json'] }));
  router.use(express.raw({ limit: '20mb', type: () => true }));
  router.use((async (req, res) => {
    const requestId = randomUUID();
    res.set({
      'request-id': requestId,
      'client-request-id': req.get('client-request-id') ?? requestId,
    });
    const found = match(compiled, req.method, req.path);
    let token: JWTPayload | null = null;
    const finish = (reply: SimReply) => {
      record(deps, req, found?.compiled ?? null, reply.status, token);
      res.status(reply.status).set(reply.headers ?? {});
      if (reply.body === undefined) res.end();
      else res.json(reply.body);
    };
    try {
      if (!found)
        throw new SimGraphError(
          400,
          'BadRequest',
          `Resource not found for the segment '${req.path.split('/')[1] ?? ''}'.`,
        );
      token = await authenticate(deps, req);
      const { route } = found.compiled;
      const roles = Array.isArray(token.roles) ? (token.roles as string[]) : [];
      if (!route.permissions.some((p) => roles.includes(p)))
        throw new SimGraphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      injectFaults(deps, route.call);
      const key = route.mailbox ? found.params[route.mailbox]?.toLowerCase() : undefined;
      if (key && (inFlight.get(key) ?? 0) >= (deps.mailboxConcurrency ?? 4))
        throw new SimGraphError(
          429,
          'ApplicationThrottled',
          'Application is over its MailboxConcurrency limit.',
          { 'Retry-After': '1' },
        );
      if (key) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      try {
        // Latency is slow processing: it holds the request in flight (and its mailbox slot).
        const slow = deps.faults.take(route.call, ['latency']);
        if (slow) await new Promise((r) => setTimeout(r, slow.latencyMs ?? 200));
        const reply = await route.handle({
          call: route.call,
          params: found.params,
          query: new URLSearchParams(req.url.split('?')[1] ?? ''),
          body: bodyOf(req, route),
          headers: req.headers,
          token,
          requestId,
          now: deps.clock.now(),
          root: `${req.protocol}://${req.get('host')}${req.baseUrl}`,
        });
        const slowAnswer = deps.faults.take(route.call, ['slow-answer']);
        if (slowAnswer) await new Promise((r) => setTimeout(r, slowAnswer.latencyMs ?? 200));
        const after = deps.faults.take(route.call, ['accept-then-fail']);
        if (after)
          throw new SimGraphError(
            after.status ?? 504,
            after.status === 503 ? 'ServiceUnavailable' : 'GatewayTimeout',
            'The service did not answer in time.',
          );
        finish(reply);
      } finally {
        if (key) inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
      }
    } catch (error) {
      if (!(error instanceof SimGraphError)) throw error;
      finish({
        status: error.status,
        headers: error.headers,
        body: {
          error: {
            code: error.code,
            message: error.message,
            innerError: {
              date: deps.clock.now().toISOString(),
              'request-id': requestId,
              'client-request-id': res.get('client-request-id'),
            },
          },
        },
      });
    }
  }) as RequestHandler);
  router.use(((error, _req, res, next) => {
    const parse = error as { type?: string };
    if (parse.type === 'entity.parse.failed')
      return void res.status(400).json({
        error: {
          code: 'BadRequest',
          message:
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        },
      });
    if (parse.type === 'entity.too.large')
      return void res.status(413).json({
        error: { code: 'RequestEntityTooLarge', message: 'The request body is too large.' },
      });
    next(error);
  }) as express.ErrorRequestHandler);
  return router;
}

async function authenticate(deps: GraphRouterDeps, req: Request): Promise<JWTPayload> {
  const header = req.get('authorization') ?? '';
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  if (!token) throw new SimGraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  try {
    return await deps.issuer.verify(token, { tenantId: deps.tenantId, audience: GRAPH_AUDIENCE });
  } catch {
    throw new SimGraphError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience, issuer or signature.',
    );
  }
}

function injectFaults(deps: GraphRouterDeps, call: string): void {
  const fault = deps.faults.take(call, ['throttle', 'unavailable', 'gateway-timeout']);
  if (!fault) return;
  const retryAfter = { 'Retry-After': String(fault.retryAfterSeconds ?? 1) };
  if (fault.kind === 'throttle')
    throw new SimGraphError(
      429,
      'TooManyRequests',
      'Too many requests. Retry after the period in the Retry-After header.',
      retryAfter,
    );
  if (fault.kind === 'unavailable')
    throw new SimGraphError(
      503,
      'ServiceUnavailable',
      'The service is temporarily unavailable.',
      retryAfter,
    );
  if (fault.kind === 'gateway-timeout')
    throw new SimGraphError(504, 'GatewayTimeout', 'The service did not answer in time.');
}

function bodyOf(req: Request, route: SimRoute): unknown {
  if (route.rawBody) return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (Buffer.isBuffer(req.body)) {
    if (req.body.length === 0) return undefined;
    throw new SimGraphError(415, 'UnsupportedMediaType', 'Content-Type must be application/json.');
  }
  return req.body;
}

function record(
  deps: GraphRouterDeps,
  req: Request,
  compiled: CompiledRoute | null,
  status: number,
  token: JWTPayload | null,
): void {
  if (deps.log.length >= LOG_LIMIT) deps.log.splice(0, deps.log.length - LOG_LIMIT + 1);
  deps.log.push({
    at: deps.clock.now().toISOString(),
    realMs: Date.now(),
    call: compiled?.route.call ?? null,
    method: req.method,
    path: req.path,
    status,
    appId: typeof token?.appid === 'string' ? token.appid : null,
    clientRequestId: req.get('client-request-id') ?? null,
    retryAttempt: Number(req.get('retry-attempt') ?? 0),
    prefer: req.get('prefer') ?? null,
    query: req.url.split('?')[1] ?? '',
    ...(req.body && !Buffer.isBuffer(req.body) && typeof req.body === 'object'
      ? { body: structuredClone(req.body) }
      : {}),
    version: req.baseUrl.split('/').pop() ?? '',
  });
}
