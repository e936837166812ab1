import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../server/logger.js';

/** A real logger (with its censoring) whose lines a test can read, e.g. to find error lines. */
export function captureLog(level = 'info'): {
  log: Logger;
  lines: () => { level: number; msg?: string; [key: string]: unknown }[];
  errors: () => { level: number; msg?: string; [key: string]: unknown }[];
} {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      done();
    },
  });
  const lines = () =>
    raw
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg?: string });
  return {
    log: createLogger({ level }, stream),
    lines,
    errors: () => lines().filter((line) => line.level >= 50),
  };
}
