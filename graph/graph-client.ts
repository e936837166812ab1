import { randomUUID } from 'node:crypto';
import {
  Client,
  HTTPMessageHandler,
  type Middleware,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { graphResourceOf, type TokenProvider } from './auth/token-provider.js';
import { type GraphErrorBody, GraphRequestError, retryAfterSeconds } from './graph-error.js';
import { KeyedLimiter } from './keyed-limiter.js';
import { AttemptTimer, AttemptTimerOptions, BearerToken } from './graph-middleware.js';

/**
 * The one way this service calls Microsoft Graph: `@microsoft/microsoft-graph-client` with a
 * configurable base URL (sovereign clouds, the simulated tenant), its RetryHandler honouring
 * Retry-After on 429/503/504, a limit of four in-flight requests per Outlook mailbox, and every
 * failure raised as a GraphRequestError carrying Graph's error code and request id.
 *
 * Every request names its call as `METHOD /path/{placeholder}` (the form capability modules
 * declare in their *_NEEDS lists, aggregated in permissions.ts), so what the code calls can be
 * enumerated and checked against the permissions the admin guide asks for.
 */
export interface GraphRequest {
  /** `METHOD /path/{placeholder}`, e.g. `POST /users/{id}/sendMail`. */
  call: string;
  /** Values for the placeholders; each is URL-encoded into its path segment. */
  params?: Record<string, string>;
  /** Query options; values are URL-encoded here (the SDK sends them as given). */
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * What the client retries by itself. `all`: 429, 503 and 504. `throttling`: 429 only (Graph
   * refused before acting). The default is `all` for GET, PUT, PATCH and DELETE, which can be
   * repeated safely, and `throttling` for POST (sendMail, createLink, calls...), where after a
   * 5xx or a timeout nobody knows whether Graph acted: the caller decides (the outbox checks
   * Sent Items first). A POST Graph de-duplicates itself (an event with a transactionId) may
   * say `all`. A timeout or a lost connection is never retried here.
   */
  retryOn?: 'all' | 'throttling';
}

export interface GraphResponse<T> {
  status: number;
  body: T;
  headers: Headers;
  requestId: string | null;
}

export interface GraphCallEvent {
  call: string;
  status: number;
  attempts: number;
  ms: number;
  requestId: string | null;
}

export interface GraphClientOptions {
  /** e.g. `https://graph.microsoft.com/v1.0` (config.microsoft.graphBaseUrl). */
  baseUrl: string;
  tokens: TokenProvider;
  /** Exchange Online allows 4 concurrent requests per mailbox. */
  mailboxConcurrency?: number;
  /** Retries after the first attempt (SDK default 3, cap 10). */
  maxRetries?: number;
  /** Delay in seconds when Graph sends no Retry-After (then exponential backoff). */
  retryDelaySeconds?: number;
  /** Per attempt, so a retry after Retry-After gets a fresh allowance. */
  attemptTimeoutMs?: number;
  /** Called once per call with its outcome (metrics, contract tests). */
  onCall?: (event: GraphCallEvent) => void;
}

/** Outlook (Exchange) resources of a user: these count against the mailbox's concurrency. */
const MAILBOX_CALL =
  /^[A-Z]+ \/users\/\{(\w+)\}\/(sendMail|messages|mailFolders|events|calendar|calendarView)\b/i;

export class GraphClient {
  private readonly client: Client;
  private readonly limiter: KeyedLimiter;
  private readonly base: URL;

  constructor(private readonly options: GraphClientOptions) {
    this.base = new URL(options.baseUrl.replace(/\/$/, ''));
    const segments = this.base.pathname.split('/');
    const version = segments.pop() as string;
    const host = `${this.base.origin}${segments.join('/')}`;
    const resource = graphResourceOf(options.baseUrl);
    const chain: Middleware[] = [
      new BearerToken(() => options.tokens.appToken(resource), this.base.href),
      new RetryHandler(
        new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 5),
      ),
      new AttemptTimer(),
      new HTTPMessageHandler(),
    ];
    chain.reduce((previous, next) => {
      previous.setNext?.(next);
      return next;
    });
    this.client = Client.initWithMiddleware({
      middleware: chain,
      baseUrl: host,
      defaultVersion: version,
    });
    this.limiter = new KeyedLimiter(options.mailboxConcurrency ?? 4);
  }

  /** Sends one request; resolves with the parsed body, throws GraphRequestError on failure. */
  async send<T = unknown>(request: GraphRequest & { path?: string }): Promise<GraphResponse<T>> {
    const mailbox = MAILBOX_CALL.exec(request.call);
    const key = mailbox ? request.params?.[mailbox[1] as string]?.toLowerCase() : undefined;
    return key ? this.limiter.run(key, () => this.attempt<T>(request)) : this.attempt<T>(request);
  }

  /** Every item of a collection, following `@odata.nextLink` (only to this Graph endpoint). */
  async all<T>(request: GraphRequest): Promise<T[]> {
    const items: T[] = [];
    let next: (GraphRequest & { path?: string }) | null = request;
    while (next) {
      const page: GraphResponse<{ value?: T[]; '@odata.nextLink'?: string }> =
        await this.send(next);
      items.push(...(page.body.value ?? []));
      const link = page.body['@odata.nextLink'];
      next = link ? this.nextPage(request, link) : null;
    }
    return items;
  }

  /**
   * The request for a nextLink (`@odata.nextLink`, `sessions@odata.nextLink`): same call, path
   * from the link. Only a link to the same resource collection is followed: another endpoint
   * would receive our token, and anything else (Microsoft's own call-record sample pages
   * sessions with a `$metadata#...` link) would return something that is not the next page, so
   * the rest of the collection would be lost without a word. Those raise a GraphRequestError.
   */
  nextPage(
    request: GraphRequest & { path?: string },
    link: string,
  ): GraphRequest & { path: string } {
    const [, template] = request.call.split(' ') as [string, string];
    const expected = (request.path ?? fill(template, request.params ?? {})).split('?')[0] as string;
    const path = this.relative(request.call, link);
    const [linkPath] = path.split('?') as [string];
    if (!samePath(linkPath, expected))
      throw unfollowable(
        request.call,
        `The nextLink does not continue the collection ${template}; the remaining pages cannot be read.`,
      );
    return { ...request, path };
  }

  private relative(call: string, link: string): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw unfollowable(call, 'The nextLink is not an absolute URL.');
    }
    const basePath = this.base.pathname.replace(/\/$/, '');
    if (url.origin !== this.base.origin || !url.pathname.startsWith(`${basePath}/`))
      throw unfollowable(
        call,
        `Refusing to follow a nextLink outside ${this.base.origin}${basePath}.`,
      );
    if (url.hash) throw unfollowable(call, 'The nextLink carries a fragment, not a page.');
    return `${url.pathname.slice(basePath.length)}${url.search}`;
  }

  private async attempt<T>(request: GraphRequest & { path?: string }): Promise<GraphResponse<T>> {
    const started = performance.now();
    const clientRequestId = randomUUID();
    const timer = new AttemptTimerOptions(this.options.attemptTimeoutMs ?? 30_000);
    const [method, template] = request.call.split(' ') as [string, string];
    const retryOn = request.retryOn ?? (method === 'POST' ? 'throttling' : 'all');
    const retry = new RetryHandlerOptions(
      this.options.retryDelaySeconds ?? 3,
      this.options.maxRetries ?? 5,
      retryOn === 'throttling' ? (_d, _a, _req, _o, res) => res.status === 429 : undefined,
    );
    const path = request.path ?? fill(template, request.params ?? {}) + queryString(request.query);
    const api = this.client
      .api(path)
      .headers({ 'client-request-id': clientRequestId, ...request.headers })
      .middlewareOptions([retry, timer])
      .responseType(ResponseType.RAW);
    let raw: Response;
    try {
      raw = (await send(api, method, request.body)) as Response;
    } catch (error) {
      // No response at all (timeout, connection refused): status 0, still a GraphRequestError.
      // The SDK wraps fetch's error in a GraphError whose code is the original error's name.
      const name = `${(error as { code?: unknown }).code ?? ''} ${(error as Error)?.name ?? ''}`;
      const code = /TimeoutError|AbortError/.test(name) ? 'Timeout' : 'NetworkError';
      this.report(request.call, 0, timer.attempts, started, null);
      throw new GraphRequestError(
        request.call,
        0,
        code,
        null,
        clientRequestId,
        String(error),
        null,
      );
    }
    const text = await raw.text();
    const body = parseBody(text, raw.headers.get('content-type'));
    const requestId =
      raw.headers.get('request-id') ??
      (body as GraphErrorBody)?.error?.innerError?.['request-id'] ??
      null;
    this.report(request.call, raw.status, timer.attempts, started, requestId);
    if (!raw.ok) {
      const error = (body as GraphErrorBody)?.error;
      throw new GraphRequestError(
        request.call,
        raw.status,
        error?.code ?? `Http${raw.status}`,
        requestId,
        clientRequestId,
        error?.message ?? '',
        retryAfterSeconds(raw.headers.get('retry-after')),
      );
    }
    return { status: raw.status, body: body as T, headers: raw.headers, requestId };
  }

  private report(
    call: string,
    status: number,
    attempts: number,
    started: number,
    requestId: string | null,
  ) {
    this.options.onCall?.({ call, status, attempts, ms: performance.now() - started, requestId });
  }
}

