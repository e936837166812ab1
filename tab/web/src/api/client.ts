/**
 * The `api` fetch helper: every call carries the bearer token from the auth layer, and every
 * failure becomes an ApiError with a message in plain words (the service's own message when it
 * sent one). A 404 for a route the service does not have yet is `notAvailable`, so a screen
 * built ahead of its API says "not available yet" instead of failing.
 */
import { getToken, signInAgain } from '../auth/auth.js';

export interface ProblemDetail {
  row?: number;
  field?: string;
  path?: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** The endpoint does not exist on this service (yet): not the record. */
  get notAvailable(): boolean {
    return this.status === 404 && this.message.startsWith('No route for');
  }
  /** Row- or field-level problems the service listed (an import, a form). */
  get problems(): ProblemDetail[] {
    const d = this.details as { problems?: ProblemDetail[] } | ProblemDetail[] | undefined;
    if (Array.isArray(d)) return d;
    return Array.isArray(d?.problems) ? d.problems : [];
  }
}

const PLAIN_BY_STATUS: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your sign-in has expired. Sign in again to continue.',
  403: 'Your role does not allow this.',
  404: 'That record does not exist.',
  409: 'Someone else changed this first. Reload and try again.',
  413: 'That file is too large.',
  422: 'That was not accepted: check the details below.',
  429: 'Too many requests just now. Wait a moment and try again.',
  500: 'Something went wrong on the service. Try again; if it keeps happening, tell your coordinator.',
  502: 'Microsoft 365 did not accept the request; it will be retried.',
  503: 'The service is starting or busy. Try again in a moment.',
};

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A JSON body, or a File/Blob sent as-is (uploads). */
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the tab API at `/api${path}` and returns its JSON. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Same as `api` but returns the raw body (downloads such as the minutes DOCX). */
export async function apiBlob(path: string, options: ApiOptions = {}): Promise<Blob> {
  return (await send(path, options)).blob();
}

async function send(path: string, options: ApiOptions): Promise<Response> {
  let token: string | null;
  try {
    token = await getToken();
  } catch {
    // Teams/Outlook or MSAL could not give a token (consent, MFA, offline): a sign-in problem.
    throw new ApiError(
      401,
      'UNAUTHENTICATED',
      'Microsoft 365 did not give this app a sign-in token. Sign in again to continue.',
    );
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    body = options.body;
    headers['content-type'] = options.body.type || 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK',
      'The service could not be reached. Check your connection and try again.',
    );
  }
  if (response.ok) return response;
  let code = `HTTP_${response.status}`;
  let message = PLAIN_BY_STATUS[response.status] ?? `The service answered ${response.status}.`;
  let details: unknown;
  try {
    const json = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (json.error?.code) code = json.error.code;
    if (json.error?.message) message = json.error.message;
    details = json.error?.details;
  } catch {
    // not JSON: keep the plain message for the status
  }
  if (response.status === 401) signInAgain();
  throw new ApiError(response.status, code, message, details);
}

/** A plain sentence for any error thrown by `api` (or anything else). */
export function plainError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.notAvailable) return 'This is not available yet on this service.';
    return error.message;
  }
  return 'Something unexpected went wrong. Reload the page and try again.';
}
