import { DomainError } from '../core/errors.js';

/**
 * A Microsoft Graph call that failed after the retry handler gave up (or was not allowed to
 * retry). It carries what support needs and nothing personal: the call template (never the
 * filled-in path, which may hold an e-mail address), the HTTP status, Graph's error code, the
 * request id and client request id, and Retry-After when Graph sent one. Graph's own message is
 * kept apart in `graphMessage`, because it can quote a mailbox address.
 *
 * It is a DomainError with code UPSTREAM_FAILED, so it reaches a tab user as a 502 with the
 * Graph code and request id in `details`, and the job runner can retry it.
 */
export class GraphRequestError extends DomainError {
  override readonly name = 'GraphRequestError';

  constructor(
    readonly call: string,
    readonly status: number,
    readonly graphCode: string,
    readonly requestId: string | null,
    readonly clientRequestId: string,
    readonly graphMessage: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(
      'UPSTREAM_FAILED',
      `Microsoft Graph ${call} failed: ${status} ${graphCode} (request-id ${requestId ?? 'none'}, client-request-id ${clientRequestId}).`,
      { call, status, graphCode, requestId, clientRequestId },
    );
  }

  /** Throttled or briefly unavailable: worth trying again later. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503 || this.status === 504;
  }
}

/** Graph's error body: `{ error: { code, message, innerError: { 'request-id', date } } }`. */
export interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    innerError?: { 'request-id'?: string; 'client-request-id'?: string; date?: string };
  };
}

export function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}