/** Paths compare decoded and case-insensitively, as Graph's own segments are. */
function samePath(a: string, b: string): boolean {
  const norm = (p: string) => {
    try {
      return decodeURIComponent(p).replace(/\/$/, '').toLowerCase();
    } catch {
      return p.toLowerCase();
    }
  };
  return norm(a) === norm(b);
}

/** A page link we will not follow: not transient (retrying reads the same link). */
function unfollowable(call: string, message: string): GraphRequestError {
  return new GraphRequestError(call, 502, 'UnfollowableNextLink', null, '', message, null);
}

/** JSON when it says so and is; otherwise the text (a proxy's HTML error page, an empty 202). */
function parseBody(text: string, contentType: string | null): unknown {
  if (!text || !/json/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(api: ReturnType<Client['api']>, method: string, body: unknown): Promise<unknown> {
  switch (method) {
    case 'GET':
      return api.get();
    case 'POST':
      return api.post(body ?? {});
    case 'PATCH':
      return api.patch(body ?? {});
    case 'PUT':
      return api.put(body ?? {});
    case 'DELETE':
      return api.delete();
    default:
      throw new Error(`Unsupported Graph method in call "${method}"`);
  }
}

/** `/users/{id}/sendMail` + `{id: 'a@b'}` → `/users/a%40b/sendMail`; a missing value throws. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined || value === '')
      throw new Error(`No value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: Record<string, string> | undefined): string {
  const pairs = Object.entries(query ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
