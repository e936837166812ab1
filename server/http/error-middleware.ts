import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { type ErrorCode, isDomainError } from '../../core/errors.js';
import type { Logger } from '../logger.js';
import { plainIssue } from './plain-issue.js';

/** HTTP status for each domain error code (the code itself is the stable contract). */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_A_MEMBER: 403,
  CASE_NOT_VISIBLE: 403,
  DECLARATION_REQUIRED: 403,
  // FR-107, IS-01: an agency that has not signed is not permitted to see or be given anything.
  AGENCY_NOT_SIGNATORY: 403,
  RECIPIENT_NOT_ALLOWED: 422,
  NOTICE_REASON_REQUIRED: 422,
  REORDER_LIMIT_REACHED: 422,
  DUPLICATE_CASE_NUMBER: 409,
  IMPORT_REJECTED: 422,
  MEETING_NOT_READY: 409,
  ACTION_NOT_OWNED: 403,
  EVIDENCE_REQUIRED: 422,
  REASON_REQUIRED: 422,
  DUE_DATE_IN_PAST: 422,
  INVALID_STATE: 409,
  PERPETRATOR_WARNING_NOT_ACKNOWLEDGED: 422,
  UPSTREAM_FAILED: 502,
  CONSENT_REQUIRED: 403,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; correlationId?: string };
}

/** 404 for unknown API routes, in the same JSON shape as every other error. */
export const notFound: RequestHandler = (req, res) => {
  const body: ErrorBody = {
    error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.baseUrl}${req.path}` },
  };
  res.status(404).json(body);
};

/**
 * The edge where errors become responses (STYLE.md "Catch only at the edges"): domain codes
 * map to statuses, bad input is a 4xx naming what was wrong, anything else is a 500 with a
 * correlation id that matches the log line (which carries no personal data).
 */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    const send = (status: number, error: ErrorBody['error']) =>
      res.status(status).json({ error } satisfies ErrorBody);
    if (isDomainError(error)) {
      return send(STATUS_BY_CODE[error.code], {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      });
    }
    if (error instanceof ZodError) {
      return send(400, {
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        details: error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: plainIssue(issue),
        })),
      });
    }
    const httpError = error as {
      type?: string;
      status?: number;
      statusCode?: number;
      expose?: boolean;
    };
    const status = httpError.status ?? httpError.statusCode;
    if (httpError.type === 'entity.too.large')
      return send(413, {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is larger than this endpoint accepts.',
      });
    if (httpError.type === 'entity.too.deep')
      return send(400, {
        code: 'MALFORMED_JSON',
        message: 'The request body is nested too deeply to be a request for this service.',
      });
    if (httpError.type === 'entity.parse.failed')
      return send(400, { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' });
    if (status && status >= 400 && status < 500 && httpError.expose)
      return send(status, { code: 'BAD_REQUEST', message: (error as Error).message });
    if (isBadValueForColumn(error))
      return send(400, {
        code: 'VALIDATION_FAILED',
        message:
          'A value in the request is not of the right kind (for example, an id that is not an id).',
      });
    const correlationId = randomUUID();
    log.error(
      { err: error, correlationId, method: req.method, route: req.route?.path ?? req.path },
      'request failed',
    );
    return send(500, {
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Quote this reference if you report it.',
      correlationId,
    });
  };
}

/**
 * PostgreSQL (and PGlite) data exceptions that only a caller's value can cause: a malformed id
 * or date, a number out of range, a NUL byte in text. Routes do not each validate every path
 * id, so the database's own refusal is mapped here to a 400 instead of a 500.
 */
const BAD_VALUE_SQLSTATES = new Set(['22P02', '22007', '22008', '22003', '22021', '22P05']);
function isBadValueForColumn(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BAD_VALUE_SQLSTATES.has(code);
}
