import type { Server } from 'node:http';
import type { Logger } from './logger.js';

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests
 * finish (up to `graceMs`), then run the clean-up steps in order (features, jobs, database).
 */
export function installShutdown(deps: {
  server: Server;
  log: Logger;
  steps: Array<{ name: string; run: () => Promise<void> }>;
  onStart: () => void;
  graceMs?: number;
  exit?: (code: number) => void;
}): (signal: string) => Promise<void> {
  let shuttingDown = false;
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    deps.onStart();
    deps.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const closed = new Promise<void>((resolve) => deps.server.close(() => resolve()));
    deps.server.closeIdleConnections();
    const force = setTimeout(() => deps.server.closeAllConnections(), deps.graceMs ?? 10_000);
    force.unref();
    await closed;
    clearTimeout(force);
    let code = 0;
    for (const step of deps.steps) {
      try {
        await step.run();
      } catch (error) {
        code = 1;
        deps.log.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    deps.log.info('stopped');
    exit(code);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return shutdown;
}
