import type express from 'express';
import { z } from 'zod';

/** A refusal of the demo-only JSON APIs (meeting room, meeting chat): status, code, words. */
export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The demo APIs' error answers: their own refusals, zod's "field: problem" list as 400
 * VALIDATION_FAILED, and unparsable JSON as 400 MALFORMED_JSON; anything else goes on.
 */
export const demoApiErrors: express.ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof DemoApiError)
    return void res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message } });
  if (error instanceof z.ZodError)
    return void res.status(400).json({
      error: {
        code: 'VALIDATION_FAILED',
        message: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      },
    });
  if ((error as { type?: string }).type === 'entity.parse.failed')
    return void res
      .status(400)
      .json({ error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON.' } });
  next(error);
};
