import express from 'express';
import { describe, expect, it } from 'vitest';
import { listen } from '../test/support/http.js';
import { createLogger } from './logger.js';
import { installShutdown } from './shutdown.js';

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new connections, then runs the clean-up steps in order', async () => {
    const app = express();
    let release: () => void = () => {};
    app.get('/slow', (_req, res) => {
      release = () => res.send('finished');
    });
    const { url, server } = await listen(app);
    const order: string[] = [];
    let exitCode: number | undefined;
    const shutdown = installShutdown({
      server,
      log: createLogger({ level: 'silent' }),
      onStart: () => order.push('stop-accepting'),
      steps: [
        { name: 'jobs', run: async () => void order.push('jobs') },
        { name: 'database', run: async () => void order.push('database') },
      ],
      exit: (code) => {
        exitCode = code;
      },
    });
    const inFlight = fetch(`${url}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const stopping = shutdown('SIGTERM');
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    expect(order).toEqual(['stop-accepting']);
    release();
    expect(await inFlight).toBe('finished');
    await stopping;
    expect(order).toEqual(['stop-accepting', 'jobs', 'database']);
    expect(exitCode).toBe(0);
  });
});
