import type { IncomingHttpHeaders } from 'node:http';
import type { JWTPayload } from 'jose';

/**
 * One endpoint of the simulated Graph, named by the same `METHOD /path/{placeholder}` template
 * the adapters declare (so faults, the request log and permissions all use one vocabulary).
 */
export interface SimRoute {
  call: string;
  /** Application permissions, any one of which allows the call (from Microsoft's docs). */
  permissions: string[];
  /** Counts against the per-mailbox concurrency limit, keyed by this placeholder. */
  mailbox?: string;
  /** Request bodies other than JSON (file uploads) arrive as a Buffer. */
  rawBody?: boolean;
  handle(req: SimRequest): SimReply | Promise<SimReply>;
}

export interface SimRequest {
  call: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Claims of the verified app token (`roles`, `appid`, `tid`). */
  token: JWTPayload;
  requestId: string;
  now: Date;
  /** This Graph endpoint's root as the caller reached it (for `@odata.nextLink`). */
  root: string;
}

export interface SimReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A Graph error a handler throws; the router renders `{ error: { code, message, innerError } }`. */
export class SimGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'BadRequest') =>
  new SimGraphError(400, code, message);
export const notFound = (message: string, code = 'ItemNotFound') =>
  new SimGraphError(404, code, message);

/** A compiled template: `/users/{id}/sendMail` matches `/users/a%40b/sendMail` (case-insensitive). */
export interface CompiledRoute {
  route: SimRoute;
  method: string;
  pattern: RegExp;
  names: string[];
}

export function compile(route: SimRoute): CompiledRoute {
  const [method, template] = route.call.split(' ') as [string, string];
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+?)';
    })
    .join('');
  return { route, method, pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

export function match(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { compiled: CompiledRoute; params: Record<string, string> } | null {
  for (const compiled of routes) {
    if (compiled.method !== method) continue;
    const found = compiled.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    compiled.names.forEach(
      (name, i) => (params[name] = decodeURIComponent(found[i + 1] as string)),
    );
    return { compiled, params };
  }
  return null;
}

/** Graph's timestamps: UTC with seven fractional digits in dateTimeTimeZone, ISO Z elsewhere. */
export function graphDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.0000000`;
}

/**
 * One page of a collection, Graph style: `$top` (default `pageSize`) items from the offset in
 * `$skiptoken`, and an `@odata.nextLink` repeating the request's query for the next page.
 */
export function page<T>(
  items: T[],
  req: SimRequest,
  path: string,
  pageSize: number,
): { value: T[]; '@odata.nextLink'?: string } {
  const top = Math.max(1, Math.min(Number(req.query.get('$top') ?? pageSize) || pageSize, 1000));
  const offset = Number(
    Buffer.from(req.query.get('$skiptoken') ?? '', 'base64url').toString() || 0,
  );
  const value = items.slice(offset, offset + top);
  if (offset + top >= items.length) return { value };
  const next = new URLSearchParams(req.query);
  next.set('$skiptoken', Buffer.from(String(offset + top)).toString('base64url'));
  return {
    value,
    '@odata.nextLink': `${req.root}${path}?${next.toString().replace(/\+/g, '%20')}`,
  };
}
