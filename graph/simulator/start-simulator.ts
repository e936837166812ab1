import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { SimulatedTenant, type SimulatedTenantOptions } from './simulated-tenant.js';

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:41234`; the tenant lives under `${url}/sim`. */
  url: string;
  tenant: SimulatedTenant;
  close(): Promise<void>;
}

/**
 * Runs a simulated tenant on its own loopback port (tests, and processes such as a chasing
 * worker that must keep talking to the same tenant across a crash). Port 0 picks a free one.
 */
export async function startSimulator(
  options: Omit<SimulatedTenantOptions, 'baseUrl'> & { port?: number; host?: string },
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const tenant = await SimulatedTenant.create({ ...options, baseUrl: `${url}/sim` });
  const app = express();
  app.disable('x-powered-by');
  app.use('/sim', tenant.router());
  server.on('request', app);
  return {
    url,
    tenant,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await tenant.close();
    },
  };
}
