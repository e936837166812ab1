import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * Our two middlewares in the Graph client's chain (graph-client.ts): the bearer token, which
 * the SDK's AuthenticationHandler would attach only to https Graph hosts (not a simulated
 * tenant on loopback), and a per-attempt timeout that sits after the RetryHandler, so each
 * retry gets its own allowance and the attempts can be counted.
 */
/** Adds the app-only token, and only to requests for the configured Graph endpoint. */
export class BearerToken implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly token: () => Promise<string>,
    private readonly base: string,
  ) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (url.startsWith(this.base)) {
      context.options ??= {};
      const headers = (context.options.headers ??= {}) as Record<string, string>;
      headers.Authorization = `Bearer ${await this.token()}`;
    }
    return this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

export class AttemptTimerOptions implements MiddlewareOptions {
  attempts = 0;
  constructor(readonly timeoutMs: number) {}
}

/** Counts attempts and gives each its own timeout (the retry handler re-runs what follows it). */
export class AttemptTimer implements Middleware {
  private next?: Middleware;
  async execute(context: Context): Promise<void> {
    const options = context.middlewareControl?.getMiddlewareOptions(AttemptTimerOptions) as
      AttemptTimerOptions | undefined;
    if (options) {
      options.attempts += 1;
      context.options = { ...context.options, signal: AbortSignal.timeout(options.timeoutMs) };
    }
    return this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}
