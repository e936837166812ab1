import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Logs carry ids and counts, never names, addresses, dates of birth, case text or action text
 * (DESIGN.md §2, STYLE.md). Two safety nets catch mistakes: pino's `redact` for known paths,
 * and a deep scrub that censors any key that looks like personal or case content, at any depth.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  'accessToken',
  'password',
  'clientSecret',
  'err.detail',
  'err.where',
  'err.parameters',
  'error.detail',
  '*.password',
  '*.token',
];

const SENSITIVE_KEY =
  /^(full_?name|display_?name|name|first_?name|last_?name|surname|aliases?|victim.*|perpetrator.*|child(ren)?|subjects?|d(ate_?of_?)?o?b|date_?of_?birth|birth_?date|address(es)?|postcode|e_?mail|email_?address|phone|summary|description|text|notes?|body(_?html)?|content|completion_?evidence|victim_?views|reason|comment)$/i;

const CENSOR = '[redacted]';

/**
 * An error as a log object: its class, code and stack frames (our source locations, which carry
 * no personal data) so a 500's reference id leads to the fault. The message is censored: it can
 * quote a value (a name in a constraint error, a typed field), and so can the stack's first
 * line, which repeats it. There is no `message` key, so pino's error serializer (which runs after
 * this and would re-type a message-bearing object as "Object") leaves it alone. Other own
 * properties go through the same key censoring as the rest.
 */
function scrubError(error: Error, depth: number): Record<string, unknown> {
  const type =
    error.constructor?.name && error.constructor.name !== 'Object'
      ? error.constructor.name
      : 'Error';
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: Record<string, unknown> = {
    type,
    ...(error.name && error.name !== type ? { errorName: error.name } : {}),
    stack: [`${type}: ${CENSOR}`, ...frames].join('\n'),
  };
  for (const [key, inner] of Object.entries(error)) {
    if (key === 'name' || key === 'message' || key === 'stack') continue;
    out[key] = SENSITIVE_KEY.test(key) ? CENSOR : scrub(inner, depth + 1);
  }
  if (error.cause !== undefined) out.cause = scrub(error.cause, depth + 1);
  return out;
}

/** Replaces the values of sensitive keys anywhere in a log object (copy, never mutate). */
export function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof Error) return scrubError(value, depth);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? CENSOR : scrub(inner, depth + 1);
  }
  return out;
}

export function createLogger(
  options: { level?: string; base?: Record<string, unknown> } = {},
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? { service: 'virtual-marac' },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: {
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
