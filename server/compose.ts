import type { Db } from '../store/db.js';
import { PgDirectoryStore } from '../store/directory-store.js';
import { createTokenVerifier } from '../tab/api/auth/token-verifier.js';
import { demoSignInRoutes } from '../tab/api/demo-sign-in.js';
import { createTabApi, type TabApiFeature } from '../tab/api/tab-api.js';
import type { HttpFeature } from './app.js';
import { composeMicrosoft, type MicrosoftAdapters } from './compose-microsoft.js';
import type { Config } from './config.js';
import type { PgBossJobs } from './jobs/pg-boss-jobs.js';
import type { Logger } from './logger.js';

export interface Runtime {
  config: Config;
  log: Logger;
  db: Db;
  jobs: PgBossJobs;
}

export interface Composition {
  features: HttpFeature[];
  /** Registers job handlers and schedules once the job system has started. */
  startJobs(jobs: PgBossJobs): Promise<void>;
  /** Stops what the features started (calls, timers), before jobs and the database close. */
  stop(): Promise<void>;
  /** Graph adapters behind core ports, and the simulated tenant in demo mode. */
  microsoft: MicrosoftAdapters;
}

/**
 * The composition root (STYLE.md: "server/ is the only place that knows every concrete
 * class"): builds the adapters for the mode (simulated tenant in demo, Microsoft 365 in
 * production), the use cases, and the HTTP features that expose them.
 *
 * Order matters: /sim and the routes that authenticate themselves (/api/messages, /api/calling,
 * /api/demo) come before the tab API, which requires a signed-in user for everything under /api.
 */
export async function compose(runtime: Runtime): Promise<Composition> {
  const { config, db } = runtime;
  const directory = new PgDirectoryStore(db);
  const features: HttpFeature[] = [];
  const tabFeatures: TabApiFeature[] = [];
  // The simulated tenant under /sim (demo mode) and the bot's /api/messages come first.
  const microsoft = await composeMicrosoft(runtime);
  features.push(...microsoft.features);

  const simulator = microsoft.adapters.simulator;
  if (simulator) {
    const issuer = simulator.entra;
    features.push({
      path: '/api/demo',
      handler: demoSignInRoutes({
        issuer,
        directory,
        areaId: async () =>
          (await db.query<{ id: string }>('SELECT id FROM area ORDER BY created_at LIMIT 1'))
            .rows[0]?.id ?? '',
        audience: config.microsoft.appId as string,
      }),
    });
  }

  const verify = createTokenVerifier({
    authorityHost: config.microsoft.authorityHost,
    audiences: config.microsoft.tabAudiences,
    allowedTenants: config.microsoft.allowedTenants,
  });
  features.push({
    path: '/api',
    handler: createTabApi({ verify, directory, features: tabFeatures }),
  });

  return {
    features,
    startJobs: async () => {},
    stop: () => microsoft.stop(),
    microsoft: microsoft.adapters,
  };
}
